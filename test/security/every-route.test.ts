// Walks every registered route: each state-changing one needs the CSRF token,
// each member route sends visitors to log in, each moderator or admin route
// refuses members and visitors, and a banned member's open session cannot post.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RegisteredRoute } from "../../server/app.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent, ORIGIN } from "../helpers/browser-agent.js";
import { csrfToken } from "../helpers/html.js";
import { postStoryForm, type PostedStory } from "../helpers/story-form.js";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
/** A concrete URL for a route's pattern: every parameter filled with something that exists. */
const concrete = (url: string, story: PostedStory) => url.replace(/:id/g, String(story.id)).replace(/:slug/g, "nokia").replace(/:username/g, "walker_member");

describe("every route", () => {
  let t: TestApp;
  let member: Agent, banned: Agent;
  let story: PostedStory;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    t = await createTestApp();
    member = new Agent(t.app);
    await member.signUp("walker_member");
    banned = new Agent(t.app);
    await banned.signUp("walker_banned");
    story = await postStoryForm(member, { title: "A story every route is tried on", company: "Nokia" });
    routes = t.app.registeredRoutes.filter((r) => !r.url.includes("*") && !r.url.includes("("));
  });
  afterAll(() => t.close());

  it("finds the routes of every audience", () => {
    const audiences = new Set(routes.map((r) => r.audience));
    expect(audiences).toEqual(new Set([undefined, "member", "moderator", "admin"]));
    expect(routes.filter((r) => !SAFE.has(r.method)).length).toBeGreaterThan(15);
  });

  it("refuses every state-changing request without the CSRF token, for members and visitors", async () => {
    for (const route of routes.filter((r) => !SAFE.has(r.method))) {
      const url = concrete(route.url, story);
      for (const agent of [member, new Agent(t.app)]) {
        const res = await agent.post(url, { _csrf: "" });
        const refused = res.statusCode === 403
          || (route.audience !== undefined && res.statusCode === 303 && String(res.headers.location).startsWith("/login"))
          // A mail's one-click link carries a signed token instead: without it, nothing is there.
          || (route.signedLink && res.statusCode === 404);
        expect(refused, `${route.method} ${route.url}: ${res.statusCode}`).toBe(true);
      }
      // Without a same-site Origin, even a member's request with no token at all is refused.
      const res = await t.app.inject({ method: route.method as "POST", url, headers: { cookie: [...member.cookies].map(([k, v]) => `${k}=${v}`).join("; "), origin: "https://evil.example" } });
      if (!route.signedLink) expect(res.statusCode, `${route.method} ${route.url} from another site`).toBe(403);
    }
  });

  it("sends visitors to log in from every member, moderator and admin route", async () => {
    for (const route of routes.filter((r) => r.audience !== undefined && r.method !== "HEAD")) {
      const url = concrete(route.url, story);
      const res = SAFE.has(route.method) ? await new Agent(t.app).get(url) : await new Agent(t.app).post(url, {}, { formPage: "/login" });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(303);
      expect(String(res.headers.location), `${route.method} ${route.url}`).toMatch(/^\/login\?next=/);
    }
  });

  it("gives members the 403 page on every moderator and admin route", async () => {
    for (const route of routes.filter((r) => (r.audience === "moderator" || r.audience === "admin") && r.method !== "HEAD")) {
      const url = concrete(route.url, story);
      const res = SAFE.has(route.method) ? await member.get(url) : await member.post(url, { action: "hide", reason: "walking every route" }, { formPage: story.path });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.body).toContain("Not allowed");
    }
  });

  it("lets a banned member's still-open session post nothing", async () => {
    const formPage = await banned.get(story.path);
    const token = csrfToken(formPage.body) ?? "";
    // The ban set straight in the database: the session it should have ended stays open.
    await t.database.db.updateTable("users").set({ banned_until: new Date(Date.now() + 86_400_000), ban_reason: "walking" }).where("username", "=", "walker_banned").execute();
    const before = await t.database.db.selectFrom("replies").select("id").execute();
    for (const [url, fields] of [
      [`/stories/${story.id}/replies`, { body: "Posted while banned" }],
      ["/stories/new", { title: "A story posted while banned", action: "post" }],
      [`/stories/${story.id}/me-too`, {}],
      [`/stories/${story.id}/flag`, { reason: "spam" }],
    ] as const) {
      const res = await banned.post(url, { ...fields, _csrf: token });
      expect(res.statusCode, url).toBe(403);
      expect(res.body, url).toContain("Your account is banned");
    }
    expect(await t.database.db.selectFrom("replies").select("id").execute()).toEqual(before);
    expect(await t.database.db.selectFrom("stories").select("id").where("title", "=", "A story posted while banned").executeTakeFirst()).toBeUndefined();
    expect((await banned.get(story.path)).statusCode).toBe(200);
  });
});
