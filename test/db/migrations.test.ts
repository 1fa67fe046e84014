import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../server/db/migrate.js";
import { createEmptyDatabase, usingServer } from "../helpers/database.js";
import { connectPostgres, type Database } from "../../server/db/connect.js";

describe("migrations", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(() => database.close());

  it("apply on an empty database and a second run changes nothing", async () => {
    const first = await migrateToLatest(database.db);
    expect(first.map((r) => r.status)).not.toContain("Error");
    expect(first.map((r) => r.migrationName)).toContain("0001_initial");

    const second = await migrateToLatest(database.db);
    expect(second).toEqual([]);

    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(database.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(["users", "sessions", "organisations", "organisation_aliases", "stories", "replies", "revisions", "me_toos", "flags", "moderation_log", "notifications"]),
    );
  });

  it("returns counts and numerics as JavaScript numbers on either database", async () => {
    const row = await sql<{ n: unknown; half: unknown; big: unknown }>`select count(*) as n, 1.5::numeric as half, 9007199254740991::bigint as big`.execute(database.db);
    expect(row.rows[0]).toEqual({ n: 1, half: 1.5, big: 9007199254740991 });
  });

  it("derives the response time and its bucket in the database", async () => {
    const { id: userId } = await database.db.insertInto("users").values({ username: "derive", username_key: "derive", password_hash: "!" }).returning("id").executeTakeFirstOrThrow();
    const { id: orgId } = await database.db.insertInto("organisations").values({ slug: "acme", name: "Acme" }).returning("id").executeTakeFirstOrThrow();
    const base = { author_id: userId, title: "Bucket check story", slug: "b", company_id: orgId, country: "US", channel: "email", escalated_to: "ceo", body_md: "", body_html: "" } as const;
    const at = new Date("2025-01-01T10:00:00Z");
    const cases: [number | null, string][] = [
      [59 * 60, "under_1h"], [3600, "under_24h"], [24 * 3600, "d1_3"], [3 * 86400, "d3_7"], [7 * 86400, "d7_30"], [30 * 86400, "d7_30"], [30 * 86400 + 1, "over_30d"], [null, "none"],
    ];
    for (const [seconds, bucket] of cases) {
      const row = await database.db
        .insertInto("stories")
        .values({ ...base, outcome: seconds === null ? "no_response" : "resolved", escalated_at: at, first_response_at: seconds === null ? null : new Date(at.getTime() + seconds * 1000) })
        .returning(["response_seconds", "response_bucket"])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ response_seconds: seconds, response_bucket: bucket });
    }
  });

  it("refuses an impossible timeline even if the application forgot to check", async () => {
    const story = await database.db.selectFrom("stories").select(["author_id", "company_id"]).executeTakeFirstOrThrow();
    await expect(
      database.db
        .insertInto("stories")
        .values({ ...story, title: "Answered before asked", slug: "x", country: "US", channel: "email", escalated_to: "ceo", outcome: "resolved", body_md: "", body_html: "", escalated_at: new Date("2025-02-01"), first_response_at: new Date("2025-01-01") })
        .execute(),
    ).rejects.toThrow(/stories_response_after_escalation/);
  });

  it.runIf(usingServer)("lets only one of two processes starting at once migrate", async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const fresh = await createEmptyDatabase();
    const schema = (fresh as { schema?: string }).schema!;
    const other = connectPostgres({ kind: "postgres", url, schema }, () => {});
    try {
      const [a, b] = await Promise.all([migrateToLatest(fresh.db), migrateToLatest(other.db)]);
      expect([...a, ...b].filter((r) => r.migrationName === "0001_initial")).toHaveLength(1);
    } finally {
      await other.close();
      await fresh.close();
    }
  });
});
