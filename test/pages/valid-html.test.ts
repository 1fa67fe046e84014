// Every kind of page, as a visitor, a member, a moderator and an admin sees it,
// is valid HTML with the accessibility rules html-validate knows (labels,
// landmarks, headings, alt text, unique ids).
import { HtmlValidate } from "html-validate";
import { afterAll, describe, expect, it } from "vitest";
import { setRole } from "../../server/accounts/queries.js";
import { createTestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { STORY } from "../helpers/story-form.js";

const validator = new HtmlValidate({
  extends: ["html-validate:standard", "html-validate:a11y"],
  rules: {
    // Long single-line attribute lists are fine; Eta keeps them on one line.
    "long-title": "off",
  },
});

describe("pages are valid, accessible HTML", async () => {
  const { app, database, close } = await createTestApp({ demo: true });
  afterAll(close);
  const db = database.db;
  const member = new Agent(app);
  await member.signUp("html_member");
  const admin = new Agent(app);
  await admin.signUp("html_admin");
  await setRole(db, "html_admin", "admin");
  const posted = await member.post("/stories/new", { ...STORY, action: "post" }, { formPage: "/stories/new" });
  const story = String(posted.headers.location);
  const storyId = story.split("/")[2];
  await member.post(`/stories/${storyId}/replies`, { body: "A reply to validate" }, { formPage: story });
  const replyId = (await db.selectFrom("replies").select("id").where("story_id", "=", Number(storyId)).executeTakeFirstOrThrow()).id;
  const demoStory = await db.selectFrom("stories").select(["id", "slug"]).where("reply_count", ">", 3).orderBy("id").executeTakeFirstOrThrow();

  const pages: [string, Agent | null, string][] = [
    ["home", null, "/"],
    ["filtered home", null, "/?company=nokia&outcome=goodwill&sort=top"],
    ["thread (visitor)", null, `/stories/${demoStory.id}/${demoStory.slug}`],
    ["thread (member)", member, `/stories/${demoStory.id}/${demoStory.slug}`],
    ["own thread", member, story],
    ["thread (admin)", admin, story],
    ["story form", member, "/stories/new"],
    ["story form with errors", member, "POST /stories/new"],
    ["edit story", member, `/stories/${storyId}/edit`],
    ["timeline", member, `/stories/${storyId}/timeline`],
    ["delete story", member, `/stories/${storyId}/delete`],
    ["revisions", null, `/stories/${storyId}/revisions`],
    ["reply page", member, `/stories/${demoStory.id}/reply?quote=story`],
    ["edit reply", member, `/replies/${replyId}/edit`],
    ["delete reply", member, `/replies/${replyId}/delete`],
    ["flag", admin, `/replies/${replyId}/flag`],
    ["search", null, "/search?q=nokia"],
    ["user", null, "/u/html_member"],
    ["companies", null, "/companies"],
    ["company", null, "/companies/nokia"],
    ["stepped in", null, "/companies/nokia/stepped-in?window=all"],
    ["parties", null, "/parties"],
    ["how to escalate", null, "/companies/how?window=all"],
    ["German company", null, "/de/companies/nokia?window=all"],
    ["German how to escalate", null, "/de/companies/how?window=all"],
    ["German stepped in", null, "/de/companies/nokia/stepped-in?window=all"],
    ["German parties", null, "/de/parties?window=all"],
    ["login", null, "/login"],
    ["signup", null, "/signup"],
    ["settings", member, "/settings"],
    ["notifications", member, "/notifications"],
    ["moderation queue", admin, "/moderation"],
    ["moderate story", admin, `/moderation/stories/${storyId}`],
    ["moderate reply", admin, `/moderation/replies/${replyId}`],
    ["moderate user", admin, "/moderation/users/html_member"],
    ["moderate organisation", admin, "/moderation/organisations/nokia"],
    ["moderation log", null, "/moderation/log"],
    ["representatives", admin, "/admin/representatives"],
    ["not found", null, "/no/such/page"],
  ];

  for (const [name, agent, url] of pages) {
    it(`the ${name} page`, async () => {
      const client = agent ?? new Agent(app);
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
