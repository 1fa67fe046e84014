// The Atom feeds: well-formed, Atom, newest first, nothing hidden or deleted,
// hostile text escaped, and linked from the pages that list the same stories.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMarkdown } from "../../server/lib/markdown.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser, insertStory } from "../helpers/fixtures.js";
import { findAll } from "../helpers/html.js";
import { parseAtom, type ParsedEntry } from "./parse-atom.js";

const ATOM_NS = "http://www.w3.org/2005/Atom";
const HOSTILE_TITLE = `<script>alert("x")</script> & ]]> 'quotes' Bell\u0007 end`;
const HOSTILE_BODY = `**Bold** <img src=x onerror=alert(1)> [link](javascript:alert(1)) ]]> & more`;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

describe("Atom feeds", () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  const get = (url: string) => t.app.inject({ url, headers: { host: "escalator.example" } });
  async function feed(url: string) {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    expect(res.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
    return { xml: res.body, feed: parseAtom(res.body) };
  }
  const storyIdOf = (entry: ParsedEntry) => Number(entry.id.match(/:story:(\d+)$/)?.[1]);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const kai = await createUser(db, "kai_berlin");
    const dhl = await createOrganisation(db, "DHL", { slug: "dhl" });
    const hermes = await createOrganisation(db, "Hermes & Söhne", { slug: "hermes" });
    const old = await createOrganisation(db, "DHL Express", { slug: "dhl-express", merged_into_id: dhl });
    const add = async (name: string, title: string, extra: { hours: number; company?: number; otherParty?: number; body?: string; hidden?: boolean; deleted?: boolean }) => {
      ids[name] = (await insertStory(db, { authorId: kai, companyId: extra.company ?? dhl, otherPartyId: extra.otherParty, title, body: extra.body, createdAt: hoursAgo(extra.hours), hidden: extra.hidden, deleted: extra.deleted })).id;
    };
    await add("oldest", "The oldest story about a parcel", { hours: 30 });
    await add("middle", "A middle story, other party DHL", { hours: 20, company: hermes, otherParty: dhl });
    await add("hostile", HOSTILE_TITLE, { hours: 10, body: HOSTILE_BODY });
    await add("viaMerged", "Filed under the merged DHL Express", { hours: 5, company: old });
    await add("newest", "The newest story, about Hermes", { hours: 1, company: hermes });
    await add("hidden", "A hidden story", { hours: 2, hidden: true });
    await add("deleted", "A deleted story", { hours: 3, deleted: true });
  });
  afterAll(async () => t?.close());

  it("/feed.xml is a well-formed Atom feed with an id, title, updated date and self and alternate links", async () => {
    const { feed: f } = await feed("/feed.xml");
    expect(f.namespace).toBe(ATOM_NS);
    expect(f.id).toMatch(/^tag:escalator\.example,\d{4}:feed$/);
    expect(f.title).toBe("Escalator: newest stories");
    expect(new Date(f.updated).toISOString()).toBe(f.updated);
    expect(f.links).toEqual(
      expect.arrayContaining([
        { rel: "self", type: "application/atom+xml", href: "http://escalator.example/feed.xml" },
        { rel: "alternate", type: "text/html", href: "http://escalator.example/" },
      ]),
    );
  });

  it("lists the visible stories newest first, each entry complete, and leaves hidden and deleted ones out", async () => {
    const { feed: f } = await feed("/feed.xml");
    expect(f.entries.map(storyIdOf)).toEqual([ids.newest, ids.viaMerged, ids.hostile, ids.middle, ids.oldest]);
    expect(f.updated).toBe(f.entries[0]!.updated);
    const published = f.entries.map((e) => Date.parse(e.published));
    expect(published).toEqual([...published].sort((a, b) => b - a));
    for (const entry of f.entries) {
      expect(entry.id).toMatch(/^tag:escalator\.example,\d{4}:story:\d+$/);
      expect(entry.title).not.toBe("");
      expect(entry.author).toBe("kai_berlin");
      expect(Date.parse(entry.updated)).toBeGreaterThan(0);
      expect(entry.contentType).toBe("html");
      const alternate = entry.links.find((l) => l.rel === "alternate");
      expect(alternate?.href).toMatch(new RegExp(`^http://escalator\\.example/stories/${storyIdOf(entry)}/[a-z0-9-]+$`));
    }
    expect(new Set(f.entries.map((e) => e.id)).size).toBe(f.entries.length);
  });

  it("carries hostile titles and bodies as escaped text: the reader gets the title as typed and the sanitised HTML", async () => {
    const { xml, feed: f } = await feed("/feed.xml");
    const entry = f.entries.find((e) => storyIdOf(e) === ids.hostile)!;
    // XML cannot carry the bell character at all; everything else arrives as typed.
    expect(entry.title).toBe(HOSTILE_TITLE.replace("\u0007", ""));
    expect(entry.content).toBe(renderMarkdown(HOSTILE_BODY));
    expect(entry.content).toContain("<strong>Bold</strong>");
    expect(entry.content).not.toMatch(/onerror|javascript:/);
    expect(xml).not.toContain("<script");
    expect(xml).not.toContain("<img");
    expect(xml).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt;");
  });

  it("/companies/:slug/feed.xml lists the stories naming the organisation, as company or other party, merged names included", async () => {
    const { feed: f } = await feed("/companies/dhl/feed.xml");
    expect(f.namespace).toBe(ATOM_NS);
    expect(f.title).toBe("Escalator: stories about DHL");
    expect(f.links).toEqual(
      expect.arrayContaining([
        { rel: "self", type: "application/atom+xml", href: "http://escalator.example/companies/dhl/feed.xml" },
        { rel: "alternate", type: "text/html", href: "http://escalator.example/companies/dhl" },
      ]),
    );
    expect(f.entries.map(storyIdOf)).toEqual([ids.viaMerged, ids.hostile, ids.middle, ids.oldest]);

    const hermes = (await feed("/companies/hermes/feed.xml")).feed;
    expect(hermes.title).toBe("Escalator: stories about Hermes & Söhne");
    expect(hermes.entries.map(storyIdOf)).toEqual([ids.newest, ids.middle]);
  });

  it("a merged organisation's feed redirects to the one it was merged into; an unknown one is a 404 page", async () => {
    const merged = await get("/companies/dhl-express/feed.xml");
    expect(merged.statusCode).toBe(301);
    expect(merged.headers.location).toBe("/companies/dhl/feed.xml");
    for (const slug of ["nobody", "%00", "x".repeat(300), "%ED%A0%80", "..%2F..%2Fetc"]) {
      const res = await get(`/companies/${slug}/feed.xml`);
      expect(res.statusCode, slug).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, slug).toBeLessThan(500);
    }
  });

  it("an organisation without stories still has a valid, empty feed", async () => {
    await createOrganisation(t.database.db, "Quiet Co", { slug: "quiet-co" });
    const { feed: f } = await feed("/companies/quiet-co/feed.xml");
    expect(f.entries).toEqual([]);
    expect(Date.parse(f.updated)).toBeGreaterThan(0);
  });

  it("an odd Host header does not end up in the feed", async () => {
    const res = await t.app.inject({ url: "/feed.xml", headers: { host: 'evil"><x y="' } });
    expect(res.statusCode).toBe(200);
    const f = parseAtom(res.body);
    expect(f.links.find((l) => l.rel === "self")?.href).toBe("http://localhost/feed.xml");
  });

  it("pages listing stories point to the feed with <link rel=alternate>", async () => {
    const alternate = (html: string) =>
      findAll(html, 'link[rel="alternate"][type="application/atom+xml"]').filter((link) => link.getAttribute("title")).map((link) => link.getAttribute("href"));
    for (const url of ["/", "/search?q=parcel"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(alternate(res.body), url).toContain("/feed.xml");
    }
    const company = await get("/companies/dhl");
    if (company.statusCode === 200) expect(alternate(company.body)).toContain("/companies/dhl/feed.xml");
  });
});
