// Notifications through the real forms: who hears about a reply, the header's
// unread count, reading and marking, and nobody else's business.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../server/db/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent, signedUp } from "../helpers/browser-agent.js";
import { attr, csrfToken, fieldValue, find, nextHref, textOf, texts } from "../helpers/html.js";
import { STORY, postReplyForm, postStoryForm } from "../helpers/story-form.js";

describe("notifications", () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let author: Agent, replier: Agent, third: Agent;
  let authorId: number, replierId: number, thirdId: number;
  const idOf = async (username: string) => (await db.selectFrom("users").select("id").where("username_key", "=", username.toLowerCase()).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    author = await signedUp(t.app, "story_author");
    replier = await signedUp(t.app, "Helpful_Reader");
    third = await signedUp(t.app, "third_voice");
    authorId = await idOf("story_author");
    replierId = await idOf("helpful_reader");
    thirdId = await idOf("third_voice");
  });
  afterAll(() => t.close());

  const newStory = (title: string) => postStoryForm(author, { title });
  const reply = postReplyForm;
  /** Notifications about one reply, as (recipient, kind) pairs. */
  const about = async (replyId: number) =>
    (await db.selectFrom("notifications").select(["user_id", "kind"]).where("reply_id", "=", replyId).orderBy("user_id").execute()).map((n) => [n.user_id, n.kind]);
  const unreadOf = async (userId: number) => (await db.selectFrom("notifications").select("id").where("user_id", "=", userId).where("read_at", "is", null).execute()).length;
  /** The header's unread count ("2", "99+"), if it shows one. */
  const headerCount = (html: string) => {
    const count = find(html, ".unread-count");
    return count ? /\d+\+?/.exec(textOf(count))?.[0] : undefined;
  };
  const markAllRead = async (agent: Agent) => expect((await agent.post("/notifications/read-all", {}, { formPage: "/notifications" })).statusCode).toBe(303);

  it("tells the story's author about a reply to the story, and nobody else", async () => {
    const story = await newStory("A story someone answers");
    const id = await reply(replier, story, "Same here with **Optus**.");
    expect(await about(id)).toEqual([[authorId, "reply"]]);
    const page = await author.get("/notifications");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Helpful_Reader</a> replied to your story`);
    expect(page.body).toContain("A story someone answers");
    expect(page.body).toContain("Same here with **Optus**.");
    await markAllRead(author);
  });

  it("tells a reply's author about an answer to it", async () => {
    const story = await newStory("A story with a conversation");
    const first = await reply(replier, story, "Did they call you back?");
    const answer = await reply(third, story, "They called me the next day.", first);
    expect(await about(answer)).toEqual([[replierId, "reply"]]);
    const page = await replier.get("/notifications");
    expect(page.body).toContain("third_voice</a> replied to your reply in");
    await markAllRead(author);
    await markAllRead(replier);
  });

  it("says “quoted you” once when a reply quotes the reply it answers", async () => {
    const story = await newStory("A story with a quotable reply");
    const original = await reply(replier, story, "Write to the executive office, not the CEO.");
    const quotePage = await third.get(`/stories/${story.id}/reply?parent=${original}&quote=1`);
    const body = fieldValue(quotePage.body, "body")!;
    expect(body).toContain("> **Helpful_Reader** wrote:");
    const id = await reply(third, story, `${body}That worked for me too.`, original);
    // One notification for the reply's author: the quote, not also a "reply".
    expect(await about(id)).toEqual([[replierId, "quote"]]);
    expect((await replier.get("/notifications")).body).toContain("third_voice</a> quoted you in");
    await markAllRead(author);
    await markAllRead(replier);
  });

  it("notifies a quote even when the quoting reply answers the story, not the quoted reply", async () => {
    const story = await newStory("A story quoted from the top level");
    await reply(replier, story, "Original words.");
    const id = await reply(third, story, "> **helpful_reader** wrote:\n>\n> Original words.\n\nAgreed.");
    expect(await about(id)).toEqual([[authorId, "reply"], [replierId, "quote"]].sort((a, b) => Number(a[0]) - Number(b[0])));
    await markAllRead(author);
    await markAllRead(replier);
  });

  it("notifies an @mention in any case or width, one notification per member, the most specific kind", async () => {
    const story = await newStory("A story with mentions in it");
    const id = await reply(third, story, "@STORY_AUTHOR and @ｈｅｌｐｆｕｌ＿ｒｅａｄｅｒ, look at this. @story_author again.");
    // The story's author is both answered and mentioned: one "mention".
    expect(await about(id)).toEqual([[authorId, "mention"], [replierId, "mention"]].sort((a, b) => Number(a[0]) - Number(b[0])));
    expect((await author.get("/notifications")).body).toContain("third_voice</a> mentioned you in");
    await markAllRead(author);
    await markAllRead(replier);
  });

  it("notifies nobody for unknown @names or names in code", async () => {
    const story = await newStory("A story with false mentions");
    const id = await reply(author, story, "Thanks @nobody_here and `@helpful_reader`; see example.org/@third_voice.\n\n```\n@third_voice\n```");
    expect(await about(id)).toEqual([]);
  });

  it("never notifies members of their own actions", async () => {
    const story = await newStory("A story its author answers");
    const own = await reply(author, story, "An update from me, @story_author.");
    expect(await about(own)).toEqual([]);
    const mine = await reply(replier, story, "A reply.");
    const answerToSelf = await reply(replier, story, "> **Helpful_Reader** wrote:\n>\n> A reply.\n\nAnd me again, @helpful_reader.", mine);
    expect(await about(answerToSelf)).toEqual([]);
    await markAllRead(author);
  });

  it("shows the unread count in the header of every page, and none to visitors", async () => {
    const story = await newStory("A story for the header count");
    await reply(replier, story, "One.");
    await reply(third, story, "Two.");
    for (const path of ["/", story.path, "/companies", "/settings"]) {
      const page = await author.get(path);
      expect(headerCount(page.body), path).toBe("2");
      expect(find(page.body, 'a.has-unread[href="/notifications"]'), path).toBeDefined();
    }
    const other = await third.get("/");
    expect(find(other.body, 'a[href="/notifications"]')?.classList.contains("has-unread")).toBe(false);
    expect(headerCount(other.body)).toBeUndefined();
    const visitor = await new Agent(t.app).get("/");
    expect(find(visitor.body, 'a[href="/notifications"]')).toBeUndefined();
    await markAllRead(author);
  });

  it("marks one notification read by visiting it, which leads to the reply", async () => {
    const story = await newStory("A story to visit from a notification");
    const id = await reply(replier, story, "Visit me.");
    const notification = await db.selectFrom("notifications").select("id").where("reply_id", "=", id).executeTakeFirstOrThrow();
    const list = await author.get("/notifications");
    expect(find(list.body, `li.notification.unread#notification-${notification.id}`)).toBeDefined();
    expect(find(list.body, `#notification-${notification.id} a[href="/notifications/${notification.id}"]`)).toBeDefined();
    const visit = await author.get(`/notifications/${notification.id}`);
    expect(visit.statusCode).toBe(303);
    expect(visit.headers.location).toBe(`${story.path}?reply=${id}#reply-${id}`);
    expect(await unreadOf(authorId)).toBe(0);
    expect(attr((await author.get("/notifications")).body, `#notification-${notification.id}`, "class")).toBe("notification");
    expect(headerCount((await author.get("/")).body)).toBeUndefined();
  });

  it("marks one read with its button, and all read with “Mark all as read”", async () => {
    const story = await newStory("A story with several notifications");
    const ids = [await reply(replier, story, "A."), await reply(third, story, "B."), await reply(replier, story, "C.")];
    const first = await db.selectFrom("notifications").select("id").where("reply_id", "=", ids[0]!).executeTakeFirstOrThrow();
    const res = await author.post(`/notifications/${first.id}/read`, {}, { formPage: "/notifications" });
    expect(res.statusCode).toBe(303);
    expect(await unreadOf(authorId)).toBe(2);
    expect(headerCount((await author.get("/")).body)).toBe("2");
    await markAllRead(author);
    expect(await unreadOf(authorId)).toBe(0);
    const page = await author.get("/notifications");
    expect(find(page.body, "li.notification.unread")).toBeUndefined();
    expect(page.body).not.toContain("Mark all as read");
  });

  it("“Mark all as read” leaves what arrived after the page was shown unread", async () => {
    const story = await newStory("A story answered while reading");
    await reply(replier, story, "Before.");
    const page = await author.get("/notifications");
    const token = csrfToken(page.body)!;
    const upTo = fieldValue(page.body, "up_to")!;
    await reply(third, story, "Meanwhile.");
    const res = await author.post("/notifications/read-all", { _csrf: token, up_to: upTo });
    expect(res.statusCode).toBe(303);
    expect(await unreadOf(authorId)).toBe(1);
    await markAllRead(author);
  });

  it("refuses a mark-all-read without the form's CSRF token", async () => {
    const story = await newStory("A story for a forged request");
    await reply(replier, story, "Unread until read.");
    const res = await author.post("/notifications/read-all", { _csrf: "forged" });
    expect(res.statusCode).toBe(403);
    expect(await unreadOf(authorId)).toBe(1);
    await markAllRead(author);
  });

  it("keeps each member's notifications their own", async () => {
    const story = await newStory("A story with private notifications");
    const id = await reply(replier, story, "For the author only.");
    const notification = await db.selectFrom("notifications").select("id").where("reply_id", "=", id).executeTakeFirstOrThrow();
    expect((await third.get(`/notifications/${notification.id}`)).statusCode).toBe(404);
    expect((await third.post(`/notifications/${notification.id}/read`, {}, { formPage: "/notifications" })).statusCode).toBe(404);
    await markAllRead(third);
    expect(await unreadOf(authorId)).toBe(1);
    const list = await third.get("/notifications");
    expect(list.body).not.toContain("For the author only.");
    expect(list.body).not.toContain(`notification-${notification.id}`);
    await markAllRead(author);
  });

  it("sends visitors to log in, and answers odd URLs with 404, never 500", async () => {
    const visitor = new Agent(t.app);
    const res = await visitor.get("/notifications");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/login?next=${encodeURIComponent("/notifications")}`);
    expect((await visitor.get("/notifications/1")).statusCode).toBe(303);
    for (const path of ["/notifications/abc", "/notifications/99999999999", "/notifications/0", "/notifications/%00"]) {
      expect((await author.get(path)).statusCode, path).toBe(404);
    }
    // A malformed cursor is a bad request, answered with the friendly page.
    for (const query of ["?before=abc", "?before=-1", "?before=99999999999", "?before=1&before=2"]) {
      expect((await author.get(`/notifications${query}`)).statusCode, query).toBe(400);
    }
    // An unknown parameter is ignored.
    expect((await author.get("/notifications?before[]=1&before=2")).statusCode).toBe(200);
  });

  it("drops a notification when its reply is deleted", async () => {
    const story = await newStory("A story with a regretted reply");
    const id = await reply(replier, story, "Regretted words.");
    expect(await unreadOf(authorId)).toBe(1);
    expect((await replier.post(`/replies/${id}/delete`, {}, { formPage: story.path })).statusCode).toBe(303);
    expect(headerCount((await author.get("/")).body)).toBeUndefined();
    expect((await author.get("/notifications")).body).not.toContain("Regretted words.");
    await markAllRead(author);
  });

  it("pages the list newest first without gaps or repeats", async () => {
    const story = await newStory("A story with many answers");
    const ids: number[] = [];
    for (let i = 1; i <= 30; i++) ids.push(await reply(i % 2 ? replier : third, story, `Answer number ${i}.`));
    const seen: string[] = [];
    let href: string | undefined = "/notifications";
    let pages = 0;
    while (href) {
      const page = await author.get(href);
      expect(page.statusCode).toBe(200);
      for (const item of texts(page.body, "li.notification")) seen.push(...[...item.matchAll(/Answer number (\d+)\./g)].map((m) => m[1]!));
      href = nextHref(page.body);
      pages++;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => String(30 - i)));
    expect(headerCount((await author.get("/")).body)).toBe("30");
  });
});
