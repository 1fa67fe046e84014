// A member's thread page is kept once for every member in the same state and
// filled in per request: each member still sees their own name, unread count,
// me-too and follow state, and forms whose tokens work for them alone.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { type Agent, signedUp } from "../helpers/browser-agent.js";
import { attr, attrs, find, loggedInAs, textOf } from "../helpers/html.js";
import { postReplyForm, postStoryForm, type PostedStory } from "../helpers/story-form.js";

describe("a member's thread page", () => {
  let t: TestApp;
  let app: FastifyInstance;
  let author: Agent, reader: Agent, other: Agent;
  let story: PostedStory;
  beforeAll(async () => {
    t = await createTestApp();
    app = t.app;
    author = await signedUp(app, "shell_author");
    reader = await signedUp(app, "shell_reader");
    other = await signedUp(app, "shell_other");
    story = await postStoryForm(author, { title: "A thread every member reads" });
    // The author is notified of this reply: one unread notification, and a kept rendering to share.
    await postReplyForm(reader, story, "An answer the author has not read yet");
  });
  afterAll(async () => {
    await t?.close();
  });

  const unread = (page: string) => textOf(find(page, ".account-links .unread-count")) || null;

  it("names each member and counts their own unread notifications", async () => {
    const [forAuthor, forReader, forOther] = [(await author.get(story.path)).body, (await reader.get(story.path)).body, (await other.get(story.path)).body];
    expect(loggedInAs(forAuthor)).toBe("shell_author");
    expect(loggedInAs(forReader)).toBe("shell_reader");
    expect(loggedInAs(forOther)).toBe("shell_other");
    expect(unread(forAuthor)).toBe("(1 unread)");
    expect(find(forAuthor, ".account-links a.has-unread")).toBeDefined();
    expect(unread(forReader)).toBeNull();
    expect(unread(forOther)).toBeNull();
    // The author's own links, and nobody else's.
    expect(attrs(forAuthor, ".author-actions a", "href")).toContain(`/stories/${story.id}/edit`);
    expect(find(forOther, ".author-actions")).toBeUndefined();
  });

  it("gives every form on the page one token of the member's own, which works for them and not for another", async () => {
    const page = (await other.get(story.path)).body;
    const tokens = new Set(attrs(page, 'input[name="_csrf"]', "value"));
    expect(tokens.size).toBe(1);
    const [token] = [...tokens];
    expect(token).not.toContain("csrf-");
    const key = attr(page, 'form.reply-form input[name="submission_key"]', "value");
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(attr((await other.get(story.path)).body, 'form.reply-form input[name="submission_key"]', "value")).not.toBe(key);
    const posted = await other.post(`/stories/${story.id}/replies`, { body: "Posted with the kept page's token", _csrf: token!, submission_key: key! });
    expect(posted.statusCode).toBe(303);
    const forged = await reader.post(`/stories/${story.id}/replies`, { body: "Posted with someone else's token", _csrf: token! });
    expect(forged.statusCode).toBe(403);
  });

  it("shows a member their own me-too and follow, and the next member theirs", async () => {
    const page = (await reader.get(story.path)).body;
    const meToo = await reader.post(String(attr(page, "form.me-too", "action")), {}, { formPage: story.path });
    expect(meToo.statusCode).toBe(303);
    const follow = await reader.post(String(attr(page, "form.follow", "action")), { follow: "yes" }, { formPage: story.path });
    expect(follow.statusCode).toBe(303);

    const mine = (await reader.get(story.path)).body;
    expect(find(mine, "form.me-too")).toBeUndefined();
    expect(textOf(find(mine, ".me-too.done"))).toContain("you included");
    expect(textOf(find(mine, "form.follow button"))).toBe("Unfollow");

    const theirs = (await other.get(story.path)).body;
    expect(find(theirs, "form.me-too button")).toBeDefined();
    expect(find(theirs, ".me-too.done")).toBeUndefined();
    expect(textOf(find(theirs, "form.follow button"))).toBe("Follow this story");
    expect(loggedInAs(theirs)).toBe("shell_other");
  });

  it("counts a member's unread notifications up to 99+, leaving out those about a hidden story", async () => {
    const db = t.database.db;
    const idOf = async (username: string) => (await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;
    const otherId = await idOf("shell_other");
    const many = Array.from({ length: 120 }, () => ({ user_id: otherId, kind: "story_timeline" as const, story_id: story.id, reply_id: null }));
    await db.insertInto("notifications").values(many).execute();
    expect(unread((await other.get(story.path)).body)).toBe("(99+ unread)");

    const hidden = await postStoryForm(author, { title: "A story moderators will hide" });
    await db.insertInto("notifications").values({ user_id: await idOf("shell_reader"), kind: "company_story", story_id: hidden.id, reply_id: null }).execute();
    expect(unread((await reader.get(story.path)).body)).toBe("(1 unread)");
    await db.updateTable("stories").set({ hidden_at: new Date(), hidden_reason: "Duplicate story" }).where("id", "=", hidden.id).execute();
    expect(unread((await reader.get(story.path)).body)).toBeNull();
  });
});
