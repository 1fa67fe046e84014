// The figures worker on a pool of its own (db/connect.ts, as the server opens the
// database): while requests hold every connection of theirs, the figures still
// follow a new story, and the worker never takes one of the requests' connections.
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { withFigures } from "../../server/companies/tables.js";
import { connectPostgres, type Database } from "../../server/db/connect.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createTestDatabase } from "../helpers/database.js";
import { createOrganisation, createUser, insertStoryRows, storyRow } from "../helpers/fixtures.js";
import { describeWithServers, env, eventually } from "../helpers/servers.js";

describeWithServers(["TEST_DATABASE_URL"], "the figures worker's own pool", () => {
  let owner: Database;
  let testApp: TestApp;
  let release: () => void = () => {};
  let held: Promise<void> | undefined;
  let author: number, company: number;
  beforeAll(async () => {
    owner = await createTestDatabase();
    author = await createUser(owner.db, "pool_author");
    company = await createOrganisation(owner.db, "Poolcorp");
    // One connection for the requests, and the worker's own.
    const database = connectPostgres({ kind: "postgres", url: env("TEST_DATABASE_URL"), schema: (owner as { schema?: string }).schema, poolSize: 1, workerPool: true }, () => {});
    testApp = await createTestApp({ database });
    // A request that holds the requests' only connection (in a transaction) until the test lets go.
    const letGo = new Promise<void>((resolve) => (release = resolve));
    let holding = () => {};
    const taken = new Promise<void>((resolve) => (holding = resolve));
    held = database.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      holding();
      await letGo;
    });
    await taken;
  });
  afterAll(async () => {
    release();
    await held;
    await testApp?.close();
    await owner?.close();
  });

  /** Poolcorp's stories as its stored figures count them (12 months, every country and channel). */
  const storedStories = async () =>
    (await withFigures(owner.db).selectFrom("company_figures").select("stories")
      .where("company_id", "=", company).where("period", "=", "12m").where("country", "=", "").where("channel", "=", "")
      .executeTakeFirst())?.stories ?? 0;

  it("follows a new story while every request connection is taken", async () => {
    expect(await storedStories()).toBe(0);
    await insertStoryRows(owner.db, [storyRow({ author_id: author, company_id: company, responseSeconds: 600 })]);
    await eventually(async () => (await storedStories()) === 1, 10_000, "the worker recomputed Poolcorp's figures on its own pool");
    expect(testApp.database.poolStats?.().find((p) => p.pool === "primary")).toMatchObject({ total: 1, idle: 0 });
  });
});
