// Thread pages are rendered once and reused until their content changes:
// two app instances share one database, and each sees every change at once.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRole } from "../../server/accounts/queries.js";
import { createTestApp, secondInstance, type TestApp } from "../helpers/app.js";
import { type Agent, signedUp } from "../helpers/browser-agent.js";
import { postReplyForm, postStoryForm } from "../helpers/story-form.js";

describe("reused thread renderings", () => {
  let t: TestApp;
  let app: FastifyInstance;
  let other: FastifyInstance;
  let author: Agent, replier: Agent, moderator: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    app = t.app;
    other = await secondInstance(t);
    author = await signedUp(app, "cache_author");
    replier = await signedUp(other, "cache_replier");
    moderator = await signedUp(app, "cache_moderator");
    await setRole(t.database.db, "cache_moderator", "moderator");
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });
  const act = (url: string, fields: Record<string, string>) => moderator.post(url, fields, { formPage: url });
  const read = async (path: string) => [(await app.inject(path)).body, (await other.inject(path)).body];

  it("shows a reply, an edit, a hide and a merge on both instances right away", async () => {
    const story = await postStoryForm(author, { title: "A thread both instances keep", company: "Cachetel Mobile" });
    for (const page of await read(story.path)) expect(page).toContain("0 replies");

    const replyId = await postReplyForm(replier, story, "First answer through the other instance");
    for (const page of await read(story.path)) expect(page).toContain("First answer through the other instance");

    const edit = await replier.post(`/replies/${replyId}/edit`, { body: "An edited answer" }, { formPage: `/replies/${replyId}/edit` });
    expect(edit.statusCode).toBe(303);
    for (const page of await read(story.path)) {
      expect(page).toContain("An edited answer");
      expect(page).not.toContain("First answer");
    }

    expect((await act(`/moderation/replies/${replyId}`, { action: "hide", reason: "Off topic" })).statusCode).toBe(303);
    for (const page of await read(story.path)) {
      expect(page).toContain("[hidden by moderators: Off topic]");
      expect(page).not.toContain("An edited answer");
    }

    await postStoryForm(author, { title: "A story filed under the right name", company: "Cachetel" });
    const merge = await act("/moderation/organisations/cachetel-mobile", { action: "merge", target: "Cachetel", reason: "Same company" });
    expect(merge.statusCode).toBe(303);
    for (const page of await read(story.path)) expect(page).toContain('href="/companies/cachetel">Cachetel</a>');

    expect((await act(`/moderation/stories/${story.id}`, { action: "hide", reason: "Duplicate story" })).statusCode).toBe(303);
    for (const page of await read(story.path)) expect(page).not.toContain("A thread both instances keep</h1>");
  });

  it("answers 304 to a matching ETag until the thread changes", async () => {
    const story = await postStoryForm(author, { title: "A thread a browser revalidates" });
    const first = await app.inject(story.path);
    const etag = String(first.headers.etag);
    expect(first.headers["cache-control"]).toMatch(/^public, /);
    expect((await other.inject({ url: story.path, headers: { "if-none-match": etag } })).statusCode).toBe(304);
    await postReplyForm(replier, story, "A change the ETag follows");
    const changed = await app.inject({ url: story.path, headers: { "if-none-match": etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain("A change the ETag follows");
  });

  it("gives a member their own links on the shared replies, privately", async () => {
    const story = await postStoryForm(author, { title: "A thread with members' links" });
    const own = await postReplyForm(replier, story, "The replier's own answer");
    const theirs = await postReplyForm(author, story, "The author's answer");
    const page = await replier.get(story.path);
    expect(page.headers["cache-control"]).toBe("private, no-cache");
    expect(page.body).toContain(`href="/replies/${own}/edit"`);
    expect(page.body).not.toContain(`href="/replies/${own}/flag"`);
    expect(page.body).toContain(`href="/replies/${theirs}/flag"`);
    expect(page.body).not.toContain(`href="/replies/${theirs}/edit"`);
    const visitor = await app.inject(story.path);
    expect(visitor.body).not.toContain("/edit\"");
    expect(visitor.body).not.toContain("/flag\"");
    expect(visitor.body).not.toContain("cache_replier</a></li>"); // nobody's account links
  });
});
