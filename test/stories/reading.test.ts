import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoStories } from "../../server/db/demo-data.js";
import { renderMarkdown } from "../../server/lib/markdown.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { attrs, definitions, find, findAll, nextHref, textOf } from "../helpers/html.js";

/** The stories a list page links, in order. */
const storyLinks = (html: string) => attrs(html, 'h2.story-title[lang] > a[href^="/stories/"]', "href");

describe("reading stories", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it("shows the fastest-answering organisations on the first, unfiltered page only", async () => {
    const home = await t.app.inject("/");
    // Nokia answers the demo escalations fastest (Kaplan–Meier median 9 h over 6 stories).
    const nokia = findAll(home.body, "aside.fastest li").find((li) => li.querySelector('a[href="/companies/nokia"]'));
    expect(textOf(nokia?.querySelector("a") ?? undefined)).toBe("Nokia");
    expect(textOf(nokia?.querySelector("span.muted") ?? undefined)).toBe("median 9 h, n = 6");
    expect(textOf(nokia)).toBe("Nokia median 9 h, n = 6");
    expect((await t.app.inject("/?country=DE")).body).not.toContain('class="fastest"');
  });

  it("lists the demo stories on the front page with their tags", async () => {
    const res = await t.app.inject("/");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(storyLinks(res.body)).toHaveLength(25);
    // The newest story is first, with its company, outcome, response time and reply count.
    const newest = await t.database.db
      .selectFrom("stories as s")
      .innerJoin("organisations as c", "c.id", "s.company_id")
      .select(["s.title", "c.name", "s.reply_count"])
      .orderBy("s.created_at", "desc")
      .executeTakeFirstOrThrow();
    const firstRow = find(res.body, "li.story-row");
    expect(textOf(firstRow?.querySelector("h2.story-title") ?? undefined)).toBe(newest.title);
    expect(textOf(firstRow?.querySelector(".tag.company") ?? undefined)).toBe(newest.name);
    expect(firstRow?.querySelector('.tag.outcome[class*="outcome-"]')).toBeTruthy();
    expect(textOf(firstRow)).toMatch(/answered (after|the same day|the next day)|no response/);
    expect(textOf(firstRow)).toContain(`${newest.reply_count} repl`);
  });

  it("tells the demo stories' paths as they happened, the founding story's CEO answering himself", async () => {
    const thread = async (titleStart: string) => {
      const story = await t.database.db.selectFrom("stories").select(["id", "slug"]).where("title", "like", `${titleStart}%`).executeTakeFirstOrThrow();
      return (await t.app.inject(`/stories/${story.id}/${story.slug}`)).body;
    };
    const founding = await thread("Best Buy cancelled my Lumia 920 pre-order twice");
    expect(definitions(founding, "Answered by")).toContain("CEO");
    // Every demo story the seed documents tell as more than one step has its steps.
    for (const [title, steps] of [
      ["Best Buy cancelled my Lumia 920 pre-order twice", 4],
      ["A month of Optus and Nokia blaming each other", 3],
      ["AT&T jammed the SIM into my Lumia 920 upside down", 4],
      ["AT&T wanted my broken phone and the charging plate mailed back", 3],
      ["Movistar kept the iPhone 3G for new customers", 3],
      ["EVGA removed my motherboard", 3],
    ] as const) {
      expect(findAll(await thread(title), "li.path-step"), title).toHaveLength(steps);
    }
    expect(demoStories.filter((s) => (s.path?.length ?? 1) > 1)).toHaveLength(6);
  });

  it("pages through every story with the older link, with no gaps or repeats", async () => {
    const seen: string[] = [];
    let url: string | undefined = "/";
    while (url) {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(200);
      seen.push(...storyLinks(res.body));
      url = nextHref(res.body);
    }
    expect(seen).toHaveLength(demoStories.length);
    expect(new Set(seen).size).toBe(demoStories.length);
  });

  it("answers a cursor that is not a story id with the friendly 400 page", async () => {
    for (const after of ["abc", "-1", "99999999999", "1'; drop table stories; --", "%00"]) {
      const res = await t.app.inject(`/?after=${encodeURIComponent(after)}`);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("That request did not work");
    }
  });

  it("renders a thread with its facts card and nested replies", async () => {
    const nested = await t.database.db
      .selectFrom("replies as child")
      .innerJoin("replies as parent", "parent.id", "child.parent_id")
      .innerJoin("stories as s", "s.id", "child.story_id")
      .select(["s.id", "s.slug", "s.title", "child.id as childId", "parent.id as parentId"])
      .executeTakeFirstOrThrow();
    const res = await t.app.inject(`/stories/${nested.id}/${nested.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<h1 id="story-title" lang="en">${escape(nested.title)}</h1>`);
    for (const label of ["Escalated to", "Country", "Channel", "Written to", "Answered by", "Response time", "Outcome", "Timeline"]) {
      expect(res.body).toContain(label);
    }
    // The child reply sits inside its parent's list item.
    expect(find(res.body, `#reply-${nested.parentId} ol.replies #reply-${nested.childId}`)).toBeDefined();
    expect(res.body).toContain(`href="/stories/${nested.id}/${nested.slug}?reply=${nested.childId}#reply-${nested.childId}"`);
  });

  it("shows the Lumia 920 story's facts: Nokia, after Best Buy, by email to the CEO", async () => {
    const story = await t.database.db
      .selectFrom("stories as s")
      .innerJoin("organisations as c", "c.id", "s.company_id")
      .innerJoin("organisations as o", "o.id", "s.other_party_id")
      .where("c.slug", "=", "nokia")
      .where("o.slug", "=", "best-buy")
      .select(["s.id", "s.slug"])
      .executeTakeFirstOrThrow();
    const res = await t.app.inject(`/stories/${story.id}/${story.slug}`);
    const facts = res.body.slice(res.body.indexOf('<aside class="facts"'), res.body.indexOf("</aside>"));
    expect(facts).toContain('<dd><a href="/companies/nokia">Nokia</a></dd>');
    expect(facts).toContain('<dd><a href="/companies/best-buy">Best Buy</a></dd>');
    expect(facts).toContain("<dd>Email</dd>");
    expect(facts).toContain("<dd>CEO</dd>");
  });

  it("redirects a wrong or missing slug to the story's address", async () => {
    const story = await t.database.db.selectFrom("stories").select(["id", "slug"]).executeTakeFirstOrThrow();
    for (const url of [`/stories/${story.id}/wrong-slug`, `/stories/${story.id}`]) {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(`/stories/${story.id}/${story.slug}`);
    }
  });

  it("answers an unknown or malformed story id with the 404 page", async () => {
    for (const url of ["/stories/999999/x", "/stories/abc/x", "/stories/0/x", "/stories/1e3/x", "/stories/99999999999999/x"]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain("Page not found");
    }
  });

  it("serves a hostile markdown body without script, javascript: links, handlers or iframes", async () => {
    const body = 'Hi <script>alert("x")</script>\n\n[click](javascript:alert(1))\n\n<img src=x onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>';
    const template = await t.database.db.selectFrom("stories").select(["author_id", "company_id"]).executeTakeFirstOrThrow();
    const { id } = await t.database.db
      .insertInto("stories")
      .values({ ...template, title: "A hostile story body", slug: "a-hostile-story-body", country: "US", channel: "email", escalated_to: "ceo", outcome: "pending", escalated_at: new Date(), body_md: body, body_html: renderMarkdown(body) })
      .returning("id")
      .executeTakeFirstOrThrow();
    const stored = await t.database.db.selectFrom("stories").select(["body_md", "body_html"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored.body_md).toBe(body); // the source is kept as typed
    const res = await t.app.inject(`/stories/${id}/a-hostile-story-body`);
    const article = res.body.slice(res.body.indexOf('<div class="prose story-body" lang="en">'), res.body.indexOf("</article>"));
    expect(article).toContain("Hi");
    expect(article).not.toMatch(/<script|javascript:|onerror|<iframe/i);
  });
});

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
