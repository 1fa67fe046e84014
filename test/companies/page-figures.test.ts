// The company page's histogram, trend, response curve, "stepped in" and
// how-to-escalate table, and /companies/how, are read from what the figures
// worker keeps (migrations/0013, server/companies/page-figures.ts). They follow
// a post through the form, an edit, a hide and a merge within 2 seconds with
// nobody pressing anything, and the kept rows equal the same figures computed
// from the stories and steps at that moment.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeOrganisation } from "../../server/moderation/organisations.js";
import { findOrganisationBySlug } from "../../server/organisations/queries.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { createUser, DAY } from "../helpers/fixtures.js";
import { tableCells } from "../helpers/html.js";
import { expectKeptPagesEqualComputed, insertStories, organisationWithAlias } from "./helpers.js";

let t: TestApp;
let agent: Agent;
let postedId: number;
let ids: Record<"kept" | "other" | "shop" | "duplicate", number>;

const WITHIN_2_S = { timeout: 2000, interval: 50 };
const day = (d: Date) => d.toISOString().slice(0, 10);

/** One route's row of a how-to-escalate table as the page shows it: [steps, answered] or null. */
async function route(path: string, channel: string, writtenTo: string) {
  const row = tableCells((await t.app.inject(path)).body, "how-to-escalate").find((r) => r[0] === channel && r[1] === writtenTo);
  return row ? { steps: Number(row[2]), answered: row[3] } : null;
}
/** The histogram's "no response" and "< 1 h" counts on the company page. */
async function histogram(slug: string) {
  const rows = tableCells((await t.app.inject(`/companies/${slug}`)).body, "histogram-table");
  return Object.fromEntries(rows.map((r) => [r[0], Number(r[1])]));
}
async function steppedInNames(slug: string) {
  return tableCells((await t.app.inject(`/companies/${slug}`)).body, "stepped-in").map((r) => r[0]);
}

// A letter to the executive office, answered after 30 minutes, once the shop ignored a visit.
const storyForm = (company: string, otherParty: string) => {
  const escalatedAt = new Date(Date.now() - 20 * DAY);
  return {
    title: "The shop ignored me; a letter to the executive office did it", company, other_party: otherParty, product: "Router",
    country: "US", outcome: "resolved", body: "The shop would not help, so I wrote to the executive office.",
    escalated_date: "", escalated_time: "", first_response_date: "", first_response_time: "", resolved_date: "", resolved_time: "",
    channel: "", escalated_to: "", answered_by: "",
    step_count: "2",
    step_0_party: "other_party", step_0_channel: "in_store", step_0_written_to: "frontline", step_0_date: day(new Date(escalatedAt.getTime() - 2 * DAY)),
    step_0_time: "", step_0_answered_date: "", step_0_answered_time: "", step_0_answered_by: "", step_0_result: "ignored",
    step_1_party: "company", step_1_channel: "letter", step_1_written_to: "executive_relations", step_1_date: day(escalatedAt), step_1_time: "09:00",
    step_1_answered_date: day(escalatedAt), step_1_answered_time: "09:30", step_1_answered_by: "executive_relations", step_1_result: "resolved",
  };
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const author_id = await createUser(db);
  ids = {
    kept: await organisationWithAlias(db, "Keptcorp", "keptcorp"),
    other: await organisationWithAlias(db, "Othercorp", "othercorp"),
    shop: await organisationWithAlias(db, "Corner Shop", "corner-shop"),
    duplicate: await organisationWithAlias(db, "Keptcorp Ltd", "keptcorp-ltd"),
  };
  await insertStories(db, { author_id, company_id: ids.kept }, [600, 7200, 90_000, null, null].map((response, i) => ({ response, daysAgo: 30 + i * 40 })));
  await insertStories(db, { author_id, company_id: ids.duplicate }, [{ response: 1200, channel: "phone", escalated_to: "supervisor" }]);
  agent = new Agent(t.app);
  await agent.signUp("kept_poster");
});
afterAll(() => t.close());

