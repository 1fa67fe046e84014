// The figures follow every change to the stories within the promised 2 seconds,
// with nobody pressing anything (the app's figures worker, not the test, brings
// them up to date): posting, a timeline update, deleting, hiding, moving a story
// to another organisation, and time itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { createOrganisation, createUser, DAY } from "../helpers/fixtures.js";
import { companyFigure, insertStories, leaderboardRows, organisationWithAlias } from "./helpers.js";

let t: TestApp;
let fresh: number;
let fixtureIds: number[];
let postedId: number;
const poster = () => new Agent(t.app);
let agent: Agent;

async function figures(slug: string, query = "") {
  const res = await t.app.inject(`/companies/${slug}${query}`);
  expect(res.statusCode).toBe(200);
  const f = (key: string) => companyFigure(res.body, key);
  return { stories: f("stories"), responseRate: f("response_rate"), median: f("median_seconds"), resolutionRate: f("resolution_rate") };
}
async function leaderboardRow(slug: string, query = "") {
  return leaderboardRows((await t.app.inject(`/companies${query}`)).body).find((r) => r.slug === slug);
}

/** "Shows in the figures within 2 seconds": asked again until then. */
const WITHIN_2_S = { timeout: 2000, interval: 50 };

const day = (d: Date) => d.toISOString().slice(0, 10);
const storyForm = (escalatedAt: Date, company: string) => ({
  title: "Escalated to the CEO about a broken router", company, other_party: "", product: "Router", country: "US",
  channel: "email", escalated_to: "ceo", answered_by: "", escalated_date: day(escalatedAt), escalated_time: "09:00",
  first_response_date: "", first_response_time: "", resolved_date: "", resolved_time: "", outcome: "pending",
  body: "The support line would not replace it, so I wrote to the CEO.",
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const author_id = await createUser(db);
  fresh = await organisationWithAlias(db, "Fresh", "fresh");
  await organisationWithAlias(db, "Elsewhere", "elsewhere");
  // 1, 2, 3, 4 hours and no answer: 4 of 5; Kaplan–Meier S(3 h) = 2/5 → median 3 h; resolved 4 of 5 closed.
  fixtureIds = await insertStories(db, { author_id, company_id: fresh }, [3600, 7200, 10_800, 14_400, null].map((response) => ({ response })));
  agent = poster();
  await agent.signUp("fresh_poster");
});
afterAll(() => t.close());

