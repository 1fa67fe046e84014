// Hidden means hidden on every route, feed and export, for everyone but the
// moderators: a hidden story's replies, a hidden reply quoted or flagged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRole } from "../../server/accounts/queries.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { postReplyForm, postStoryForm, type PostedStory } from "../helpers/story-form.js";

describe("hidden content", () => {
  let t: TestApp;
  let author: Agent, member: Agent, moderator: Agent;
  let story: PostedStory, replyId: number, hiddenReplyId: number, visibleStory: PostedStory;

  beforeAll(async () => {
    t = await createTestApp();
    author = new Agent(t.app);
    await author.signUp("hidden_author");
    member = new Agent(t.app);
    await member.signUp("hidden_reader");
    moderator = new Agent(t.app);
    await moderator.signUp("hidden_moderator");
    await setRole(t.database.db, "hidden_moderator", "moderator");

    story = await postStoryForm(author, { title: "Zanzibarquux story that gets hidden", company: "Hiddenco", body: "Zanzibarquux body text." });
    replyId = await postReplyForm(member, story, "Zanzibarquux first reply words.");
    // An edit, so the reply has an earlier version to show.
    await member.post(`/replies/${replyId}/edit`, { body: "Zanzibarquux edited reply words." }, { formPage: `/replies/${replyId}/edit` });
    visibleStory = await postStoryForm(author, { title: "A visible story with a hidden reply", company: "Hiddenco" });
    hiddenReplyId = await postReplyForm(member, visibleStory, "Quuxzanzibar hidden reply words.");
    const now = new Date();
    await t.database.db.updateTable("stories").set({ hidden_at: now, hidden_reason: "test" }).where("id", "=", story.id).execute();
    await t.database.db.updateTable("replies").set({ hidden_at: now, hidden_reason: "test" }).where("id", "=", hiddenReplyId).execute();
  });
  afterAll(() => t.close());

  it("shows no earlier version of a reply under a hidden story, except to moderators", async () => {
    for (const agent of [new Agent(t.app), member]) {
      const res = await agent.get(`/replies/${replyId}/revisions`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Zanzibarquux");
    }
    const res = await moderator.get(`/replies/${replyId}/revisions`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Zanzibarquux first reply words.");
  });

  it("never puts a hidden reply into the quote box or the reply page", async () => {
    const res = await member.get(`/stories/${visibleStory.id}/reply?parent=${hiddenReplyId}&quote=1`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("Quuxzanzibar");
  });

  it("offers no flag page that names a hidden story or reply", async () => {
    for (const url of [`/replies/${replyId}/flag`, `/stories/${story.id}/flag`, `/replies/${hiddenReplyId}/flag`]) {
      const res = await member.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toMatch(/Zanzibarquux|Quuxzanzibar/);
    }
  });

  it("leaves the hidden words out of every page, feed and export a member or visitor reads", async () => {
    const urls = [
      "/", "/?sort=active", "/search?q=Zanzibarquux", "/search?q=Quuxzanzibar", "/feed.xml", "/companies", "/companies/hiddenco",
      "/companies/hiddenco/feed.xml", "/companies.csv", "/companies.json", "/u/hidden_author", "/u/hidden_reader", "/notifications",
      story.path, `/stories/${story.id}/revisions`, `/stories/${story.id}/reply`, `/stories/${story.id}/reply?quote=story`,
      `/replies/${replyId}/revisions`, `/replies/${hiddenReplyId}/revisions`, `/replies/${replyId}/edit`, `/replies/${hiddenReplyId}/edit`,
      visibleStory.path, `/stories/${visibleStory.id}/reply?parent=${hiddenReplyId}`, `/stories/${visibleStory.id}/reply?parent=${hiddenReplyId}&quote=1`,
    ];
    for (const agent of [new Agent(t.app), member, author]) {
      for (const url of urls) {
        const res = await agent.get(url);
        expect(res.statusCode, url).toBeLessThan(500);
        // The search page echoes the query word itself; the hidden texts around it never show.
        expect(res.body, url).not.toMatch(/Zanzibarquux (story|body|first|edited)|Quuxzanzibar hidden/);
      }
    }
  });
});
