// Every kind of page, as a visitor, a member, a moderator and an admin sees it,
// is valid HTML with the accessibility rules html-validate knows (labels,
// landmarks, headings, alt text, unique ids).
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRole } from "../../server/accounts/queries.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent, signedUp } from "../helpers/browser-agent.js";
import { STORY } from "../helpers/story-form.js";

const validator = new HtmlValidate({
  extends: ["html-validate:standard", "html-validate:a11y"],
  rules: {
    // Long single-line attribute lists are fine; Eta keeps them on one line.
    "long-title": "off",
  },
});

/** What the pages' addresses need, made once the app is up. */
interface Made {
  /** The member's own story's path, its id and its reply's id. */
  story: string;
  storyId: string;
  replyId: number;
  /** A demo thread with a few replies. */
  demoThread: string;
  demoStoryId: number;
}

describe("pages are valid, accessible HTML", () => {
  let t: TestApp;
  let made: Made;
  let agents: Record<"member" | "admin", Agent>;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    const db = t.database.db;
    const member = await signedUp(t.app, "html_member");
    const admin = await signedUp(t.app, "html_admin");
    await setRole(db, "html_admin", "admin");
    agents = { member, admin };
    const posted = await member.post("/stories/new", { ...STORY, action: "post" }, { formPage: "/stories/new" });
    const story = String(posted.headers.location);
    const storyId = story.split("/")[2] ?? "";
    await member.post(`/stories/${storyId}/replies`, { body: "A reply to validate" }, { formPage: story });
    const replyId = (await db.selectFrom("replies").select("id").where("story_id", "=", Number(storyId)).executeTakeFirstOrThrow()).id;
    const demoStory = await db.selectFrom("stories").select(["id", "slug"]).where("reply_count", ">", 3).orderBy("id").executeTakeFirstOrThrow();
    made = { story, storyId, replyId, demoThread: `/stories/${demoStory.id}/${demoStory.slug}`, demoStoryId: demoStory.id };
  });
  afterAll(() => t.close());

  // Who reads each page (a visitor, the member or the admin) and its address.
  const pages: [string, "visitor" | "member" | "admin", (m: Made) => string][] = [
    ["home", "visitor", () => "/"],
    ["filtered home", "visitor", () => "/?company=nokia&outcome=goodwill&sort=top"],
    ["thread (visitor)", "visitor", (m) => m.demoThread],
    ["thread (member)", "member", (m) => m.demoThread],
    ["own thread", "member", (m) => m.story],
    ["thread (admin)", "admin", (m) => m.story],
    ["story form", "member", () => "/stories/new"],
    ["story form with errors", "member", () => "POST /stories/new"],
    ["edit story", "member", (m) => `/stories/${m.storyId}/edit`],
    ["timeline", "member", (m) => `/stories/${m.storyId}/timeline`],
    ["delete story", "member", (m) => `/stories/${m.storyId}/delete`],
    ["revisions", "visitor", (m) => `/stories/${m.storyId}/revisions`],
    ["reply page", "member", (m) => `/stories/${m.demoStoryId}/reply?quote=story`],
    ["edit reply", "member", (m) => `/replies/${m.replyId}/edit`],
    ["delete reply", "member", (m) => `/replies/${m.replyId}/delete`],
    ["flag", "admin", (m) => `/replies/${m.replyId}/flag`],
    ["search", "visitor", () => "/search?q=nokia"],
    ["user", "visitor", () => "/u/html_member"],
    ["companies", "visitor", () => "/companies"],
    ["company", "visitor", () => "/companies/nokia"],
    ["stepped in", "visitor", () => "/companies/nokia/stepped-in?window=all"],
    ["every way of escalating", "visitor", () => "/companies/nokia/routes?window=all"],
    ["parties", "visitor", () => "/parties"],
    ["how to escalate", "visitor", () => "/companies/how?window=all"],
    ["German company", "visitor", () => "/de/companies/nokia?window=all"],
    ["German how to escalate", "visitor", () => "/de/companies/how?window=all"],
    ["German stepped in", "visitor", () => "/de/companies/nokia/stepped-in?window=all"],
    ["German ways of escalating", "visitor", () => "/de/companies/nokia/routes?window=all"],
    ["German parties", "visitor", () => "/de/parties?window=all"],
    ["login", "visitor", () => "/login"],
    ["signup", "visitor", () => "/signup"],
    ["settings", "member", () => "/settings"],
    ["notifications", "member", () => "/notifications"],
    ["moderation queue", "admin", () => "/moderation"],
    ["moderate story", "admin", (m) => `/moderation/stories/${m.storyId}`],
    ["moderate reply", "admin", (m) => `/moderation/replies/${m.replyId}`],
    ["moderate user", "admin", () => "/moderation/users/html_member"],
    ["moderate organisation", "admin", () => "/moderation/organisations/nokia"],
    ["moderation log", "visitor", () => "/moderation/log"],
    ["representatives", "admin", () => "/admin/representatives"],
    ["not found", "visitor", () => "/no/such/page"],
  ];

  for (const [name, who, address] of pages) {
    it(`the ${name} page`, async () => {
      const client = who === "visitor" ? new Agent(t.app) : agents[who];
      const url = address(made);
      const res = url.startsWith("POST ")
        ? await client.post(url.slice(5), { ...STORY, title: "x", action: "post" }, { formPage: url.slice(5) })
        : await client.get(url);
      expect(res.headers["content-type"]).toContain("text/html");
      const report = await validator.validateString(res.body);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} (line ${m.line}): ${m.message}`));
      expect(messages).toEqual([]);
    });
  }
});
