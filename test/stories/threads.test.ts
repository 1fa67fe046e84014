// Threads through the real forms: replying, nesting, quoting, editing,
// deleting, and "me too".
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../server/db/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent, signedUp } from "../helpers/browser-agent.js";
import { attr, fieldValue, find, one, replyIds, textOf, texts } from "../helpers/html.js";
import { postReplyForm, postStoryForm } from "../helpers/story-form.js";

describe("threads", () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let author: Agent;
  let replier: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    author = await signedUp(t.app, "story_author");
    replier = await signedUp(t.app, "helpful_reader");
  });
  afterAll(() => t.close());

  const newStory = (title: string) => postStoryForm(author, { title });
  const reply = postReplyForm;

  it("shows a logged-out reader a log-in link instead of the reply form", async () => {
    const story = await newStory("A story read while logged out");
    const page = await new Agent(t.app).get(story.path);
    expect(find(page.body, "form.reply-form")).toBeUndefined();
    expect(texts(page.body, `a[href="/login?next=${encodeURIComponent(story.path)}"]`)).toContain("Log in to reply");
    const res = await new Agent(t.app).get(`/stories/${story.id}/reply`);
    expect(res.statusCode).toBe(303);
  });

  it("posts a reply from the form under the story, with a permalink, and counts it", async () => {
    const story = await newStory("A story that gets one reply");
    const form = await replier.get(story.path);
    expect(one(form.body, "form.reply-form").getAttribute("action")).toBe(`/stories/${story.id}/replies`);
    expect(attr(form.body, "form.reply-form", "method")).toBe("post");
    const id = await reply(replier, story, "Same thing happened to me with **Optus**.");
    const page = await new Agent(t.app).get(story.path);
    expect(find(page.body, `#reply-${id} a[href="${story.path}?reply=${id}#reply-${id}"]`)).toBeDefined();
    expect(texts(page.body, `#reply-${id} strong`)).toContain("Optus");
    expect(texts(page.body, "h2")).toContain("1 reply");
    const list = await new Agent(t.app).get("/");
    expect(textOf(find(list.body, `a[href="${story.path}#replies"]`))).toBe("1 reply");
  });

  it("keeps the typed reply and says why when it is empty", async () => {
    const story = await newStory("A story with an empty reply attempt");
    const res = await replier.post(`/stories/${story.id}/replies`, { body: "   " }, { formPage: story.path });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain("Write something before posting the reply.");
  });

  it("nests replies under their parents and stops indenting past depth 6", async () => {
    const story = await newStory("A story with a long argument");
    const top = await reply(replier, story, "Top-level reply");
    const other = await reply(author, story, "Second top-level reply");
    let parent = top;
    const chain = [top];
    for (let depth = 1; depth <= 8; depth++) {
      parent = await reply(depth % 2 ? author : replier, story, `Reply at depth ${depth}`, parent);
      chain.push(parent);
    }
    // The reply page for answering one reply preselects it as the parent.
    const answerPage = await replier.get(`/stories/${story.id}/reply?parent=${top}`);
    expect(attr(answerPage.body, 'input[type="hidden"][name="parent_id"]', "value")).toBe(String(top));
    expect(answerPage.body).toContain("Top-level reply");

    const page = await new Agent(t.app).get(story.path);
    // Document order: the chain under the first reply, then the second top-level reply.
    expect(replyIds(page.body)).toEqual([...chain, other]);
    const li = (id: number) => attr(page.body, `li#reply-${id}`, "class");
    expect(li(chain[5]!)).toBe("reply");
    expect(li(chain[6]!)).toBe("reply flat");
    expect(li(chain[8]!)).toBe("reply flat");
    // Depth 1 sits inside the top reply's <li>.
    expect(find(page.body, `#reply-${top} #reply-${chain[1]}`)).toBeDefined();
    expect(find(page.body, `#reply-${other} #reply-${chain[1]}`)).toBeUndefined();
    expect((await db.selectFrom("replies").select("depth").where("id", "=", chain[8]!).executeTakeFirstOrThrow()).depth).toBe(8);
  });

  it("quotes a reply as a markdown blockquote with the author's name", async () => {
    const story = await newStory("A story with a quotable reply");
    const id = await reply(replier, story, "They answered in 10 hours.\n\nThen sent a phone.");
    const page = await author.get(`/stories/${story.id}/reply?parent=${id}&quote=1`);
    expect(page.statusCode).toBe(200);
    expect(fieldValue(page.body, "body")).toBe("> **helpful_reader** wrote:\n>\n> They answered in 10 hours.\n>\n> Then sent a phone.\n\n");
    const quoted = await reply(author, story, "> **helpful_reader** wrote:\n>\n> They answered in 10 hours.\n\nAnd me!", id);
    const thread = await new Agent(t.app).get(story.path);
    expect(textOf(find(thread.body, `#reply-${quoted} blockquote p`))).toBe("helpful_reader wrote:");
    expect(textOf(find(thread.body, `#reply-${quoted} blockquote p strong`))).toBe("helpful_reader");
    const storyQuote = await replier.get(`/stories/${story.id}/reply?quote=story`);
    expect(fieldValue(storyQuote.body, "body")).toContain("> **story_author** wrote:");
  });

  it("lets the author edit a reply, keeping the earlier text as a revision", async () => {
    const story = await newStory("A story with an edited reply");
    const id = await reply(replier, story, "First version of my reply");
    expect((await author.get(`/replies/${id}/edit`)).statusCode).toBe(403);
    const res = await replier.post(`/replies/${id}/edit`, { body: "Second version of my reply" }, { formPage: `/replies/${id}/edit` });
    expect(res.statusCode).toBe(303);
    const page = await new Agent(t.app).get(story.path);
    expect(page.body).toContain("Second version of my reply");
    expect(page.body).not.toContain("First version of my reply");
    expect(textOf(find(page.body, `#reply-${id} a[href="/replies/${id}/revisions"]`))).toBe("edited: revision history of this reply");
    const revisions = await new Agent(t.app).get(`/replies/${id}/revisions`);
    expect(revisions.body).toContain("First version of my reply");
    expect(revisions.body).toContain("Second version of my reply");
  });

  it("deletes a reply; one with answers stays as [deleted] to keep the thread's shape", async () => {
    const story = await newStory("A story with deleted replies");
    const parent = await reply(replier, story, "A reply I will regret");
    const child = await reply(author, story, "An answer to the regretted reply", parent);
    const leaf = await reply(replier, story, "A lonely reply I will also delete");
    expect((await author.get(`/replies/${parent}/delete`)).statusCode).toBe(403);
    expect((await author.post(`/replies/${parent}/delete`, {}, { formPage: story.path })).statusCode).toBe(403);
    // The thread links to a page that asks first (no one-click delete, no JavaScript needed).
    const thread = await replier.get(story.path);
    expect(textOf(find(thread.body, `#reply-${leaf} a[href="/replies/${leaf}/delete"]`))).toBe("delete your reply");
    expect(find(thread.body, `form[action="/replies/${leaf}/delete"]`)).toBeUndefined();
    const confirm = await replier.get(`/replies/${leaf}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Delete your reply?");
    expect(confirm.body).toContain("A lonely reply I will also delete");
    expect(attr(confirm.body, `form[action="/replies/${leaf}/delete"]`, "method")).toBe("post");
    expect((await new Agent(t.app).get(story.path)).body).toContain("A lonely reply I will also delete"); // asking deletes nothing
    for (const id of [parent, leaf]) expect((await replier.post(`/replies/${id}/delete`, {}, { formPage: `/replies/${id}/delete` })).statusCode).toBe(303);
    const page = await new Agent(t.app).get(story.path);
    expect(replyIds(page.body)).toEqual([parent, child]);
    expect(page.body).not.toContain("A reply I will regret");
    expect(page.body).not.toContain("A lonely reply");
    expect(page.body).toContain("[deleted]");
    expect(page.body).toContain("An answer to the regretted reply");
    expect(texts(page.body, "h2")).toContain("1 reply");
    // A deleted reply can no longer be answered.
    const res = await author.post(`/stories/${story.id}/replies`, { body: "Too late", parent_id: String(parent) }, { formPage: story.path });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain("no longer there");
  });

  it("lets an author delete their own story after a confirmation page; it leaves the pages, the lists and the search", async () => {
    const story = await newStory("A story its author takes down");
    await reply(replier, story, "A reply under the story taken down");
    const page = await author.get(story.path);
    expect(textOf(find(page.body, `a[href="/stories/${story.id}/delete"]`))).toBe("Delete story");
    expect((await replier.get(story.path)).body).not.toContain(`/stories/${story.id}/delete`);
    expect((await replier.get(`/stories/${story.id}/delete`)).statusCode).toBe(403);
    expect((await replier.post(`/stories/${story.id}/delete`, {}, { formPage: story.path })).statusCode).toBe(403);

    const confirm = await author.get(`/stories/${story.id}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Delete your story?");
    expect(confirm.body).toContain("A story its author takes down");
    expect((await new Agent(t.app).get(story.path)).statusCode).toBe(200); // asking deletes nothing

    const done = await author.post(`/stories/${story.id}/delete`, {}, { formPage: `/stories/${story.id}/delete` });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/u/story_author");
    expect((await new Agent(t.app).get(story.path)).statusCode).toBe(404);
    expect((await author.get(story.path)).statusCode).toBe(404);
    expect((await new Agent(t.app).get("/")).body).not.toContain("A story its author takes down");
    expect((await new Agent(t.app).get("/u/story_author")).body).not.toContain("A story its author takes down");
    expect((await new Agent(t.app).get("/search?q=takes+down")).body).not.toContain("A story its author takes down");
    expect((await new Agent(t.app).get("/feed.xml")).body).not.toContain("A story its author takes down");
    // A second submit (a double click, the back button) finds nothing to delete.
    expect((await author.post(`/stories/${story.id}/delete`, {}, { formPage: "/" })).statusCode).toBe(404);
  });

  it("counts “me too” once per member, on the story and in the list", async () => {
    const story = await newStory("A story many people recognise");
    const logedOut = await new Agent(t.app).get(story.path);
    expect(logedOut.body).toContain("0 people say this happened to them too.");
    for (let i = 0; i < 2; i++) expect((await replier.post(`/stories/${story.id}/me-too`, {}, { formPage: story.path })).statusCode).toBe(303);
    const third = new Agent(t.app);
    await third.signUp("also_affected");
    await third.post(`/stories/${story.id}/me-too`, {}, { formPage: story.path });
    const row = await db.selectFrom("stories").select("me_too_count").where("id", "=", story.id).executeTakeFirstOrThrow();
    expect(row.me_too_count).toBe(2);
    expect((await db.selectFrom("me_toos").select("user_id").where("story_id", "=", story.id).execute())).toHaveLength(2);
    const page = await replier.get(story.path);
    expect(textOf(find(page.body, "p.me-too.done"))).toBe("2 people say this happened to them too, you included.");
    expect(textOf(find(page.body, "p.me-too.done strong"))).toBe("2");
    expect(texts(page.body, "button")).not.toContain("Me too — this happened to me");
    const list = await new Agent(t.app).get("/?sort=top");
    expect(list.body).toContain("2 “me too”");
  });
});
