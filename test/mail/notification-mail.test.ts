// Notification mail through the real forms and a real SMTP server: each kind
// right away, each kind in the daily digest, following stories and
// companies, and the one-click unsubscribe that needs no session.
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../server/db/schema.js";
import type { TestApp } from "../helpers/app.js";
import type { Agent } from "../helpers/browser-agent.js";
import { createMailApp } from "../helpers/mail-app.js";
import { memberWithMail } from "../helpers/mail-members.js";
import { rawHeader, type Mailbox } from "../helpers/mailbox.js";
import { postReplyForm, postStoryForm } from "../helpers/story-form.js";

const HOUR = 3_600_000;
const KINDS = ["story_replies", "reply_replies", "quotes", "mentions", "followed_stories", "followed_companies"];

describe("notification mail", () => {
  let t: TestApp;
  let app: FastifyInstance;
  let db: Kysely<DB>;
  let mailbox: Mailbox;
  let author: Agent, replier: Agent, third: Agent, follower: Agent, official: Agent;
  let nokia: { id: number; slug: string };
  const idOf = async (username: string) => (await db.selectFrom("users").select("id").where("username_key", "=", username.toLowerCase()).executeTakeFirstOrThrow()).id;
  const setAll = async (agent: Agent, delivery: string, nudge = "on") => {
    const res = await agent.post("/settings/mail", { ...Object.fromEntries(KINDS.map((k) => [k, delivery])), nudge }, { formPage: "/settings" });
    expect(res.statusCode).toBe(303);
  };
  const subjects = (address: string) => mailbox.to(address).map((m) => m.subject);

  beforeAll(async () => {
    const mailApp = await createMailApp();
    t = mailApp;
    ({ app, mailbox } = mailApp);
    db = t.database.db;
    author = await memberWithMail(app, mailbox, "Story_Author");
    replier = await memberWithMail(app, mailbox, "Reply_Writer");
    third = await memberWithMail(app, mailbox, "Third_Voice");
    follower = await memberWithMail(app, mailbox, "Keen_Follower");
    official = await memberWithMail(app, mailbox, "Nokia_Official");
    // Nokia as the forms make it (with its aliases), and a member who speaks for it.
    const seed = await postStoryForm(author, { title: "How Nokia's office first answered me" });
    nokia = await db.selectFrom("stories as s").innerJoin("organisations as o", "o.id", "s.company_id").select(["o.id", "o.slug"]).where("s.id", "=", seed.id).executeTakeFirstOrThrow();
    await db.insertInto("representatives").values({ user_id: await idOf("Nokia_Official"), organisation_id: nokia.id }).execute();
    mailbox.clear();
  });
  afterAll(() => t.close());

  /** Everything the six kinds need, once: returns the story. */
  async function conversation(companyName: string) {
    expect((await follower.post(`/companies/${nokia.slug}/follow`, { follow: "yes" }, { formPage: `/companies/${nokia.slug}` })).statusCode).toBe(303);
    const story = await postStoryForm(author, { title: `Escalated to ${companyName} and waited`, company: companyName, outcome: "pending", step_0_answered_date: "", step_0_answered_time: "", step_0_answered_by: "", resolved_date: "", resolved_time: "" });
    expect((await follower.post(`/stories/${story.id}/follow`, { follow: "yes" }, { formPage: story.path })).statusCode).toBe(303);
    const first = await postReplyForm(replier, story, "Did they ever call you back?");
    await postReplyForm(third, story, "They called me the next day.", first);
    await postReplyForm(third, story, "> **Reply_Writer** wrote:\n>\n> Did they ever call you back?\n\nNot me.");
    await postReplyForm(third, story, "Ask @Story_Author about the letter.");
    return story;
  }

  it("mails each kind right away, with the settings link and a one-click unsubscribe", async () => {
    const story = await conversation("Nokia");
    await postReplyForm(official, story, "We are sorry: our executive office will call you today.");
    const timeline = await author.post(`/stories/${story.id}/timeline`, { first_response_date: "2024-03-02", first_response_time: "10:00", answered_by: "executive_relations", outcome: "pending", resolved_date: "", resolved_time: "" }, { formPage: `/stories/${story.id}/timeline` });
    expect(timeline.statusCode).toBe(303);
    await app.mail.runOnce();

    expect(subjects("story_author@example.test")).toEqual(expect.arrayContaining([
      "Reply_Writer replied to your story “Escalated to Nokia and waited”",
      "Third_Voice mentioned you in “Escalated to Nokia and waited”",
      "Nokia_Official replied to your story “Escalated to Nokia and waited”",
    ]));
    expect(subjects("reply_writer@example.test").sort()).toEqual([
      "Third_Voice quoted you in “Escalated to Nokia and waited”",
      "Third_Voice replied to your reply in “Escalated to Nokia and waited”",
    ]);
    // The follower chose right away for everything: the story's replies, its timeline, the company's news.
    expect(subjects("keen_follower@example.test")).toEqual([]); // followed kinds default to the digest
    const mail = mailbox.to("reply_writer@example.test")[0]!;
    expect(mail.text).toContain("They called me the next day.");
    expect(mail.text).toContain("http://localhost:80/stories/");
    expect(mail.text).toContain("http://localhost:80/settings#mail");
    expect(mail.html).toContain('href="http://localhost:80/settings#mail"');
    expect(mail.html).not.toMatch(/<img|src=/i);
    expect(rawHeader(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(String(rawHeader(mail, "list-unsubscribe"))).toMatch(/^<http:\/\/localhost:80\/mail\/unsubscribe\?token=[^>]+>$/);

    mailbox.clear();
    await setAll(follower, "immediate");
    const again = await conversation("Nokia");
    await postReplyForm(official, again, "Our office will call you.");
    await author.post(`/stories/${again.id}/timeline`, { first_response_date: "2024-03-02", first_response_time: "10:00", answered_by: "executive_relations", outcome: "pending", resolved_date: "", resolved_time: "" }, { formPage: `/stories/${again.id}/timeline` });
    await app.mail.runOnce();
    const title = "“Escalated to Nokia and waited”";
    expect(subjects("keen_follower@example.test").sort()).toEqual([
      `Nokia_Official answered officially in ${title}, about a company you follow`,
      `Reply_Writer replied in ${title}, a story you follow`,
      `Story_Author posted ${title} about a company you follow`,
      `Story_Author updated the timeline of ${title}, a story you follow`,
      `Third_Voice replied in ${title}, a story you follow`,
      `Third_Voice replied in ${title}, a story you follow`,
      `Third_Voice replied in ${title}, a story you follow`,
    ].sort());
    // And in-app, too.
    const page = await follower.get("/notifications");
    expect(page.body).toContain("updated the timeline of a story you follow");
    expect(page.body).toContain("posted about a company you follow");
  });

  it("collects each kind into one daily digest instead, sent once the oldest is a day old", async () => {
    for (const agent of [author, replier, follower]) await setAll(agent, "digest");
    mailbox.clear();
    await conversation("Nokia");
    await app.mail.runOnce();
    expect(mailbox.received).toEqual([]);
    await app.mail.runOnce(new Date(Date.now() + 23 * HOUR));
    expect(mailbox.received).toEqual([]);

    await app.mail.runOnce(new Date(Date.now() + 25 * HOUR));
    const digestOf = (address: string): ParsedMail => {
      const mails = mailbox.to(address);
      expect(mails.map((m) => m.subject)).toHaveLength(1);
      return mails[0]!;
    };
    const authorDigest = digestOf("story_author@example.test");
    expect(authorDigest.subject).toBe("Your Escalator digest: 3 new notifications");
    expect(authorDigest.text).toContain("Reply_Writer replied to your story");
    expect(authorDigest.text).toContain("Third_Voice replied to your story");
    expect(authorDigest.text).toContain("Third_Voice mentioned you in");
    const replierDigest = digestOf("reply_writer@example.test");
    expect(replierDigest.text).toContain("Third_Voice replied to your reply in");
    expect(replierDigest.text).toContain("Third_Voice quoted you in");
    const followerDigest = digestOf("keen_follower@example.test");
    expect(followerDigest.text).toContain("posted “Escalated to Nokia and waited” about a company you follow");
    expect(followerDigest.text).toContain("a story you follow");
    expect(rawHeader(followerDigest, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

    // Sent once: a later round has nothing more to send.
    await app.mail.runOnce(new Date(Date.now() + 26 * HOUR));
    expect(mailbox.received).toHaveLength(3);
  });

  it("mails nothing for a kind switched off", async () => {
    await setAll(author, "off");
    mailbox.clear();
    await conversation("Nokia");
    await app.mail.runOnce(new Date(Date.now() + 25 * HOUR));
    expect(mailbox.to("story_author@example.test")).toEqual([]);
  });

  it("unsubscribes with the List-Unsubscribe link's one-click POST, without a session or a form token", async () => {
    await setAll(author, "immediate");
    mailbox.clear();
    const story = await postStoryForm(author, { title: "A story to unsubscribe from" });
    await postReplyForm(replier, story, "First reply.");
    await app.mail.runOnce();
    const mail = mailbox.last("story_author@example.test");
    const link = new URL(String(rawHeader(mail, "list-unsubscribe")).slice(1, -1));

    // Opening the link only asks; a link scanner unsubscribes nobody.
    const page = await app.inject({ method: "GET", url: link.pathname + link.search });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Replies to my stories");
    const res = await app.inject({
      method: "POST",
      url: link.pathname + link.search,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Done: no more mail about");
    const prefs = await db.selectFrom("mail_preferences").select(["kind", "delivery"]).where("user_id", "=", await idOf("Story_Author")).where("kind", "=", "story_replies").executeTakeFirst();
    expect(prefs?.delivery).toBe("off");

    mailbox.clear();
    await postReplyForm(replier, story, "Second reply.");
    await app.mail.runOnce();
    expect(mailbox.to("story_author@example.test")).toEqual([]);

    // A tampered token changes nothing.
    const forged = await app.inject({ method: "POST", url: `${link.pathname}?token=${link.searchParams.get("token")!.replace(/.$/, "x")}`, headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "List-Unsubscribe=One-Click" });
    expect(forged.statusCode).toBe(404);
  });

  it("follows and unfollows a story and a company with plain forms", async () => {
    const story = await postStoryForm(author, { title: "A story to follow and leave" });
    let page = await follower.get(story.path);
    expect(page.body).toContain("Follow this story");
    await follower.post(`/stories/${story.id}/follow`, { follow: "yes" }, { formPage: story.path });
    page = await follower.get(story.path);
    expect(page.body).toContain("You follow this story.");
    await follower.post(`/stories/${story.id}/follow`, { follow: "no" }, { formPage: story.path });
    expect((await follower.get(story.path)).body).toContain("Follow this story");
    expect((await follower.get(`/companies/${nokia.slug}`)).body).toContain("You follow this company.");
    // Visitors see no button and get sent to log in.
    const visitor = await app.inject({ method: "GET", url: story.path });
    expect(visitor.body).not.toContain("Follow this story");
  });
});