describe("company pages kept by the figures worker", () => {
  it("shows a story posted through the form in the histogram, stepped in, and both how-to tables within 2 s", async () => {
    expect(await route("/companies/keptcorp", "Letter", "Executive customer relations")).toBeNull();
    const before = await histogram("keptcorp");
    const res = await agent.post("/stories/new", storyForm("Keptcorp", "Corner Shop"), { formPage: "/stories/new" });
    expect(res.statusCode).toBe(303);
    postedId = Number(res.headers.location!.toString().split("/")[2]);
    await expect.poll(() => route("/companies/keptcorp", "Letter", "Executive customer relations"), WITHIN_2_S).toEqual({ steps: 1, answered: "100% (1/1)" });
    await expect.poll(() => route("/companies/how", "Letter", "Executive customer relations"), WITHIN_2_S).toEqual({ steps: 1, answered: "100% (1/1)" });
    // The shop's ignored visit is on the shop's own page, and across organisations.
    await expect.poll(() => route("/companies/corner-shop", "In store", "Frontline support"), WITHIN_2_S).toEqual({ steps: 1, answered: "0% (0/1)" });
    await expect.poll(() => route("/companies/how", "In store", "Frontline support"), WITHIN_2_S).toEqual({ steps: 1, answered: "0% (0/1)" });
    await expect.poll(async () => (await histogram("keptcorp"))["< 1 hour"], WITHIN_2_S).toBe(before["< 1 hour"]! + 1);
    await expect.poll(() => steppedInNames("keptcorp"), WITHIN_2_S).toEqual(["Corner Shop"]);
  });

  it("moves the story's rows with an edit to another organisation", async () => {
    const res = await agent.post(`/stories/${postedId}/edit`, storyForm("Othercorp", "Corner Shop"), { formPage: `/stories/${postedId}/edit` });
    expect(res.statusCode).toBe(303);
    await expect.poll(() => route("/companies/keptcorp", "Letter", "Executive customer relations"), WITHIN_2_S).toBeNull();
    await expect.poll(() => route("/companies/othercorp", "Letter", "Executive customer relations"), WITHIN_2_S).toEqual({ steps: 1, answered: "100% (1/1)" });
    await expect.poll(() => steppedInNames("othercorp"), WITHIN_2_S).toEqual(["Corner Shop"]);
    expect(await steppedInNames("keptcorp")).toEqual([]);
    // Across organisations the step is still there, once.
    expect(await route("/companies/how", "Letter", "Executive customer relations")).toEqual({ steps: 1, answered: "100% (1/1)" });
  });

  it("takes a hidden story out of every table", async () => {
    await t.database.db.updateTable("stories").set({ hidden_at: new Date(), hidden_reason: "abuse" }).where("id", "=", postedId).execute();
    await expect.poll(() => route("/companies/othercorp", "Letter", "Executive customer relations"), WITHIN_2_S).toBeNull();
    await expect.poll(() => route("/companies/how", "Letter", "Executive customer relations"), WITHIN_2_S).toBeNull();
    await expect.poll(() => route("/companies/corner-shop", "In store", "Frontline support"), WITHIN_2_S).toBeNull();
    await expect.poll(() => steppedInNames("othercorp"), WITHIN_2_S).toEqual([]);
  });

  it("brings a merged organisation's stories into the page it was merged into", async () => {
    const db = t.database.db;
    expect(await route("/companies/keptcorp", "Phone", "Support supervisor")).toBeNull();
    const moderator = await createUser(db, "kept_moderator");
    const result = await mergeOrganisation(db, (await findOrganisationBySlug(db, "keptcorp-ltd"))!, (await findOrganisationBySlug(db, "keptcorp"))!, moderator, "the same company");
    expect(result.ok).toBe(true);
    await expect.poll(() => route("/companies/keptcorp", "Phone", "Support supervisor"), WITHIN_2_S).toEqual({ steps: 1, answered: "100% (1/1)" });
  });

  it("keeps rows equal to the figures computed from the stories and steps", async () => {
    const db = t.database.db;
    // Changes the triggers must all catch: a new answer, an outcome, a deletion, a step rewritten by hand.
    await db.updateTable("stories").set({ first_response_at: sql`escalated_at + interval '3 hours'`, outcome: "resolved" }).where("company_id", "=", ids.kept).where("first_response_at", "is", null).where("escalated_at", ">", new Date(Date.now() - 100 * DAY)).execute();
    await sql`update story_steps p set answered_at = s.first_response_at, result = 'answered' from stories s where s.id = p.story_id and s.company_id = ${ids.kept} and p.answered_at is null and s.first_response_at is not null`.execute(db);
    await db.updateTable("stories").set({ hidden_at: null, hidden_reason: null }).where("id", "=", postedId).execute();
    await db.deleteFrom("stories").where("company_id", "=", ids.kept).where("escalated_at", "<", new Date(Date.now() - 150 * DAY)).execute();
    await expectKeptPagesEqualComputed(db, Object.values(ids));
    // And the rows are the worker's, not a live computation: every page has been computed (each route at it has a state of its own).
    const { rows } = await sql<{ n: number }>`select count(*)::integer as n from company_pages_state where organisation_id = any(${Object.values(ids)}) and channel = ''`.execute(db);
    expect(rows[0]!.n).toBe(4);
  });
});
