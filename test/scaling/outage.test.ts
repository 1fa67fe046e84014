// The database frozen or gone, seen from one instance through a TCP proxy that
// can pause (a frozen server: connections open, nothing answers) and cut.
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectPostgres, type Database } from "../../server/db/connect.js";
import { insertStories } from "../companies/helpers.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createTestDatabase } from "../helpers/database.js";
import { createOrganisation, createUser } from "../helpers/fixtures.js";
import { describeWithServers, env, eventually } from "../helpers/servers.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";

const timed = async <T>(work: Promise<T>) => {
  const started = Date.now();
  const result = await work;
  return { result, ms: Date.now() - started };
};

describeWithServers(["TEST_DATABASE_URL"], "while the database is frozen or gone", () => {
  let proxy: TcpProxy;
  let owner: Database;
  let testApp: TestApp;
  beforeAll(async () => {
    const url = new URL(env("TEST_DATABASE_URL"));
    proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    owner = await createTestDatabase({ demo: true });
    const proxied = new URL(url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(proxy.port);
    // What the server does with DATABASE_TIMEOUT_MS=2500 (server/db/open.ts).
    const database = connectPostgres(
      { kind: "postgres", url: proxied.toString(), schema: (owner as { schema?: string }).schema, poolSize: 4, connectTimeoutMs: 2_500, queryTimeoutMs: 2_500 },
      () => {},
    );
    testApp = await createTestApp({ database });
  });
  afterAll(async () => {
    await testApp?.close();
    await proxy?.close();
    await owner?.close();
  });

  it("frozen: every request answers within a few seconds, pages with the 503 page, JSON and CSV in their own format, /healthz at once", async () => {
    const { app } = testApp;
    expect((await app.inject("/")).statusCode).toBe(200);
    proxy.pause();
    try {
      const [home, json, csv, story, health, ready] = await Promise.all(
        ["/", "/companies.json", "/companies.csv", "/stories/1/x", "/healthz", "/readyz"].map((url) => timed(app.inject(url))),
      );
      for (const answer of [home, json, csv, story, ready]) {
        expect(answer!.result.statusCode).toBe(503);
        expect(answer!.ms).toBeLessThan(6_000);
      }
      expect(home!.result.headers["content-type"]).toMatch(/text\/html/);
      expect(home!.result.body).toContain("cannot reach its database");
      expect(json!.result.headers["content-type"]).toMatch(/application\/json/);
      expect(json!.result.json()).toMatchObject({ error: "unavailable" });
      expect(csv!.result.headers["content-type"]).toMatch(/text\/csv/);
      expect(csv!.result.body).toMatch(/^error\r\n"Escalator cannot reach its database/);
      expect(health!.result.statusCode).toBe(200);
      expect(health!.ms).toBeLessThan(2_000);
      expect(ready!.ms).toBeLessThan(2_000);
    } finally {
      proxy.resume();
    }
    await eventually(async () => (await app.inject("/")).statusCode === 200, 10_000, "pages again after the freeze");
  }, 60_000);

  it("after a 10-second outage, the figures follow a change within 2 s again no later than 1 s after the database returns", async () => {
    const author_id = await createUser(owner.db);
    const company_id = await createOrganisation(owner.db, "Outage Example Ltd");
    const storiesOf = async () =>
      (await sql<{ stories: number }>`select stories from company_figures
        where company_id = ${company_id} and period = 'all' and country = '' and channel = ''`.execute(owner.db)).rows[0]?.stories ?? 0;
    await insertStories(owner.db, { author_id, company_id }, [{ response: 60 }]);
    await eventually(async () => (await storiesOf()) === 1, 5_000, "the worker counts the first story");

    await proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    await proxy.restore();
    const back = Date.now();
    await insertStories(owner.db, { author_id, company_id }, [{ response: 120 }]);
    await eventually(async () => (await storiesOf()) === 2, 6_000, "the worker counts the story posted as the database returned");
    expect(Date.now() - back).toBeLessThan(3_000);
  }, 60_000);
});
