import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { buildApp } from "../../server/app.js";
import type { Database } from "../../server/db/connect.js";
import { createTestApp, testConfig, type TestApp } from "../helpers/app.js";
import { createTestDatabase } from "../helpers/database.js";
import { find, textOf } from "../helpers/html.js";

describe("every page", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("sends a strict Content-Security-Policy with no inline script", async () => {
    const res = await t.app.inject("/");
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
  });

  it("sends the same security headers on a kept page, a 404, a static file and a 304", async () => {
    const first = await t.app.inject("/");
    const answers = [
      await t.app.inject("/"),
      await t.app.inject("/no/such/page"),
      await t.app.inject("/static/site.css"),
      await t.app.inject({ url: "/", headers: { "if-none-match": String(first.headers.etag) } }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 404, 200, 304]);
    for (const res of answers) {
      expect(res.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(res.headers["strict-transport-security"]).toBeUndefined();
    }
  });

  it("answers an unknown address with the HTML 404 page", async () => {
    const res = await t.app.inject("/no/such/page");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(textOf(find(res.body, ".error-page h1"))).toBe("Page not found");
    expect(find(res.body, '.error-page a[href="/"]')).toBeDefined();
  });

  it("serves the stylesheet with caching headers", async () => {
    const res = await t.app.inject("/static/site.css");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/css/);
    expect(res.headers["cache-control"]).toBeDefined();
    expect(res.headers.etag).toBeDefined();
    const again = await t.app.inject({ url: "/static/site.css", headers: { "if-none-match": String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it("shows an empty database's front page without error", async () => {
    const res = await t.app.inject("/");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("No stories here yet");
  });
});

// Only a Postgres server enforces statement_timeout; the embedded PGlite never cancels a query.
describe.runIf(process.env.TEST_DATABASE_URL)("a query the database gives up on", () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    // A route of the test's own that runs into a real statement timeout; the app's error handler answers it.
    database = await createTestDatabase();
    app = await buildApp(testConfig(), database);
    const slow = async () => database.db.transaction().execute(async (trx) => {
      await sql`set local statement_timeout = 50`.execute(trx);
      return sql`select pg_sleep(2)`.execute(trx);
    });
    app.get("/slow.json", slow);
    app.get("/slow", slow);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("answers 503 in the route's own format, never 500", async () => {
    const page = await app.inject("/slow");
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain("Busy just now");
    const json = await app.inject("/slow.json");
    expect(json.statusCode).toBe(503);
    expect(json.json()).toMatchObject({ error: "unavailable" });
  });
});
