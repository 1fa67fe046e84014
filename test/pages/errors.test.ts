import { afterAll, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";

describe("every page", async () => {
  const { app, close } = await createTestApp();
  afterAll(close);

  it("sends a strict Content-Security-Policy with no inline script", async () => {
    const res = await app.inject("/");
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
  });

  it("answers an unknown address with the HTML 404 page", async () => {
    const res = await app.inject("/no/such/page");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.body).toContain("Page not found");
    expect(res.body).toContain('<a href="/">');
  });

  it("serves the stylesheet with caching headers", async () => {
    const res = await app.inject("/static/site.css");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/css/);
    expect(res.headers["cache-control"]).toBeDefined();
    expect(res.headers.etag).toBeDefined();
    const again = await app.inject({ url: "/static/site.css", headers: { "if-none-match": String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it("shows an empty database's front page without error", async () => {
    const res = await app.inject("/");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("No stories here yet");
  });
});
