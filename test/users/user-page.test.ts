// /u/:username: a member's own stories and replies, newest first, each list
// paged on its own; any spelling of the name finds them; nobody else is a 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser, insertReply, insertStory } from "../helpers/fixtures.js";
import { attr, attrs, texts } from "../helpers/html.js";

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** The links of one list of the page that lead to a story (or, for replies, to a reply on it). */
const hrefsIn = (html: string, list: "stories" | "replies", to: RegExp) => attrs(html, `section.user-${list} a`, "href").filter((href) => to.test(href));
const storyHrefs = (html: string) => hrefsIn(html, "stories", /^\/stories\/\d+\/[^"#]+$/);
const replyHrefs = (html: string) => hrefsIn(html, "replies", /^\/stories\/\d+\/[^"#]+#reply-\d+$/);
/** The link to the list's older page, if any. */
const olderHref = (html: string, list: "stories" | "replies") => attr(html, `section.user-${list} nav.pager a`, "href");

describe("a member's page", () => {
  let t: TestApp;
  let stories: { id: number; slug: string }[] = [];
  const replies: { id: number; href: string }[] = [];
  const path = (s: { id: number; slug: string }) => `/stories/${s.id}/${s.slug}`;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const jose = await createUser(db, "José_Ñandú");
    const other = await createUser(db, "someone_else");
    const org = await createOrganisation(db, "Acme", { slug: "acme" });
    // 23 stories by José, oldest first; one more hidden and one deleted; one by someone else.
    for (let i = 1; i <= 23; i++) stories.push(await insertStory(db, { authorId: jose, companyId: org, title: `José's story number ${i}`, createdAt: minutesAgo(1000 - i) }));
    stories = stories.reverse();
    await insertStory(db, { authorId: jose, companyId: org, title: "José's hidden story", hidden: true });
    await insertStory(db, { authorId: jose, companyId: org, title: "José's deleted story", deleted: true });
    const theirs = await insertStory(db, { authorId: other, companyId: org, title: "Somebody else's story", createdAt: minutesAgo(1) });
    const hiddenStory = await insertStory(db, { authorId: other, companyId: org, title: "Somebody else's hidden story", hidden: true });
    // 22 visible replies by José on someone else's story, newest first in `replies`.
    for (let i = 1; i <= 22; i++) {
      const id = await insertReply(db, { storyId: theirs.id, authorId: jose, body: `Reply number ${i}`, createdAt: minutesAgo(500 - i) });
      replies.unshift({ id, href: `${path(theirs)}?reply=${id}#reply-${id}` });
    }
    await insertReply(db, { storyId: theirs.id, authorId: jose, body: "A hidden reply", hidden: true });
    await insertReply(db, { storyId: theirs.id, authorId: jose, body: "A deleted reply", deleted: true });
    await insertReply(db, { storyId: hiddenStory.id, authorId: jose, body: "A reply under a hidden story" });
    await insertReply(db, { storyId: theirs.id, authorId: other, body: "Somebody else's reply" });
  });
  afterAll(async () => t?.close());

  const page = async (url: string) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };

  it("lists the member's visible stories and replies, newest first, twenty of each", async () => {
    const html = await page("/u/Jos%C3%A9_%C3%91and%C3%BA");
    expect(texts(html, "h1")).toContain("José_Ñandú");
    expect(storyHrefs(html)).toEqual(stories.slice(0, 20).map(path));
    expect(replyHrefs(html)).toEqual(replies.slice(0, 20).map((r) => r.href));
    for (const text of ["hidden story", "deleted story", "Somebody else&#39;s story</a></h", "A hidden reply", "A deleted reply", "under a hidden story", "Somebody else&#39;s reply"]) {
      expect(html).not.toContain(text);
    }
    expect(html).toContain("Reply number 22");
  });

  it("pages each list on its own with a keyset cursor, without gaps or repeats", async () => {
    const first = await page("/u/Jos%C3%A9_%C3%91and%C3%BA");
    const olderStories = olderHref(first, "stories")!;
    expect(olderStories).toMatch(/\?stories_after=\d+$/);
    const second = await page(olderStories);
    expect(storyHrefs(second)).toEqual(stories.slice(20).map(path));
    // The replies list stays on its first page while the stories move on.
    expect(replyHrefs(second)).toEqual(replies.slice(0, 20).map((r) => r.href));
    expect(olderHref(second, "stories")).toBeUndefined();

    const olderReplies = olderHref(second, "replies")!;
    expect(olderReplies).toMatch(/stories_after=\d+&replies_after=\d+$/);
    const third = await page(olderReplies);
    expect(storyHrefs(third)).toEqual(stories.slice(20).map(path));
    expect(replyHrefs(third)).toEqual(replies.slice(20).map((r) => r.href));
    expect(olderHref(third, "replies")).toBeUndefined();
  });

  it("finds the member by any case and by any Unicode form of the name (NFKC)", async () => {
    const decomposed = encodeURIComponent("José_Ñandú".normalize("NFD"));
    for (const name of ["jos%C3%A9_%C3%B1and%C3%BA", "JOS%C3%89_%C3%91AND%C3%9A", decomposed]) {
      expect(texts(await page(`/u/${name}`), "h1")).toContain("José_Ñandú");
    }
  });

  it("a member without stories or replies gets a page that says so", async () => {
    await createUser(t.database.db, "quiet_one");
    const html = await page("/u/quiet_one");
    expect(html).toContain("No stories.");
    expect(html).toContain("No replies.");
  });

  it("an unknown or malformed name, or a nonsense cursor, never gives a 500", async () => {
    const unknown = await t.app.inject({ url: "/u/nobody" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("Page not found");
    for (const name of ["nobody", "%00", "a".repeat(300), "%ED%A0%80", "%3Cscript%3E", "..%2F..", "%F0%9F%98%80"]) {
      const res = await t.app.inject({ url: `/u/${name}` });
      // Longer than Fastify's route parameter limit: 414 rather than 404.
      expect(res.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, name).toBeLessThan(500);
    }
    // A cursor past the end is an empty page; a malformed one the friendly 400 page.
    for (const query of ["stories_after=999999", "stories_after[]=1"]) {
      expect((await t.app.inject({ url: `/u/quiet_one?${query}` })).statusCode, query).toBe(200);
    }
    for (const query of ["stories_after=abc", "stories_after=99999999999", "replies_after=-1"]) {
      expect((await t.app.inject({ url: `/u/quiet_one?${query}` })).statusCode, query).toBe(400);
    }
  });
});
