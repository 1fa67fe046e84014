// Home, list and search pages are kept for visitors and reused until the
// site's content changes: two app instances share one database, and each shows
// every change right after it, whichever instance took the write.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRole } from "../../server/accounts/queries.js";
import { createTestApp, secondInstance, type TestApp } from "../helpers/app.js";
import { type Agent, signedUp } from "../helpers/browser-agent.js";
import { findAll, parseHtml } from "../helpers/html.js";
import { postReplyForm, postStoryForm } from "../helpers/story-form.js";

/** A page's markup with the search highlights taken out, so a highlighted title reads whole. */
function unmarked(html: string): string {
  const page = parseHtml(html);
  for (const mark of findAll(page, "mark")) mark.replaceWith(mark.innerHTML);
  return page.toString();
}

describe("reused home, list and search pages", () => {
  let t: TestApp;
  let app: FastifyInstance;
  let other: FastifyInstance;
  let author: Agent, replier: Agent, moderator: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    app = t.app;
    other = await secondInstance(t);
    author = await signedUp(app, "kept_author");
    replier = await signedUp(other, "kept_replier");
    moderator = await signedUp(other, "kept_moderator");
    await setRole(t.database.db, "kept_moderator", "moderator");
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });
  const act = (url: string, fields: Record<string, string>) => moderator.post(url, fields, { formPage: url });
  const pages = ["/", "/?sort=new&country=DE", "/search?q=kettlewhistle"];
  const readAll = async () => {
    const out: string[] = [];
    for (const path of pages) for (const instance of [app, other]) out.push(unmarked((await instance.inject(path)).body));
    return out;
  };

  it("shows a new story, a reply, a rename and a hide on both instances at once", async () => {
    for (const page of await readAll()) expect(page).not.toContain("The kettlewhistle story");

    const story = await postStoryForm(author, { title: "The kettlewhistle story", company: "Kepttel", country: "DE", body: "A kettlewhistle that never stopped." });
    for (const page of await readAll()) {
      expect(page).toContain("The kettlewhistle story");
      expect(page).toContain("Kepttel");
    }
    for (const path of pages.slice(0, 2)) for (const instance of [app, other]) expect((await instance.inject(path)).body).toContain("0 replies");

    await postReplyForm(replier, story, "An answer written through the other instance");
    for (const path of pages.slice(0, 2)) {
      for (const instance of [app, other]) {
        const body = (await instance.inject(path)).body;
        expect(body).toContain("1 reply");
        expect(body).not.toContain("0 replies");
      }
    }

    expect((await act("/moderation/organisations/kepttel", { action: "rename", name: "Kepttel Telecom", reason: "Its full name" })).statusCode).toBe(303);
    for (const page of await readAll()) expect(page).toContain("Kepttel Telecom");

    expect((await act(`/moderation/stories/${story.id}`, { action: "hide", reason: "Duplicate story" })).statusCode).toBe(303);
    for (const page of await readAll()) expect(page).not.toContain("The kettlewhistle story");
  });

  it("answers 304 to a matching ETag until the content changes", async () => {
    const first = await app.inject("/");
    const etag = String(first.headers.etag);
    expect(first.headers["cache-control"]).toMatch(/^public, /);
    expect((await other.inject({ url: "/", headers: { "if-none-match": etag } })).statusCode).toBe(304);
    await postStoryForm(author, { title: "A story the ETag follows" });
    const changed = await other.inject({ url: "/", headers: { "if-none-match": etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain("A story the ETag follows");
  });

  it("never hands a member the visitors' copy, nor a visitor the member's", async () => {
    const page = await author.get("/");
    expect(page.headers["cache-control"]).toBe("private, no-cache");
    expect(page.body).toContain('action="/logout"');
    const visitor = await app.inject("/");
    expect(visitor.body).not.toContain('action="/logout"');
    expect(visitor.headers["cache-control"]).toMatch(/^public, /);
  });
});
