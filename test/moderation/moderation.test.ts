// Moderation through the real forms: flags, the queue, each action and what
// members, visitors, search, feeds and the leaderboard then see; bans; the log.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRole } from "../../server/accounts/queries.js";
import type { DB } from "../../server/db/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent, signedUp } from "../helpers/browser-agent.js";
import { findAll, type HTMLElement, nextHref, textOf } from "../helpers/html.js";
import { postReplyForm, postStoryForm, STORY, type PostedStory } from "../helpers/story-form.js";

/** The moderation log's rows, each as its cells. */
const logRows = (html: string): HTMLElement[][] => findAll(html, "table.moderation-log tbody tr").map((tr) => tr.querySelectorAll("td"));

describe("moderation", () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let author: Agent, member: Agent, second: Agent, moderator: Agent, visitor: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    author = await signedUp(t.app, "story_teller");
    member = await signedUp(t.app, "careful_reader");
    second = await signedUp(t.app, "second_reader");
    moderator = await signedUp(t.app, "the_moderator");
    await setRole(db, "the_moderator", "moderator");
    visitor = new Agent(t.app);
  });
  afterAll(() => t.close());

  const newStory = (title: string, extra: Record<string, string> = {}) => postStoryForm(author, { title, ...extra });
  const newReply = (story: PostedStory, body: string, agent = author) => postReplyForm(agent, story, body);
  const logLines = () => db.selectFrom("moderation_log").selectAll().orderBy("id").execute();
  const act = (url: string, fields: Record<string, string>) => moderator.post(url, fields, { formPage: url });

  it("lets a member flag a story or reply once, with a reason and a note", async () => {
    const story = await newStory("A story someone finds misleading");
    const replyId = await newReply(story, "A spammy reply, buy things");
    const page = await member.get(story.path);
    expect(page.body).toContain(`href="/stories/${story.id}/flag">Flag for the moderators</a>`);
    expect(page.body).toContain(`href="/replies/${replyId}/flag">flag<span class="visually-hidden"> this reply for the moderators</span></a>`);

    const missing = await member.post(`/stories/${story.id}/flag`, { reason: "", note: "typed note" }, { formPage: `/stories/${story.id}/flag` });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain("Choose what is wrong with it.");
    expect(missing.body).toContain("typed note");

    for (let i = 0; i < 2; i++) {
      const res = await member.post(`/stories/${story.id}/flag`, { reason: "misleading", note: "The dates do not add up" }, { formPage: `/stories/${story.id}/flag` });
      expect(res.statusCode).toBe(303);
    }
    await member.post(`/replies/${replyId}/flag`, { reason: "spam" }, { formPage: `/replies/${replyId}/flag` });
    await second.post(`/replies/${replyId}/flag`, { reason: "abuse" }, { formPage: `/replies/${replyId}/flag` });
    const again = await member.get(`/stories/${story.id}/flag`);
    expect(again.body).toContain("You have flagged this.");
    expect(again.body).not.toContain('name="reason"');
    const flags = await db.selectFrom("flags").select(["story_id", "reply_id", "reason", "note"]).orderBy("id").execute();
    expect(flags).toEqual([
      { story_id: story.id, reply_id: null, reason: "misleading", note: "The dates do not add up" },
      { story_id: null, reply_id: replyId, reason: "spam", note: null },
      { story_id: null, reply_id: replyId, reason: "abuse", note: null },
    ]);

    const queue = await moderator.get("/moderation");
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`<a href="/moderation/stories/${story.id}" lang="en">A story someone finds misleading</a>`);
    const replyLink = `a[href="/moderation/replies/${replyId}"]`;
    const flagged = findAll(queue.body, "ul.queue li").find((li) => li.querySelector(replyLink));
    expect(textOf(flagged?.querySelector(replyLink) ?? undefined)).toBe("Reply by story_teller");
    expect(textOf(flagged?.querySelector("strong") ?? undefined)).toBe("2");
    expect(textOf(flagged)).toContain("· 2 flags: Spam, Abuse or harassment");
    const item = await moderator.get(`/moderation/stories/${story.id}`);
    expect(item.body).toContain("The dates do not add up");
    expect(item.body).toContain("careful_reader");
  });

  it("refuses members every moderation page and action, also by direct POST", async () => {
    const story = await newStory("A story members try to moderate");
    const replyId = await newReply(story, "A reply members try to hide");
    for (const url of ["/moderation", `/moderation/stories/${story.id}`, `/moderation/replies/${replyId}`, "/moderation/users/story_teller", "/moderation/organisations/nokia", "/moderation/find?username=x"]) {
      expect((await member.get(url)).statusCode, url).toBe(403);
      expect((await visitor.get(url)).statusCode, url).toBe(303);
    }
    const posts: [string, Record<string, string>][] = [
      [`/moderation/stories/${story.id}`, { action: "hide", reason: "members cannot" }],
      [`/moderation/stories/${story.id}`, { action: "delete", reason: "members cannot" }],
      [`/moderation/replies/${replyId}`, { action: "hide", reason: "members cannot" }],
      ["/moderation/users/story_teller", { action: "ban", duration: "forever", reason: "members cannot" }],
      ["/moderation/organisations/nokia", { action: "rename", name: "Nokla", reason: "members cannot" }],
    ];
    for (const [url, fields] of posts) expect((await member.post(url, fields, { formPage: "/settings" })).statusCode, url).toBe(403);
    const row = await db.selectFrom("stories").select(["hidden_at", "deleted_at"]).where("id", "=", story.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ hidden_at: null, deleted_at: null });
    expect((await db.selectFrom("users").select("banned_until").where("username", "=", "story_teller").executeTakeFirstOrThrow()).banned_until).toBeNull();
    expect((await db.selectFrom("organisations").select("name").where("slug", "=", "nokia").executeTakeFirstOrThrow()).name).toBe("Nokia");
    expect(await logLines()).toHaveLength(0);
  });

  it("asks for a reason for every action, keeping what was typed", async () => {
    const story = await newStory("A story hidden without a reason");
    const res = await act(`/moderation/stories/${story.id}`, { action: "hide", reason: "" });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain("Say why, in a few words");
    expect((await db.selectFrom("stories").select("hidden_at").where("id", "=", story.id).executeTakeFirstOrThrow()).hidden_at).toBeNull();
  });

  it("hides a story from visitors, members, lists, search, feeds and figures, and restores it", async () => {
    const story = await newStory("Zyxwv unique hidden story", { company: "Hidecorp" });
    const seenEverywhere = async () => {
      const [list, search, feed, company, page] = await Promise.all([
        visitor.get("/"), visitor.get("/search?q=Zyxwv"), visitor.get("/feed.xml"), visitor.get("/companies.json?window=all"), member.get(story.path),
      ]);
      return {
        list: list.body.includes("Zyxwv unique hidden story"),
        search: search.body.includes(`/stories/${story.id}/`),
        feed: feed.body.includes("Zyxwv unique hidden story"),
        figures: company.body.includes("Hidecorp"),
        page: page.body.includes("Zyxwv unique hidden story"),
      };
    };
    // The company figures follow within 2 seconds (the figures worker); the rest at once.
    const within2s = { timeout: 2000, interval: 50 };
    await expect.poll(seenEverywhere, within2s).toEqual({ list: true, search: true, feed: true, figures: true, page: true });

    const res = await act(`/moderation/stories/${story.id}`, { action: "hide", reason: "Names a private person" });
    expect(res.statusCode).toBe(303);
    expect(await seenEverywhere()).toMatchObject({ list: false, search: false, feed: false, page: false });
    await expect.poll(seenEverywhere, within2s).toEqual({ list: false, search: false, feed: false, figures: false, page: false });
    const page = await member.get(story.path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("[hidden by moderators: Names a private person]");
    const asModerator = await moderator.get(story.path);
    expect(asModerator.body).toContain("Zyxwv unique hidden story");
    expect(asModerator.body).toContain("Hidden from everyone else: Names a private person");

    expect((await act(`/moderation/stories/${story.id}`, { action: "restore", reason: "The name was the company's" })).statusCode).toBe(303);
    expect(await seenEverywhere()).toMatchObject({ list: true, search: true, feed: true, page: true });
    await expect.poll(seenEverywhere, within2s).toEqual({ list: true, search: true, feed: true, figures: true, page: true });

    const lines = (await logLines()).filter((l) => l.target_id === story.id && l.target_type === "story");
    expect(lines.map((l) => [l.action, l.reason])).toEqual([
      ["hide", "Names a private person"],
      ["restore", "The name was the company's"],
    ]);
  });

  it("hides a reply as “[hidden by moderators: reason]”, resolving its flags", async () => {
    const story = await newStory("A story with a reply to hide");
    const replyId = await newReply(story, "Qwertzu abusive reply text", member);
    await second.post(`/replies/${replyId}/flag`, { reason: "abuse" }, { formPage: `/replies/${replyId}/flag` });
    expect((await act(`/moderation/replies/${replyId}`, { action: "hide", reason: "Personal attack" })).statusCode).toBe(303);
    const page = await visitor.get(story.path);
    expect(page.body).toContain("[hidden by moderators: Personal attack]");
    expect(page.body).not.toContain("Qwertzu abusive reply text");
    expect((await visitor.get("/search?q=Qwertzu")).body).not.toContain(`#reply-${replyId}`);
    const open = await db.selectFrom("flags").select("id").where("reply_id", "=", replyId).where("resolved_at", "is", null).execute();
    expect(open).toHaveLength(0);
    expect((await moderator.get("/moderation")).body).not.toContain(`/moderation/replies/${replyId}"`);
  });

  it("dismisses flags without touching the item", async () => {
    const story = await newStory("A story flagged by mistake");
    await member.post(`/stories/${story.id}/flag`, { reason: "spam" }, { formPage: `/stories/${story.id}/flag` });
    expect((await act(`/moderation/stories/${story.id}`, { action: "dismiss", reason: "Not spam: a real case" })).statusCode).toBe(303);
    expect((await moderator.get("/moderation")).body).not.toContain(`/moderation/stories/${story.id}"`);
    expect((await visitor.get(story.path)).body).toContain("A story flagged by mistake");
  });

  it("locks a thread: replies are refused with a clear message", async () => {
    const story = await newStory("A thread that got out of hand");
    expect((await act(`/moderation/stories/${story.id}`, { action: "lock", reason: "Going in circles" })).statusCode).toBe(303);
    const page = await member.get(story.path);
    expect(page.body).toContain("This thread is locked by the moderators");
    expect(page.body).not.toContain('class="stacked reply-form"');
    const res = await member.post(`/stories/${story.id}/replies`, { body: "One more thing" }, { formPage: "/settings" });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("This thread is locked by the moderators: it takes no new replies.");
    expect(res.body).toContain("One more thing");
    expect((await db.selectFrom("replies").select("id").where("story_id", "=", story.id).execute())).toHaveLength(0);
  });

  it("deletes a story and a reply", async () => {
    const story = await newStory("A story to delete for good");
    const other = await newStory("A story whose reply is deleted");
    const replyId = await newReply(other, "A reply to delete");
    expect((await act(`/moderation/stories/${story.id}`, { action: "delete", reason: "Duplicate post" })).statusCode).toBe(303);
    expect((await visitor.get(story.path)).statusCode).toBe(404);
    expect((await act(`/moderation/replies/${replyId}`, { action: "delete", reason: "Spam" })).statusCode).toBe(303);
    const page = await visitor.get(other.path);
    expect(page.body).not.toContain("A reply to delete");
    expect(page.body).toContain("0 replies</h2>");
  });

  it("redacts personal data, keeping the earlier text for moderators only", async () => {
    const story = await newStory("A story with a phone number in it", { body: "Call Jane on +44 20 7946 0958 for details.", confirm_personal: "yes" });
    const res = await act(`/moderation/stories/${story.id}`, { action: "redact", body: "Call Jane on [removed] for details.", reason: "Private phone number" });
    expect(res.statusCode).toBe(303);
    expect((await visitor.get(story.path)).body).toContain("Call Jane on [removed] for details.");
    expect((await visitor.get(story.path)).body).not.toContain("7946");
    expect((await visitor.get(`/stories/${story.id}/revisions`)).body).not.toContain("7946");
    expect((await moderator.get(`/moderation/stories/${story.id}`)).body).toContain("+44 20 7946 0958");
  });

  it("bans a member: they can read, cannot log in to post, and see why and until when", async () => {
    const troll = await signedUp(t.app, "short_fuse");
    const form = await moderator.get("/moderation/users/short_fuse");
    expect(form.body).toContain("Ban short_fuse");
    const missing = await act("/moderation/users/short_fuse", { action: "ban", duration: "7d", reason: "" });
    expect(missing.statusCode).toBe(422);
    expect((await act("/moderation/users/short_fuse", { action: "ban", duration: "7d", reason: "Repeated abuse" })).statusCode).toBe(303);
    // Logged out at once; reading still works.
    const page = await troll.get("/");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Log in</a>");
    const login = await troll.logIn("short_fuse");
    expect(login.statusCode).toBe(403);
    expect(login.body).toMatch(/Your account is banned until \d{1,2} \w+ \d{4}, \d\d:\d\d UTC: Repeated abuse\./);
    const post = await troll.post("/stories/new", { ...STORY, action: "post" }, { formPage: "/login" });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toMatch(/^\/login/);
    // A wrong password still says only that.
    expect((await troll.logIn("short_fuse", "wrong password here")).body).toContain("Wrong username or password.");

    expect((await act("/moderation/users/short_fuse", { action: "unban", reason: "Apologised" })).statusCode).toBe(303);
    expect((await troll.logIn("short_fuse")).statusCode).toBe(303);
    const forever = await act("/moderation/users/short_fuse", { action: "ban", duration: "forever", reason: "Came back swinging" });
    expect(forever.statusCode).toBe(303);
    expect((await troll.logIn("short_fuse")).body).toContain("Your account is banned for good: Came back swinging.");
  });

  it("renames, merges (moving stories and figures, redirecting the old slug) and sets a parent", async () => {
    await newStory("Story typed with the duplicate name", { company: "Telefonica Espana" });
    await newStory("Story typed with the proper name", { company: "Movistar" });
    const renamed = await act("/moderation/organisations/movistar", { action: "rename", name: "Movistar (Telefónica)", reason: "Official name" });
    expect(renamed.statusCode).toBe(303);
    // The old spelling still finds it.
    const again = await author.post("/stories/new", { ...STORY, title: "Another Movistar story here", company: "movistar", action: "post" }, { formPage: "/stories/new" });
    const moved = await db.selectFrom("stories as s").innerJoin("organisations as o", "o.id", "s.company_id").select("o.name").where("s.title", "=", "Another Movistar story here").executeTakeFirstOrThrow();
    expect(again.statusCode).toBe(303);
    expect(moved.name).toBe("Movistar (Telefónica)");

    const unknown = await act("/moderation/organisations/telefonica-espana", { action: "merge", target: "Nobody Inc", reason: "Duplicate" });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain("No organisation is called “Nobody Inc”.");
    const merge = await act("/moderation/organisations/telefonica-espana", { action: "merge", target: "Movistar", reason: "Same company" });
    expect(merge.statusCode).toBe(303);
    const stories = await db.selectFrom("stories as s").innerJoin("organisations as o", "o.id", "s.company_id").select("o.slug").where("s.title", "in", ["Story typed with the duplicate name", "Story typed with the proper name"]).execute();
    expect(stories.map((s) => s.slug)).toEqual(["movistar", "movistar"]);
    const old = await visitor.get("/companies/telefonica-espana");
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe("/companies/movistar");
    const oldStepped = await visitor.get("/companies/telefonica-espana/stepped-in?window=all");
    expect(oldStepped.statusCode).toBe(301);
    expect(oldStepped.headers.location).toBe("/companies/movistar/stepped-in?window=all");
    // The figures follow the moved stories within 2 seconds (the figures worker).
    const figures = async () => JSON.stringify(await (await visitor.get("/companies.json?window=all")).json());
    await expect.poll(figures, { timeout: 2000, interval: 50 }).toContain("Movistar (Telefónica)");
    expect(await figures()).not.toContain("Telefonica Espana");
    // Typing the duplicate's name now files the story under the merged organisation.
    await author.post("/stories/new", { ...STORY, title: "Typed with the merged name", company: "Telefonica España", action: "post" }, { formPage: "/stories/new" });
    const typed = await db.selectFrom("stories as s").innerJoin("organisations as o", "o.id", "s.company_id").select("o.slug").where("s.title", "=", "Typed with the merged name").executeTakeFirstOrThrow();
    expect(typed.slug).toBe("movistar");

    expect((await act("/moderation/organisations/movistar", { action: "parent", parent: "Nokia", reason: "Testing parents" })).statusCode).toBe(303);
    const loop = await act("/moderation/organisations/nokia", { action: "parent", parent: "Movistar", reason: "A loop" });
    expect(loop.statusCode).toBe(422);
    expect(loop.body).toContain("cannot be its own parent");
  });

  it("keeps a public, paged log with an Atom feed", async () => {
    const page = await visitor.get("/moderation/log");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("the_moderator");
    expect(page.body).toContain("Names a private person");
    expect(page.body).toContain('<link rel="alternate" type="application/atom+xml" title="Moderation log" href="/moderation/log.xml">');
    // A deleted story's line keeps its label but loses its link.
    const target = (label: string) => logRows(page.body).map((cells) => cells[3]).find((cell) => textOf(cell) === `story: ${label}`);
    const deleted = target("A story to delete for good");
    expect(deleted).toBeDefined();
    expect(deleted?.querySelector("a")).toBeNull();
    const dismissed = target("A story flagged by mistake");
    expect(textOf(dismissed?.querySelector("a") ?? undefined)).toBe("A story flagged by mistake");
    expect(dismissed?.querySelector("a")?.getAttribute("href")).toMatch(/^\/stories\/\d+\/a-story-flagged-by-mistake$/);
    const total = (await logLines()).length;
    expect(total).toBeGreaterThan(10);
    const feed = await visitor.get("/moderation/log.xml");
    expect(feed.headers["content-type"]).toContain("application/atom+xml");
    expect(findAll(feed.body, "entry")).toHaveLength(total);
    expect(feed.body).toContain("Reason: Private phone number");
  });
});

