// Posting a story through the real form: every field, every validation rule,
// organisation matching, double submits, preview, editing and the timeline.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../server/db/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent, signedUp } from "../helpers/browser-agent.js";
import { attrs, definition, definitions, fieldError, fieldValue, find, textOf } from "../helpers/html.js";
import { STORY } from "../helpers/story-form.js";

describe("posting a story", () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let poster: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    poster = await signedUp(t.app, "lumia_fan");
  });
  afterAll(() => t.close());
  const storyCount = async () => (await db.selectFrom("stories").select("id").execute()).length;
  const post = (agent: Agent, fields: Record<string, string>) => agent.post("/stories/new", { action: "post", ...fields }, { formPage: "/stories/new" });

  it("sends a logged-out visitor to log in and back", async () => {
    const res = await new Agent(t.app).get("/stories/new");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/login?next=%2Fstories%2Fnew");
  });

  it("offers every field with a label and a hint, and existing organisations as suggestions", async () => {
    await post(poster, { ...STORY, title: "An earlier story to name Optus", company: "Optus", other_party: "" });
    const res = await poster.get("/stories/new");
    expect(res.statusCode).toBe(200);
    for (const name of Object.keys(STORY)) {
      if (name === "step_count") continue; // the number of rows, hidden
      expect(find(res.body, `label[for="f-${name}"]`), name).toBeDefined();
      expect(find(res.body, `#f-${name}-hint`), name).toBeDefined();
    }
    expect(attrs(res.body, "datalist#organisation-names option", "value")).toContain("Optus");
    expect(find(res.body, 'button[type="submit"][name="action"][value="preview"]')).toBeDefined();
  });

  it("posts a story with every field and shows each on the thread page", async () => {
    const res = await post(poster, STORY);
    expect(res.statusCode).toBe(303);
    const page = await poster.get(String(res.headers.location));
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain("<h1 id=\"story-title\" lang=\"en\">Best Buy cancelled my Lumia 920 twice</h1>");
    expect(html).toContain('<dd><a href="/companies/nokia">Nokia</a></dd>');
    expect(html).toContain('<dd><a href="/companies/best-buy">Best Buy</a></dd>');
    expect(html).toContain("<dt>Product</dt><dd>Lumia 920</dd>");
    expect(html).toContain("<dt>Country</dt><dd>United States</dd>");
    expect(html).toContain("<dt>Channel</dt><dd>Email</dd>");
    expect(html).toContain("<dt>Written to</dt><dd>CEO</dd>");
    expect(html).toContain("<dt>Answered by</dt><dd>Executive customer relations</dd>");
    expect(html).toContain('datetime="2024-03-01T09:15:00.000Z"');
    expect(html).toContain('datetime="2024-03-01T19:45:00.000Z"');
    expect(html).toContain('datetime="2024-03-03T12:00:00.000Z"');
    expect(definition(html, "Response time")).toMatch(/^10 h 30 min/);
    expect(html).toContain("Resolved with goodwill");
    expect(html).toContain("<strong>twice</strong>");
    expect(html).toContain("<li>a list item</li>");
    // Markdown is rendered once, when written.
    const row = await db.selectFrom("stories").select(["body_md", "body_html", "response_seconds"]).where("title", "=", STORY.title).executeTakeFirstOrThrow();
    expect(row.body_md).toBe(STORY.body);
    expect(row.body_html).toContain("<strong>twice</strong>");
    expect(row.response_seconds).toBe(10.5 * 3600);
  });

  it("treats AT&T, at&t and ATT as one organisation, and Telefónica as Telefonica", async () => {
    for (const [i, company] of ["AT&T", "at&t", "ATT", " A.T.&T. "].entries()) {
      expect((await post(poster, { ...STORY, title: `Carrier story number ${i}`, company, other_party: "" })).statusCode).toBe(303);
    }
    for (const [i, company] of ["Telefónica", "telefonica", "TELEFONICA"].entries()) {
      expect((await post(poster, { ...STORY, title: `Telefónica story number ${i}`, company, other_party: "" })).statusCode).toBe(303);
    }
    const orgs = await db
      .selectFrom("stories as s")
      .innerJoin("organisations as o", "o.id", "s.company_id")
      .where((eb) => eb.or([eb("s.title", "like", "Carrier story%"), eb("s.title", "like", "Telefónica story%")]))
      .select(["o.name", "o.slug"])
      .distinct()
      .orderBy("o.name")
      .execute();
    expect(orgs).toEqual([
      { name: "AT&T", slug: "at-t" },
      { name: "Telefónica", slug: "telefonica" },
    ]);
  });

  const rules: [string, Record<string, string>, string, RegExp][] = [
    ["a short title", { title: "Short" }, "title", /8 to 160 characters/],
    ["no company", { company: "  " }, "company", /Name the company/],
    ["the same company as the other party", { other_party: "nokia" }, "other_party", /leave it empty/],
    ["no country", { country: "" }, "country", /country/],
    ["an unknown channel", { step_0_channel: "pigeon" }, "step_0_channel", /Choose how you reached them/],
    ["no escalation date", { step_0_date: "" }, "step_0_date", /Give the date/],
    ["an impossible date", { step_0_date: "2025-02-30" }, "step_0_date", /real date/],
    ["an escalation in the future", { step_0_date: "2999-01-01", step_0_answered_date: "", step_0_answered_time: "", resolved_date: "", resolved_time: "", outcome: "pending" }, "step_0_date", /cannot be in the future/],
    ["a first response before the escalation", { step_0_answered_date: "2024-02-28" }, "step_0_answered_date", /cannot come before the step/],
    ["a resolution before the escalation", { resolved_date: "2024-02-01" }, "resolved_date", /cannot come before the escalation/],
    ["a first response in the future", { step_0_answered_date: "2999-01-01" }, "step_0_answered_date", /cannot be in the future/],
    ["“no response” with a first response", { outcome: "no_response" }, "outcome", /cannot be “no response” when there was a first response/],
    ["no outcome", { outcome: "" }, "outcome", /Choose how it ended/],
    ["a response time without its date", { step_0_answered_date: "" }, "step_0_answered_date", /Add the date of the answer/],
    ["a malformed response time", { step_0_answered_time: "25:61" }, "step_0_answered_time", /24-hour time/],
    ["an empty story", { body: " \n " }, "body", /Tell the story/],
  ];
  for (const [what, change, field, message] of rules) {
    it(`refuses ${what} next to the field, keeping everything typed`, async () => {
      const before = await storyCount();
      const typed = { ...STORY, title: "A title that is long enough", ...change };
      const res = await post(poster, typed);
      expect(res.statusCode).toBe(422);
      expect(fieldError(res.body, field)).toMatch(message);
      expect(res.body).toContain(`aria-describedby="f-${field}-hint f-${field}-error"`);
      for (const [name, value] of Object.entries(typed)) {
        if (name === "step_count") expect(res.body).toContain(`name="step_count" value="${value}"`);
        else if (name === "body") expect(fieldValue(res.body, name)?.trim()).toBe(value.trim());
        else if (name === name.trim() && ["country", "step_0_party", "step_0_channel", "step_0_written_to", "step_0_answered_by", "step_0_result", "outcome"].includes(name)) {
          // A select keeps the choice when it is one of its options.
          if (value === "pigeon") continue;
          expect(fieldValue(res.body, name) ?? "", name).toBe(value);
        } else expect(fieldValue(res.body, name), name).toBe(value.trim());
      }
      expect(await storyCount()).toBe(before);
    });
  }

  it("previews the rendered story above the filled form without posting it", async () => {
    const before = await storyCount();
    const res = await poster.post("/stories/new", { ...STORY, title: "A story only previewed", action: "preview" }, { formPage: "/stories/new" });
    expect(res.statusCode).toBe(200);
    expect(textOf(find(res.body, "section.preview .prose strong"))).toBe("twice");
    expect(find(res.body, "section.preview + form.story-form")).toBeDefined();
    expect(fieldValue(res.body, "title")).toBe("A story only previewed");
    expect(fieldValue(res.body, "product")).toBe("Lumia 920");
    expect(await storyCount()).toBe(before);
  });

  it("creates one story when the same form is submitted twice", async () => {
    const form = await poster.get("/stories/new");
    const key = fieldValue(form.body, "submission_key") ?? "";
    expect(key).not.toBe("");
    const first = await post(poster, { ...STORY, title: "Submitted twice by a double click", submission_key: key });
    const second = await post(poster, { ...STORY, title: "Submitted twice by a double click", submission_key: key });
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    const rows = await db.selectFrom("stories").select("id").where("title", "=", "Submitted twice by a double click").execute();
    expect(rows).toHaveLength(1);
  });

  it("refuses a post without a CSRF token", async () => {
    const before = await storyCount();
    const res = await poster.post("/stories/new", { ...STORY, action: "post", _csrf: "" });
    expect(res.statusCode).toBe(403);
    expect(await storyCount()).toBe(before);
  });

  it("lets the author edit text and facts, keeping the earlier version", async () => {
    const created = await post(poster, { ...STORY, title: "Story that will be edited" });
    const path = String(created.headers.location);
    const id = path.split("/")[2]!;
    const form = await poster.get(`/stories/${id}/edit`);
    expect(fieldValue(form.body, "title")).toBe("Story that will be edited");
    expect(fieldValue(form.body, "step_0_time")).toBe("09:15");
    const res = await poster.post(`/stories/${id}/edit`, { ...STORY, title: "Story after its edit", company: "Microsoft", action: "post" }, { formPage: `/stories/${id}/edit` });
    expect(res.statusCode).toBe(303);
    const page = await poster.get(String(res.headers.location));
    expect(page.body).toContain("Story after its edit");
    expect(page.body).toContain('<a href="/companies/microsoft">Microsoft</a>');
    expect(page.body).toContain(`<a href="/stories/${id}/revisions">edited<span class="visually-hidden">: revision history of this story</span></a>`);
    const revisions = await poster.get(`/stories/${id}/revisions`);
    expect(revisions.body).toContain("Story that will be edited");
    expect(definitions(revisions.body, "Company")).toContain("Nokia");
    // The old address leads to the new slug.
    const old = await poster.get(path);
    expect(old.statusCode).toBe(301);
  });

  it("lets only the author edit a story", async () => {
    const created = await post(poster, { ...STORY, title: "Someone else's story" });
    const id = String(created.headers.location).split("/")[2]!;
    const other = await signedUp(t.app, "not_the_author");
    expect((await other.get(`/stories/${id}/edit`)).statusCode).toBe(403);
    const res = await other.post(`/stories/${id}/edit`, { ...STORY, title: "Hijacked title here", action: "post" }, { formPage: "/settings" });
    expect(res.statusCode).toBe(403);
    expect((await other.post(`/stories/${id}/timeline`, { outcome: "refused" }, { formPage: "/settings" })).statusCode).toBe(403);
    const row = await db.selectFrom("stories").select(["title", "outcome"]).where("id", "=", Number(id)).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Someone else's story", outcome: "goodwill" });
  });

  it("updates the timeline when the company finally answers", async () => {
    const created = await post(poster, { ...STORY, title: "Still waiting for an answer", step_0_answered_by: "", step_0_answered_date: "", step_0_answered_time: "", resolved_date: "", resolved_time: "", outcome: "pending" });
    const path = String(created.headers.location);
    const id = path.split("/")[2]!;
    const before = await poster.get(path);
    expect(before.body).toContain(`href="/stories/${id}/timeline">Update the timeline</a>`);
    expect(definition(before.body, "Response time")).toMatch(/^no response/);

    // The single-escalation fields (an older form) answer the first step to the company.
    const wrong = await poster.post(`/stories/${id}/timeline`, { answered_by: "ceo", first_response_date: "2024-02-01", first_response_time: "10:00", outcome: "resolved" }, { formPage: `/stories/${id}/timeline` });
    expect(wrong.statusCode).toBe(422);
    expect(fieldError(wrong.body, "step_0_answered_date")).toMatch(/cannot come before the step/);
    expect(fieldValue(wrong.body, "step_0_answered_date")).toBe("2024-02-01");

    const res = await poster.post(`/stories/${id}/timeline`, { answered_by: "ceo", first_response_date: "2024-03-04", first_response_time: "09:15", resolved_date: "", resolved_time: "", outcome: "resolved" }, { formPage: `/stories/${id}/timeline` });
    expect(res.statusCode).toBe(303);
    const after = await poster.get(path);
    expect(definition(after.body, "Response time")).toMatch(/^3 d/);
    expect(after.body).toContain("<dt>Answered by</dt><dd>CEO</dd>");
    const revisions = await poster.get(`/stories/${id}/revisions`);
    expect(definitions(revisions.body, "Outcome")).toContain("Pending");
  });
});

describe("posting is rate-limited", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { rateLimits: { signup: 1000, login: 1000, post: 2 } } });
  });
  afterAll(() => t.close());

  it("answers 429 with Retry-After after the limit", async () => {
    const agent = await signedUp(t.app, "fast_poster");
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await agent.post("/stories/new", { ...STORY, title: `Rapid story number ${i}`, action: "post" }, { formPage: "/stories/new" });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.headers["retry-after"]).toBeDefined();
    }
    expect(statuses).toEqual([303, 303, 429]);
  });
});
