// What a browser or CDN in front of Escalator sees: compressed bodies, a
// year's caching for fingerprinted static files, shared caching and 304s for
// logged-out pages, and members' pages kept private.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../helpers/browser-agent.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { attr } from "../helpers/html.js";

describe("HTTP caching and compression", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it("compresses pages, feeds, CSV and JSON by Accept-Encoding", async () => {
    for (const url of ["/", "/feed.xml", "/companies.csv", "/companies.json"]) {
      // The exports carry the time they were made: compare what comes before it.
      const head = (body: string) => body.slice(0, 60);
      const plain = head((await t.app.inject(url)).body);
      const br = await t.app.inject({ url, headers: { "accept-encoding": "br, gzip" } });
      expect(br.headers["content-encoding"], url).toBe("br");
      expect(head(brotliDecompressSync(br.rawPayload).toString())).toBe(plain);
      const gzip = await t.app.inject({ url, headers: { "accept-encoding": "gzip" } });
      expect(gzip.headers["content-encoding"], url).toBe("gzip");
      expect(head(gunzipSync(gzip.rawPayload).toString())).toBe(plain);
      expect(String(gzip.headers.vary)).toMatch(/accept-encoding/i);
    }
  });

  it("links the stylesheet by a fingerprinted URL cached for a year", async () => {
    const home = await t.app.inject("/");
    const href = attr(home.body, 'link[rel="stylesheet"]', "href") ?? "";
    expect(href).toMatch(/^\/static\/site\.[0-9a-f]{12}\.css$/);
    const css = await t.app.inject({ url: href, headers: { "accept-encoding": "gzip" } });
    expect(css.statusCode).toBe(200);
    expect(css.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(css.headers["content-encoding"]).toBe("gzip");
    expect((await t.app.inject("/static/site.0123456789ab.css")).statusCode).toBe(404);
  });

  it("lets a shared cache hold a logged-out page and answers 304 to its ETag", async () => {
    const page = await t.app.inject("/companies");
    expect(page.headers["cache-control"]).toMatch(/^public, .*s-maxage=\d+.*stale-while-revalidate=\d+/);
    expect(String(page.headers.vary)).toMatch(/cookie/i);
    const etag = String(page.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await t.app.inject({ url: "/companies", headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect((await t.app.inject({ url: "/companies", headers: { "if-none-match": 'W/"other"' } })).statusCode).toBe(200);
  });

  it("keeps a member's page private, and the log-in form (it sets a cookie) too", async () => {
    const member = new Agent(t.app);
    await member.signUp("cachereader");
    const page = await member.get("/companies");
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("private, no-cache");
    expect(String(page.headers.vary)).toMatch(/cookie/i);
    const login = await t.app.inject("/login");
    expect(login.headers["set-cookie"]).toBeDefined();
    expect(login.headers["cache-control"]).toBe("private, no-cache");
  });
});
