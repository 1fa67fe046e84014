// Your data: the download holds exactly the member's own data; deleting the
// account leaves their stories under "[deleted member]" (or removes them),
// and afterwards nothing links to the member; the figures follow.
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companyFigures } from "../../server/companies/figures.js";
import { flushFigures } from "../../server/companies/worker.js";
import type { DB } from "../../server/db/schema.js";
import type { TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { attrs } from "../helpers/html.js";
import { createMailApp } from "../helpers/mail-app.js";
import { memberWithMail, PASSWORD } from "../helpers/mail-members.js";
import type { Mailbox } from "../helpers/mailbox.js";
import { postReplyForm, postStoryForm, type PostedStory } from "../helpers/story-form.js";

describe("your data", () => {
  let t: TestApp;
  let app: FastifyInstance;
  let db: Kysely<DB>;
  let mailbox: Mailbox;
  let leaving: Agent;
  let own: PostedStory, theirs: PostedStory;

  beforeAll(async () => {
    const mailApp = await createMailApp();
    t = mailApp;
    ({ app, mailbox } = mailApp);
    db = t.database.db;
    leaving = await memberWithMail(app, mailbox, "Leaving_Lee");
    const other = await memberWithMail(app, mailbox, "Staying_Sam");
    own = await postStoryForm(leaving, { title: "Lee's own escalation to Nokia", body: "Lee's own words about the CEO." });
    theirs = await postStoryForm(other, { title: "Sam's escalation to Nokia", body: "Sam's private-ish words." });
    await postReplyForm(leaving, theirs, "Lee answering Sam here.");
    await postReplyForm(other, own, "Sam answering Lee's story.");
    await leaving.post(`/stories/${theirs.id}/follow`, { follow: "yes" }, { formPage: theirs.path });
    await app.mail.runOnce();
  });
  afterAll(() => t.close());

  it("downloads everything the member posted and everything stored about them, and nobody else's", async () => {
    const res = await leaving.get("/settings/export.json");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(res.headers["content-disposition"]).toContain("attachment");
    const data = JSON.parse(res.body);
    expect(data.account).toMatchObject({ username: "Leaving_Lee", email: "leaving_lee@example.test" });
    expect(data.stories.map((s: { title: string }) => s.title)).toEqual(["Lee's own escalation to Nokia"]);
    expect(data.stories[0]).toMatchObject({ company: "Nokia", outcome: "goodwill", body_markdown: "Lee's own words about the CEO." });
    // The story's path as posted (the form's one step: an e-mail to the CEO, answered the same evening).
    expect(data.stories[0].path).toEqual([expect.objectContaining({ position: 1, party: "company", channel: "email", written_to: "ceo", answered_by: "executive_relations" })]);
    expect(data.replies.map((r: { body_markdown: string }) => r.body_markdown)).toEqual(["Lee answering Sam here."]);
    expect(data.follows.stories.map((f: { title: string }) => f.title)).toEqual(["Sam's escalation to Nokia"]);
    expect(data.notifications).toHaveLength(1);
    expect(data.mail.map((m: { kind: string }) => m.kind)).toEqual(["confirm_email", "story_replies"]);
    expect(data.sessions.length).toBeGreaterThan(0);
    // Nothing of Sam's: not his story, reply, address or name.
    expect(res.body).not.toContain("Sam's private-ish words");
    expect(res.body).not.toContain("Sam answering");
    expect(res.body).not.toContain("staying_sam@example.test");
    expect(res.body).not.toContain("password");
    expect((await new Agent(app).get("/settings/export.json")).statusCode).toBe(303);
  });

  it("deletes the account but keeps the threads whole under “[deleted member]”, and nothing links to them", async () => {
    const wrong = await leaving.post("/settings/delete", { delete_password: "not my password" }, { formPage: "/settings" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("nothing was deleted");

    // Visitors have read both threads: the kept renderings must not outlive the name.
    for (const path of [own.path, theirs.path]) expect((await new Agent(app).get(path)).body).toContain("Leaving_Lee");
    const res = await leaving.post("/settings/delete", { delete_password: PASSWORD }, { formPage: "/settings" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Your account is deleted");
    expect((await leaving.get("/settings")).statusCode).toBe(303);
    expect((await new Agent(app).logIn("Leaving_Lee")).statusCode).toBe(422);

    const userId = (await db.selectFrom("stories").select("author_id").where("id", "=", own.id).executeTakeFirstOrThrow()).author_id;
    for (const table of ["sessions", "notifications", "story_follows", "company_follows", "mail_outbox", "mail_preferences", "email_confirmations", "password_resets"] as const) {
      expect(await db.selectFrom(table).select("user_id").where("user_id", "=", userId).execute(), table).toEqual([]);
    }
    const row = await db.selectFrom("users").select(["username", "email", "password_hash"]).where("id", "=", userId).executeTakeFirstOrThrow();
    expect(row).toEqual({ username: "[deleted member]", email: null, password_hash: "!deleted" });

    for (const path of [own.path, theirs.path, "/", "/search?q=Lee", "/feed.xml", "/moderation/log"]) {
      const page = await new Agent(app).get(path);
      expect(page.statusCode, path).toBe(200);
      expect(page.body, path).not.toContain("Leaving_Lee");
      const memberLinks = attrs(page.body, "[href]", "href").filter((href) => /^\/u\/(Leaving_Lee|%5Bdeleted)/i.test(href));
      expect(memberLinks, path).toEqual([]);
    }
    const thread = await new Agent(app).get(own.path);
    expect(thread.body).toContain("Lee's own words about the CEO.");
    expect(thread.body).toContain("[deleted member]");
    expect((await new Agent(app).get(theirs.path)).body).toContain("Lee answering Sam here.");
    expect((await new Agent(app).get("/u/Leaving_Lee")).statusCode).toBe(404);
  });

  it("removes the stories and replies too when asked, and the figures follow", async () => {
    const gone = await memberWithMail(app, mailbox, "Gone_Gabi");
    const story = await postStoryForm(gone, { title: "Gabi's story about Nokia" });
    await postReplyForm(gone, theirs, "Gabi's reply to Sam.");
    const companyId = (await db.selectFrom("stories").select("company_id").where("id", "=", story.id).executeTakeFirstOrThrow()).company_id;
    await flushFigures(db);
    const before = (await companyFigures(db, companyId, "all"))!.stories;

    const res = await gone.post("/settings/delete", { delete_password: PASSWORD, remove_posts: "yes" }, { formPage: "/settings" });
    expect(res.statusCode).toBe(200);
    expect((await new Agent(app).get(story.path)).statusCode).toBe(404);
    const thread = await new Agent(app).get(theirs.path);
    expect(thread.body).not.toContain("Gabi's reply to Sam.");
    // What the figures worker does within its round: the deleted story no longer counts.
    await flushFigures(db);
    expect((await companyFigures(db, companyId, "all"))!.stories).toBe(before - 1);
  });
});
