// The company pages are rendered once per version of their content and reused
// by visitors and members alike: two app instances share one database, and
// each shows a new story, and the figures the worker then recomputes, at once.
// A member's copy carries their own header and follow form, never anyone else's.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRole } from "../../server/accounts/queries.js";
import { flushFigures } from "../../server/companies/worker.js";
import { createTestApp, secondInstance, type TestApp } from "../helpers/app.js";
import { type Agent, signedUp } from "../helpers/browser-agent.js";
import { DAY, insertStoryRows, storyRow } from "../helpers/fixtures.js";
import { attr, find, findAll, loggedInAs, one, parseHtml, texts } from "../helpers/html.js";
import { postStoryForm } from "../helpers/story-form.js";
import { companyFigure, leaderboardRows } from "./helpers.js";

describe("kept company pages", () => {
  let t: TestApp;
  let app: FastifyInstance;
  let other: FastifyInstance;
  let author: Agent, follower: Agent, bystander: Agent, moderator: Agent;
  const company = "/companies/keptcorp";
  // The form's story was escalated in 2024: its figures are those of all time.
  const allTime = `${company}?window=all`;
  beforeAll(async () => {
    t = await createTestApp();
    app = t.app;
    other = await secondInstance(t);
    author = await signedUp(app, "kept_co_author");
    follower = await signedUp(other, "kept_co_follower");
    bystander = await signedUp(app, "kept_co_bystander");
    moderator = await signedUp(other, "kept_co_moderator");
    await setRole(t.database.db, "kept_co_moderator", "moderator");
    await postStoryForm(author, { title: "The first Keptcorp story", company: "Keptcorp" });
    await flushFigures(t.database.db);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });
  const both = async (path: string) => [(await app.inject(path)).body, (await other.inject(path)).body];
  const storyTitles = (html: string) => texts(html, "li.story-row h2.story-title");
  const keptcorpStories = (html: string) => leaderboardRows(html).find((r) => r.slug === "keptcorp")?.stories;

  it("shows a new story at once and its figures as soon as the worker recomputed them, on both instances", async () => {
    for (const page of await both(allTime)) {
      expect(storyTitles(page)).toEqual(["The first Keptcorp story"]);
      expect(companyFigure(page, "stories")).toBe(1);
    }
    for (const page of await both("/companies?window=all")) expect(keptcorpStories(page)).toBe(1);

    // Posted through one instance: the list on both follows the write itself…
    await postStoryForm(author, { title: "The second Keptcorp story", company: "Keptcorp" });
    for (const page of await both(allTime)) expect(storyTitles(page)).toEqual(["The second Keptcorp story", "The first Keptcorp story"]);
    // …and every figure the page and the leaderboard show, the worker's round.
    await flushFigures(t.database.db);
    for (const page of await both(allTime)) expect(companyFigure(page, "stories")).toBe(2);
    for (const page of await both("/companies?window=all")) expect(keptcorpStories(page)).toBe(2);
  });

  it("follows the worker's round alone when no story trigger moved the pages", async () => {
    const db = t.database.db;
    const emailToCeo = (html: string) => Number(attr(html, 'tr[data-route="email:ceo"] td[data-value]', "data-value"));
    const before = await both("/companies/how?window=all");
    for (const page of await both(allTime)) expect(companyFigure(page, "stories")).toBe(2);
    // A story the page versions' trigger does not see (as in a bulk load), that the figures' triggers still queue.
    const { id: author_id } = await db.selectFrom("users").select("id").where("username", "=", "kept_co_author").executeTakeFirstOrThrow();
    const { id: company_id } = await db.selectFrom("organisations").select("id").where("slug", "=", "keptcorp").executeTakeFirstOrThrow();
    await sql`alter table stories disable trigger company_page_versions_insert`.execute(db);
    try {
      await insertStoryRows(db, [storyRow({ author_id, company_id, title: "A Keptcorp story only the worker tells of", escalated_at: new Date(Date.now() - 3 * DAY), responseSeconds: 3600 })]);
    } finally {
      await sql`alter table stories enable trigger company_page_versions_insert`.execute(db);
    }
    await flushFigures(db);
    for (const page of await both(allTime)) {
      expect(companyFigure(page, "stories")).toBe(3);
      expect(storyTitles(page)[0]).toBe("A Keptcorp story only the worker tells of");
    }
    for (const page of await both("/companies?window=all")) expect(keptcorpStories(page)).toBe(3);
    const after = await both("/companies/how?window=all");
    for (const [i, page] of after.entries()) expect(emailToCeo(page)).toBe(emailToCeo(before[i]!) + 1);
  });

  it("follows a rename on both instances", async () => {
    const rename = await moderator.post("/moderation/organisations/keptcorp", { action: "rename", name: "Keptcorp Holdings", reason: "Its full name" }, { formPage: "/moderation/organisations/keptcorp" });
    expect(rename.statusCode).toBe(303);
    for (const page of await both(company)) expect(one(page, "h1").textContent).toBe("Keptcorp Holdings");
    for (const page of await both("/companies?window=all")) expect(leaderboardRows(page).find((r) => r.slug === "keptcorp")?.name).toBe("Keptcorp Holdings");
  });

  it("gives each member their own header and follow state, and a visitor no form at all", async () => {
    expect((await follower.post(`${company}/follow`, { follow: "yes" }, { formPage: company })).statusCode).toBe(303);
    const followerPage = (await follower.get(company)).body;
    const bystanderPage = (await bystander.get(company)).body;
    expect(loggedInAs(followerPage)).toBe("kept_co_follower");
    expect(attr(followerPage, "form.follow input[name=follow]", "value")).toBe("no");
    expect(loggedInAs(bystanderPage)).toBe("kept_co_bystander");
    expect(attr(bystanderPage, "form.follow input[name=follow]", "value")).toBe("yes");
    for (const page of [followerPage, bystanderPage]) expect(storyTitles(page)).toContain("The second Keptcorp story");
    // Each form carries the reader's own token, the one their header's log-out form carries.
    expect(attr(followerPage, "form.follow input[name=_csrf]", "value")).toBe(attr(followerPage, "form[action='/logout'] input[name=_csrf]", "value"));
    expect(attr(followerPage, "form.follow input[name=_csrf]", "value")).not.toBe(attr(bystanderPage, "form.follow input[name=_csrf]", "value"));

    for (const page of await both(company)) {
      expect(findAll(page, "form[method=post]")).toEqual([]);
      expect(find(page, "input[name=_csrf]")).toBeUndefined();
      expect(loggedInAs(page)).toBeUndefined();
      expect(attr(page, ".account-links a[href^='/login']", "href")).toBe(`/login?next=${encodeURIComponent(company)}`);
    }
  });

  it("shows the moderation link to moderators only", async () => {
    for (const path of [company, "/companies", "/companies/how"]) {
      expect(find((await moderator.get(path)).body, "nav a[href='/moderation']")).toBeDefined();
      expect(find((await bystander.get(path)).body, "nav a[href='/moderation']")).toBeUndefined();
      expect(find((await app.inject(path)).body, "nav a[href='/moderation']")).toBeUndefined();
    }
  });

  it("answers 304 to a matching ETag until the page changes; a member's page is private", async () => {
    for (const path of [company, "/companies", "/companies/how"]) {
      const first = await app.inject(path);
      expect(first.headers["cache-control"]).toMatch(/^public, /);
      const etag = String(first.headers.etag);
      expect((await other.inject({ url: path, headers: { "if-none-match": etag } })).statusCode).toBe(304);
      const member = await bystander.get(path);
      expect(member.headers["cache-control"]).toBe("private, no-cache");
      expect(member.headers.etag).not.toBe(etag);
    }
    const etag = String((await app.inject(company)).headers.etag);
    await postStoryForm(author, { title: "A story the ETag follows", company: "Keptcorp" });
    const changed = await other.inject({ url: company, headers: { "if-none-match": etag } });
    expect(changed.statusCode).toBe(200);
    expect(storyTitles(changed.body)).toContain("A story the ETag follows");
  });

  it("sends a visitor's page compressed as asked, the same page in fewer bytes", async () => {
    const plain = await app.inject(company);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    for (const [accept, encoding] of [["br, gzip", "br"], ["gzip, deflate", "gzip"], ["br;q=0, gzip", "gzip"]] as const) {
      for (let round = 0; round < 2; round++) {
        const answer = await app.inject({ url: company, headers: { "accept-encoding": accept } });
        expect(answer.headers["content-encoding"], accept).toBe(encoding);
        expect(String(answer.headers.vary)).toContain("Accept-Encoding");
        expect(answer.headers.etag).toBe(plain.headers.etag);
        const body = encoding === "br" ? brotliDecompressSync(answer.rawPayload) : gunzipSync(answer.rawPayload);
        expect(body.toString()).toBe(plain.body);
        expect(answer.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      }
    }
    expect((await app.inject({ url: company, headers: { "accept-encoding": "br", "if-none-match": String(plain.headers.etag) } })).statusCode).toBe(304);
    expect((await app.inject({ url: company, headers: { "accept-encoding": "identity" } })).headers["content-encoding"]).toBeUndefined();
  });

  const withoutTokens = (html: string) => {
    const page = parseHtml(html);
    for (const input of findAll(page, "input[name=_csrf]")) input.setAttribute("value", "");
    return page.toString();
  };

  it("sends a member's page as gzip when asked, the same page as sent plain", async () => {
    for (const accept of ["gzip", "br, gzip"]) {
      const plain = await follower.get(company);
      const zipped = await follower.get(company, { "accept-encoding": accept });
      expect(zipped.headers["content-encoding"]).toBe("gzip");
      expect(zipped.headers["cache-control"]).toBe("private, no-cache");
      const page = gunzipSync(zipped.rawPayload).toString();
      // Every answer carries a fresh CSRF token; the rest is the same page.
      expect(withoutTokens(page)).toBe(withoutTokens(plain.body));
      expect(loggedInAs(page)).toBe("kept_co_follower");
      expect(attr(page, "form.follow input[name=follow]", "value")).toBe("no");
    }
  });

  it("keeps the German page apart from the English one", async () => {
    const english = (await app.inject(company)).body;
    const german = (await app.inject(`/de${company}`)).body;
    expect(one(english, "html").getAttribute("lang")).toBe("en");
    expect(one(german, "html").getAttribute("lang")).toBe("de");
    expect(one(german, "#figures-heading").textContent).not.toBe(one(english, "#figures-heading").textContent);
    // And again, from memory: each language still gets its own.
    expect(one((await app.inject(company)).body, "html").getAttribute("lang")).toBe("en");
    expect(one((await app.inject(`/de${company}`)).body, "html").getAttribute("lang")).toBe("de");
    expect(one((await app.inject("/de/companies")).body, "html").getAttribute("lang")).toBe("de");
    expect(one((await app.inject("/companies")).body, "html").getAttribute("lang")).toBe("en");
  });
});