describe("fresh figures", () => {
  it("starts from the fixture's figures", async () => {
    expect(await figures("fresh")).toEqual({ stories: 5, responseRate: 0.8, median: 10_800, resolutionRate: 0.8 });
    expect((await leaderboardRow("fresh"))!.rank).toBe(1);
  });

  it("counts a story posted through the form within 2 seconds", async () => {
    const escalatedAt = new Date(Date.now() - 40 * DAY);
    const res = await agent.post("/stories/new", storyForm(escalatedAt, "Fresh"), { formPage: "/stories/new" });
    expect(res.statusCode).toBe(303);
    postedId = Number(res.headers.location!.toString().split("/")[2]);
    // 40 days old and unanswered: in the denominator, not the numerator; pending is not closed; S(3 h) = 3/6.
    await expect.poll(() => figures("fresh"), WITHIN_2_S).toEqual({ stories: 6, responseRate: 4 / 6, median: 10_800, resolutionRate: 0.8 });
  });

  it("follows a timeline update (a first response and an outcome)", async () => {
    const escalatedAt = new Date(Date.now() - 40 * DAY);
    const res = await agent.post(`/stories/${postedId}/timeline`, {
      answered_by: "executive_relations", first_response_date: day(escalatedAt), first_response_time: "09:30",
      resolved_date: "", resolved_time: "", outcome: "resolved",
    }, { formPage: `/stories/${postedId}/timeline` });
    expect(res.statusCode).toBe(303);
    // Answers: 30 min, 1, 2, 3, 4 hours and one silence → S(2 h) = 3/6, median 2 h; 5 of 6; resolved 5 of 6.
    await expect.poll(() => figures("fresh"), WITHIN_2_S).toEqual({ stories: 6, responseRate: 5 / 6, median: 7200, resolutionRate: 5 / 6 });
  });

  it("drops a deleted story", async () => {
    await t.database.db.updateTable("stories").set({ deleted_at: new Date() }).where("id", "=", fixtureIds[3]!).execute();
    // Gone: the 4-hour answer. Left: 30 min, 1, 2, 3 h and one unanswered → S(2 h) = 2/5.
    await expect.poll(() => figures("fresh"), WITHIN_2_S).toEqual({ stories: 5, responseRate: 0.8, median: 7200, resolutionRate: 0.8 });
  });

  it("drops a hidden story, and an organisation left with 4 stories is no longer ranked", async () => {
    await t.database.db.updateTable("stories").set({ hidden_at: new Date(), hidden_reason: "abuse" }).where("id", "=", fixtureIds[2]!).execute();
    await expect.poll(() => figures("fresh"), WITHIN_2_S).toEqual({ stories: 4, responseRate: 0.75, median: 3600, resolutionRate: 0.75 });
    await expect.poll(() => leaderboardRow("fresh"), WITHIN_2_S).toMatchObject({ table: "unranked", rank: null, stories: 4 });
  });

  it("moves a story's figures with it to another organisation (edit form)", async () => {
    const escalatedAt = new Date(Date.now() - 40 * DAY);
    const res = await agent.post(`/stories/${postedId}/edit`, {
      ...storyForm(escalatedAt, "Elsewhere"), answered_by: "executive_relations",
      first_response_date: day(escalatedAt), first_response_time: "09:30", outcome: "resolved",
    }, { formPage: `/stories/${postedId}/edit` });
    expect(res.statusCode).toBe(303);
    // Left: 1 h, 2 h and one silence → S(2 h) = 1/3.
    await expect.poll(() => figures("fresh"), WITHIN_2_S).toEqual({ stories: 3, responseRate: 2 / 3, median: 7200, resolutionRate: 2 / 3 });
    await expect.poll(() => figures("elsewhere"), WITHIN_2_S).toEqual({ stories: 1, responseRate: 1, median: 1800, resolutionRate: 1 });
    await expect.poll(() => leaderboardRow("elsewhere", "?country=US&channel=email"), WITHIN_2_S).toMatchObject({ stories: 1, medianSeconds: 1800 });
  });

  it("moves a story by a direct change of company_id too", async () => {
    const elsewhere = (await t.database.db.selectFrom("organisations").select("id").where("slug", "=", "elsewhere").executeTakeFirstOrThrow()).id;
    await t.database.db.updateTable("stories").set({ company_id: elsewhere }).where("id", "=", fixtureIds[0]!).execute();
    await expect.poll(() => figures("fresh"), WITHIN_2_S).toEqual({ stories: 2, responseRate: 0.5, median: 7200, resolutionRate: 0.5 });
    // 30 min and 1 h: S(30 min) = 1/2.
    await expect.poll(() => figures("elsewhere"), WITHIN_2_S).toEqual({ stories: 2, responseRate: 1, median: 1800, resolutionRate: 1 });
  });

  it("follows time: a story leaves the 12 months, an unanswered one turns 30 days old", async () => {
    const db = t.database.db;
    const author_id = await createUser(db);
    const ageing = await createOrganisation(db, "Ageing", { slug: "ageing" });
    const now = Date.now();
    await insertStories(db, { author_id, company_id: ageing }, [
      { escalatedAt: new Date(now - 365 * DAY + 2500), response: 60 },
      { escalatedAt: new Date(now - 30 * DAY + 2500), response: null, outcome: "pending" },
    ]);
    // Now: 2 stories; the young unanswered one counts neither way → 1 of 1.
    await expect.poll(() => figures("ageing"), WITHIN_2_S).toMatchObject({ stories: 2, responseRate: 1 });
    await new Promise((resolve) => setTimeout(resolve, 3500));
    // Later: the answered one is older than 365 days; the other is 30 days old, unanswered → 0 of 1.
    await expect.poll(() => figures("ageing"), WITHIN_2_S).toMatchObject({ stories: 1, responseRate: 0, median: null });
    await expect.poll(() => figures("ageing", "?window=all"), WITHIN_2_S).toMatchObject({ stories: 2, responseRate: 0.5, median: 60 });
  });
});

describe("addresses", () => {
  it("sends a merged organisation's address to where it now lives", async () => {
    const db = t.database.db;
    const middle = await createOrganisation(db, "Fresh Ltd", { slug: "fresh-ltd", merged_into_id: fresh });
    await createOrganisation(db, "Fresh Old", { slug: "fresh-old", merged_into_id: middle });
    const res = await t.app.inject("/companies/fresh-old?window=all");
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe("/companies/fresh?window=all");
    expect((await t.app.inject("/companies/fresh-ltd")).headers.location).toBe("/companies/fresh");
  });

  it("answers an unknown organisation with 404", async () => {
    const res = await t.app.inject("/companies/no-such-company");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("Page not found");
  });

  it("never fails on hostile query strings", async () => {
    const urls = [
      "/companies?sort=x&window=<script>&page=-1&country=%00",
      "/companies?country[]=DE&channel[]=<b>&sort[]=median&page=99999999999",
      "/companies?country=%00%00&channel=%00",
      "/companies.csv?sort=<script>&window=all&country=%00",
      "/companies.json?channel=%00&page=-1",
      "/companies/%00",
      "/companies/fresh%00x",
      `/companies/${"x".repeat(5000)}`,
      "/companies/fresh?after=-1&window=<script>",
      "/companies/fresh?after=99999999999",
      "/companies/fresh?after=2147483647",
      "/companies/%E0%A4%A",
      "/parties?window[]=all&page=abc",
      "/parties?page=%00",
    ];
    for (const url of urls) {
      const res = await t.app.inject(url);
      // 414: Fastify's own answer to a path parameter over 100 characters.
      expect([200, 400, 404, 414], url.slice(0, 80)).toContain(res.statusCode);
      expect(res.body, url.slice(0, 80)).not.toContain("<script>");
    }
  });
});