describe("personal data in a story or reply", () => {
  let t: TestApp;
  let author: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    author = await signedUp(t.app, "careless_poster");
  });
  afterAll(() => t.close());

  it("asks the author to confirm an e-mail address or phone number before posting", async () => {
    const fields = { ...STORY, title: "A story with my contact details", body: "Write to me at jane.doe@example.com or call 0800 123 4567.", action: "post" };
    const first = await author.post("/stories/new", fields, { formPage: "/stories/new" });
    expect(first.statusCode).toBe(422);
    expect(first.body).toContain("This looks like personal data: jane.doe@example.com, 0800 123 4567.");
    expect(first.body).toContain('name="confirm_personal" value="yes"');
    expect(first.body).toContain("Write to me at jane.doe@example.com");
    expect(await t.database.db.selectFrom("stories").select("id").execute()).toHaveLength(0);
    const confirmed = await author.post("/stories/new", { ...fields, confirm_personal: "yes" }, { formPage: "/stories/new" });
    expect(confirmed.statusCode).toBe(303);
    const path = String(confirmed.headers.location);
    const id = path.split("/")[2];
    const reply = await author.post(`/stories/${id}/replies`, { body: "My number is +49 30 1234 5678" }, { formPage: path });
    expect(reply.statusCode).toBe(422);
    expect(reply.body).toContain("+49 30 1234 5678");
    expect((await author.post(`/stories/${id}/replies`, { body: "My number is +49 30 1234 5678", confirm_personal: "yes" }, { formPage: path })).statusCode).toBe(303);
  });
});

describe("the moderation log's pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("pages newest first without gaps or repeats", async () => {
    const db = t.database.db;
    const { id: moderatorId } = await db.insertInto("users").values({ username: "log_keeper", username_key: "log_keeper", password_hash: "!", role: "moderator" }).returning("id").executeTakeFirstOrThrow();
    for (let i = 0; i < 120; i++) {
      await db.insertInto("moderation_log").values({ moderator_id: moderatorId, action: "dismiss", target_type: "story", target_id: 100_000 + i, target_label: `Gone story ${i}`, reason: `Reason number ${i}` }).execute();
    }
    const seen: number[] = [];
    let url: string | undefined = "/moderation/log";
    while (url) {
      const res: { statusCode: number; body: string } = await t.app.inject(url);
      expect(res.statusCode).toBe(200);
      const reasons = logRows(res.body).map((cells) => textOf(cells[4]));
      for (const reason of reasons) expect(reason).toMatch(/^Reason number \d+$/);
      seen.push(...reasons.map((reason) => Number(reason.slice("Reason number ".length))));
      url = nextHref(res.body);
    }
    expect(seen).toEqual([...Array(120).keys()].reverse());
    expect((await t.app.inject("/moderation/log?before=abc")).statusCode).toBe(400);
  });
});
