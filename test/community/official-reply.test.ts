// Company right of reply: an admin names who speaks for an organisation; their
// replies on its stories carry a badge and come first, and change no facts.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../server/db/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent, signedUp } from "../helpers/browser-agent.js";
import { attrs, csrfToken, find, findAll, replyIds, textOf, texts } from "../helpers/html.js";
import { postReplyForm, postStoryForm, type PostedStory } from "../helpers/story-form.js";

/** The official badge of a reply. */
const BADGE = "strong.badge.official";
/** The links of a part of the page, as [href, text]. */
const findLinks = (html: string, selector: string) => findAll(html, selector).map((a) => [a.getAttribute("href"), textOf(a)]);

describe("company right of reply", () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let admin: Agent, moderator: Agent, poster: Agent, nokia: Agent, reader: Agent;
  let nokiaStory: PostedStory, attStory: PostedStory;

  const newStory = (title: string, company = "Nokia") => postStoryForm(poster, { title, company });
  const reply = postReplyForm;
  const represent = (username: string, organisation: string) => admin.post("/admin/representatives", { username, organisation }, { formPage: "/admin/representatives" });
  const representatives = () => db.selectFrom("representatives").selectAll().execute();

  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    admin = await signedUp(t.app, "site_admin");
    await db.updateTable("users").set({ role: "admin" }).where("username_key", "=", "site_admin").execute();
    moderator = await signedUp(t.app, "site_moderator");
    await db.updateTable("users").set({ role: "moderator" }).where("username_key", "=", "site_moderator").execute();
    poster = await signedUp(t.app, "nokia_customer");
    nokia = await signedUp(t.app, "nokia_care");
    reader = await signedUp(t.app, "other_reader");
    // Both organisations exist once a story names them.
    nokiaStory = await newStory("Nokia replied to my email within hours");
    attStory = await newStory("AT&T lost my order twice", "AT&T");
  });
  afterAll(() => t.close());

  it("lets an admin add a representative by username and any spelling of the organisation", async () => {
    const page = await admin.get("/admin/representatives");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Nobody speaks for an organisation yet.");
    const res = await represent("NOKIA_CARE", "nokia");
    expect(res.statusCode).toBe(303);
    const list = await admin.get(String(res.headers.location));
    expect(textOf(find(list.body, 'a[href="/companies/nokia"]'))).toBe("Nokia");
    expect(textOf(find(list.body, 'a[href="/u/nokia_care"]'))).toBe("nokia_care");
    expect(await representatives()).toHaveLength(1);
  });

  it("keeps the form filled and says why for an unknown member, organisation or a repeat", async () => {
    const unknown = await represent("no_such_member", "No Such Company");
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain("There is no member called no_such_member.");
    expect(unknown.body).toContain("There is no organisation called No Such Company on Escalator yet.");
    expect(attrs(unknown.body, "input", "value")).toContain("No Such Company");
    const empty = await represent("", "");
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain("Name the member who speaks for the organisation.");
    const repeat = await represent("nokia_care", "Nokia");
    expect(repeat.statusCode).toBe(422);
    expect(repeat.body).toContain("nokia_care already speaks for Nokia.");
    expect(await representatives()).toHaveLength(1);
  });

  it("gives members and moderators a 403 page, and sends visitors to log in, also on direct POST", async () => {
    for (const agent of [reader, moderator, nokia]) {
      expect((await agent.get("/admin/representatives")).statusCode).toBe(403);
      const token = csrfToken((await agent.get("/")).body)!;
      const add = await agent.post("/admin/representatives", { _csrf: token, username: "other_reader", organisation: "Nokia" });
      expect(add.statusCode).toBe(403);
      expect(add.body).toContain("Only admins can do that.");
      const row = (await representatives())[0]!;
      const remove = await agent.post("/admin/representatives/remove", { _csrf: token, user_id: String(row.user_id), organisation_id: String(row.organisation_id) });
      expect(remove.statusCode).toBe(403);
    }
    const visitor = await new Agent(t.app).get("/admin/representatives");
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe(`/login?next=${encodeURIComponent("/admin/representatives")}`);
    expect(await representatives()).toHaveLength(1);
  });

  it("badges the representative's replies on the organisation's stories only", async () => {
    const official = await reply(nokia, nokiaStory, "We are sorry: a replacement is on its way.");
    const elsewhere = await reply(nokia, attStory, "Not our company, but we saw this.");
    const plain = await reply(reader, nokiaStory, "Lucky you.");
    const page = await new Agent(t.app).get(nokiaStory.path);
    expect(texts(page.body, BADGE)).toEqual(["Official response from Nokia"]);
    // The reply's own article, not its answers.
    const badgeOf = (id: number, html: string) => find(html, `#reply-${id} > article ${BADGE}`);
    expect(badgeOf(official, page.body)).toBeDefined();
    expect(badgeOf(plain, page.body)).toBeUndefined();
    const att = await new Agent(t.app).get(attStory.path);
    expect(replyIds(att.body)).toContain(elsewhere);
    expect(find(att.body, BADGE)).toBeUndefined();
    expect(att.body).not.toContain("has responded officially");
  });

  it("shows the company's reply first, nested ones with their discussion and a link at the top", async () => {
    const story = await newStory("Nokia answered in a sub-thread");
    const early = await reply(reader, story, "First!");
    const question = await reply(poster, story, "Has Nokia said anything?");
    const nested = await reply(nokia, story, "We have: please check your inbox.", question);
    const topLevel = await reply(nokia, story, "Our official statement.");
    const later = await reply(reader, story, "Late to the party.");
    const page = await new Agent(t.app).get(story.path);
    expect(replyIds(page.body)).toEqual([question, nested, topLevel, early, later]);
    expect(textOf(find(page.body, ".official-notice strong"))).toBe("Nokia has responded officially");
    expect(findLinks(page.body, ".official-notice a")).toEqual([[`#reply-${nested}`, "response 1"], [`#reply-${topLevel}`, "response 2"]]);
  });

  it("neither badges nor pins an official reply the moderators hid", async () => {
    const story = await newStory("Nokia answered, then was hidden");
    const early = await reply(reader, story, "Any news?");
    const official = await reply(nokia, story, "An answer the moderators hide.");
    await db.updateTable("replies").set({ hidden_at: new Date(), hidden_reason: "spam" }).where("id", "=", official).execute();
    const page = await new Agent(t.app).get(story.path);
    expect(replyIds(page.body)).toEqual([early, official]);
    expect(find(page.body, BADGE)).toBeUndefined();
    expect(page.body).not.toContain("has responded officially");
  });

  it("never changes the story's facts, and the representative cannot edit them", async () => {
    const before = await db.selectFrom("stories").selectAll().where("id", "=", nokiaStory.id).executeTakeFirstOrThrow();
    await reply(nokia, nokiaStory, "For the record: we answered in 10 minutes, not 10 hours.");
    const edit = await nokia.get(`/stories/${nokiaStory.id}/edit`);
    expect(edit.statusCode).toBe(403);
    const after = await db.selectFrom("stories").selectAll().where("id", "=", nokiaStory.id).executeTakeFirstOrThrow();
    const facts = ({ reply_count, last_activity_at, search_en, search_de, ...rest }: typeof before) => rest;
    expect(facts(after)).toEqual(facts(before));
    const page = await new Agent(t.app).get(nokiaStory.path);
    expect(page.body).toContain("Best Buy");
  });

  it("drops the badge when the admin removes the representative", async () => {
    const row = (await representatives())[0]!;
    const res = await admin.post("/admin/representatives/remove", { user_id: String(row.user_id), organisation_id: String(row.organisation_id) }, { formPage: "/admin/representatives" });
    expect(res.statusCode).toBe(303);
    expect(await representatives()).toHaveLength(0);
    const page = await new Agent(t.app).get(nokiaStory.path);
    expect(find(page.body, BADGE)).toBeUndefined();
    const odd = await admin.post("/admin/representatives/remove", { user_id: "abc", organisation_id: "-1" }, { formPage: "/admin/representatives" });
    // Malformed ids never reach a query: the friendly 400 page.
    expect(odd.statusCode).toBe(400);
  });
});
