// Found and shared: robots.txt, a sitemap index that lists only blocks with visible pages,
// canonical links, share cards and schema.org data that hostile titles cannot break out of.
import { parse } from "node-html-parser";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushFigures } from "../../server/companies/worker.js";
import { storyPath } from "../../server/lib/paths.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { findAll, texts } from "../helpers/html.js";
import { createOrganisation, createUser, insertStory } from "../helpers/fixtures.js";

const HOSTILE = `Refund </script><script>alert(1)</script> "quoted" & more`;

describe("search engines and shared links", () => {
  let t: TestApp;
  let shown: { id: number; slug: string };
  let hidden: { id: number; slug: string };
  let far: { id: number; slug: string };

  const get = (url: string, host = "escalator.example") => t.app.inject({ url, headers: { host } });
  const locs = (xml: string) => texts(xml, "loc");

  beforeAll(async () => {
    t = await createTestApp({ config: { publicUrl: undefined } });
    const db = t.database.db;
    const author = await createUser(db, "seo_author");
    const nokia = await createOrganisation(db, "Nokia", { slug: "nokia" });
    shown = await insertStory(db, { authorId: author, companyId: nokia, title: HOSTILE, outcome: "pending", country: "DE" });
    hidden = await insertStory(db, { authorId: author, companyId: nokia, title: "A hidden story about a phone", hidden: true });
    // A story in the third block of ids, as at a few tens of thousands of stories.
    await sql`select setval(pg_get_serial_sequence('stories', 'id'), 25000)`.execute(db);
    far = await insertStory(db, { authorId: author, companyId: nokia, title: "A story far along the ids" });
  });
  afterAll(() => t.close());

  it("robots.txt points at the sitemap and keeps crawlers out of personal pages and the moderators' queue", async () => {
    const res = await get("/robots.txt");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    expect(res.body).toContain("Sitemap: http://escalator.example/sitemap.xml");
    expect(res.body).toMatch(/^Disallow: \/settings$/m);
    expect(res.body).toMatch(/^Disallow: \/moderation\/$/m);
    expect(res.body).toMatch(/^Allow: \/moderation\/log$/m);
    expect(res.body).toMatch(/^Disallow: \/de\/settings$/m);
    expect(res.body).toMatch(/^Disallow: \/language\/$/m);
  });

  it("the sitemap index lists only blocks that hold visible stories, and each lists its stories", async () => {
    const index = await get("/sitemap.xml");
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain("<sitemapindex");
    const files = locs(index.body);
    expect(files).toContain("http://escalator.example/sitemaps/stories-0.xml");
    expect(files).toContain("http://escalator.example/sitemaps/stories-2.xml");
    expect(files).not.toContain("http://escalator.example/sitemaps/stories-1.xml");
    expect(files).toContain("http://escalator.example/sitemaps/companies-0.xml");

    const first = await get("/sitemaps/stories-0.xml");
    expect(first.statusCode).toBe(200);
    expect(locs(first.body)).toContain(`http://escalator.example${storyPath(shown)}`);
    expect(first.body).not.toContain(`/stories/${hidden.id}/`);
    // Each page in both languages, each entry naming the other (hreflang) and English as the default.
    const far_ = await get("/sitemaps/stories-2.xml");
    expect(locs(far_.body)).toEqual([`http://escalator.example${storyPath(far)}`, `http://escalator.example/de${storyPath(far)}`]);
    const alternates = findAll(far_.body, 'xhtml\\:link[rel="alternate"]').map((link) => `${link.getAttribute("hreflang")} ${link.getAttribute("href")}`);
    expect(new Set(alternates)).toEqual(new Set([`en http://escalator.example${storyPath(far)}`, `de http://escalator.example/de${storyPath(far)}`, `x-default http://escalator.example${storyPath(far)}`]));
    expect((await get("/sitemaps/stories-1.xml")).statusCode).toBe(404);
    expect((await get("/sitemaps/stories-x.xml")).statusCode).toBe(404);
    expect(locs((await get("/sitemaps/companies-0.xml")).body)).toContain("http://escalator.example/companies/nokia");
  });

  it("a thread carries its canonical address, a share card of its facts and DiscussionForumPosting data", async () => {
    const res = await get(storyPath(shown));
    expect(res.statusCode).toBe(200);
    const doc = parse(res.body);
    const url = `http://escalator.example${storyPath(shown)}`;
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(url);
    expect(doc.querySelector('meta[property="og:url"]')?.getAttribute("content")).toBe(url);
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(HOSTILE);
    expect(doc.querySelector('meta[name="description"]')?.getAttribute("content")).toMatch(/^Escalated to Nokia · no response · outcome: pending · Germany$/);
    const blocks = doc.querySelectorAll("script");
    // The only script on the page is the data block, and the hostile title did not open another.
    expect(blocks.map((b) => b.getAttribute("type"))).toEqual(["application/ld+json"]);
    const data = JSON.parse(blocks[0]!.textContent) as Record<string, unknown>;
    expect(data).toMatchObject({ "@type": "DiscussionForumPosting", headline: HOSTILE, url, about: { name: "Nokia" } });
  });

  it("PUBLIC_URL, not the Host header, names the site when it is set", async () => {
    const pinned = await createTestApp({ database: t.database, config: { publicUrl: "https://escalator.example" } });
    try {
      const res = await pinned.app.inject({ url: storyPath(shown), headers: { host: "evil.example" } });
      expect(parse(res.body).querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`https://escalator.example${storyPath(shown)}`);
      const robots = await pinned.app.inject({ url: "/robots.txt", headers: { host: "evil.example" } });
      expect(robots.body).toContain("Sitemap: https://escalator.example/sitemap.xml");
    } finally {
      await pinned.app.close();
    }
  });

  it("a company page describes its figures; a hidden story's page has no share card", async () => {
    const company = parse((await get("/companies/nokia")).body);
    expect(company.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("http://escalator.example/companies/nokia");
    expect(company.querySelector('meta[name="description"]')?.getAttribute("content")).toMatch(/^Nokia: /);
    const page = parse((await get(storyPath(hidden))).body);
    expect(page.querySelector('meta[property="og:title"]')).toBeNull();
    expect(page.toString()).not.toContain("A hidden story about a phone");
  });

  it("a company page's description is worded in the page's language", async () => {
    await flushFigures(t.database.db);
    const description = async (url: string) => parse((await get(url)).body).querySelector('meta[name="description"]')?.getAttribute("content");
    expect(await description("/companies/nokia")).toMatch(/^Nokia: 2 escalation stories \(last 12 months\); response rate .+, median time to first response .+, resolution rate .+\.$/);
    expect(await description("/de/companies/nokia")).toMatch(/^Nokia: 2 Eskalationsgeschichten \(letzte 12 Monate\); Antwortquote .+, Median der Zeit bis zur ersten Antwort .+, Lösungsquote .+\.$/);
  });
});
