// The stored figures follow the rules named in companies/rules.ts: on generated
// stories, every organisation's row equals a plain computation from the rules.
// The SQL reads the rules from the row written from rules.ts, so a rule changed
// there is what the stored figures follow. Also, always run: the resolution-rate
// sort uses the Wilson bound, not the plain rate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushFigures } from "../../server/companies/worker.js";
import { FIGURE_RULES, MIN_RANKED_STORIES, OPEN_OUTCOMES, RESOLVED_OUTCOMES, RESPONSE_WINDOW_SECONDS, TWELVE_MONTHS_HOURS } from "../../server/companies/rules.js";
import { writeFigureRules } from "../../server/companies/rules-table.js";
import { withFigures } from "../../server/companies/tables.js";
import { OUTCOMES, type Outcome } from "../../server/lib/enums.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createStory, createUser, DAY, HOUR } from "../helpers/fixtures.js";
import { referenceKm } from "./helpers.js";

interface Generated { companyId: number; escalatedAt: Date; responseSeconds: number | null; outcome: Outcome }
interface JsonRow { slug: string; stories: number; answered_within_30_days: number; response_eligible: number; answered: number; resolved: number; closed: number; median_response_seconds: number | null; rank: number | null }

/** A small deterministic generator (LCG), so a failure repeats. */
function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}


describe("the figures' rules", () => {
  let t: TestApp;
  const generated: Generated[] = [];
  const slugs = new Map<number, string>();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const author_id = await createUser(db);
    const next = random(20261201);
    const outcomes = Object.keys(OUTCOMES) as Outcome[];
    for (let c = 0; c < 6; c++) {
      const slug = `rules-co-${c}`;
      const companyId = await createOrganisation(db, `Rules Co ${c}`, { slug });
      slugs.set(companyId, slug);
      const count = 2 + Math.floor(next() * 9);
      for (let i = 0; i < count; i++) {
        // Around the edges: 12 months ± 2 days ago, 30 days ± 1 s of response, young and old stories.
        const ageHours = [TWELVE_MONTHS_HOURS - 48, TWELVE_MONTHS_HOURS + 48, 24 * 10, 24 * 45, 24 * 200][Math.floor(next() * 5)]!;
        const escalatedAt = new Date(Date.now() - ageHours * HOUR);
        const responseSeconds = [null, RESPONSE_WINDOW_SECONDS, RESPONSE_WINDOW_SECONDS + 1, 3600, 5 * 86_400][Math.floor(next() * 5)]!;
        const answeredAt = responseSeconds === null ? null : escalatedAt.getTime() + responseSeconds * 1000;
        const possible = answeredAt !== null && answeredAt > Date.now() ? null : responseSeconds;
        let outcome = outcomes[Math.floor(next() * outcomes.length)]!;
        if (outcome === "no_response" && possible !== null) outcome = "pending";
        await createStory(db, { author_id, company_id: companyId, escalated_at: escalatedAt, responseSeconds: possible, outcome });
        generated.push({ companyId, escalatedAt, responseSeconds: possible, outcome });
      }
    }
    await flushFigures(db);
  });
  afterAll(() => t.close());

  for (const window of ["all", "12m"] as const) {
    it(`stores, for the ${window} window, what the named rules compute`, async () => {
      const json = (await t.app.inject(`/companies.json?window=${window}`)).json() as { organisations: JsonRow[]; minimum_stories_to_rank: number };
      expect(json.minimum_stories_to_rank).toBe(MIN_RANKED_STORIES);
      const now = Date.now();
      for (const [companyId, slug] of slugs) {
        const stories = generated.filter((s) => s.companyId === companyId && (window === "all" || s.escalatedAt.getTime() > now - TWELVE_MONTHS_HOURS * HOUR));
        const row = json.organisations.find((o) => o.slug === slug);
        if (!stories.length) {
          expect(row, slug).toBeUndefined();
          continue;
        }
        const answered = stories.filter((s) => s.responseSeconds !== null).map((s) => s.responseSeconds!);
        expect(row, slug).toMatchObject({
          stories: stories.length,
          answered_within_30_days: answered.filter((seconds) => seconds <= RESPONSE_WINDOW_SECONDS).length,
          response_eligible: stories.filter((s) => s.responseSeconds !== null || s.escalatedAt.getTime() <= now - RESPONSE_WINDOW_SECONDS * 1000).length,
          answered: answered.length,
          resolved: stories.filter((s) => RESOLVED_OUTCOMES.includes(s.outcome)).length,
          closed: stories.filter((s) => !OPEN_OUTCOMES.includes(s.outcome)).length,
          // Kaplan–Meier: a silence counts as waiting its age.
          median_response_seconds: referenceKm(stories.map((s) => (s.responseSeconds === null
            ? { seconds: Math.floor((now - s.escalatedAt.getTime()) / 1000), answered: false }
            : { seconds: s.responseSeconds, answered: true })))[0],
        });
        expect(row!.rank !== null, slug).toBe(stories.length >= MIN_RANKED_STORIES);
      }
    });
  }
});

describe("the resolution-rate sort", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const author_id = await createUser(db);
    // 5 of 5 resolved has the higher plain rate; 95 of 100 the higher Wilson lower bound.
    const small = await createOrganisation(db, "Five of five", { slug: "five-of-five" });
    const big = await createOrganisation(db, "Ninety-five of a hundred", { slug: "ninety-five" });
    for (let i = 0; i < 5; i++) await createStory(db, { author_id, company_id: small, responseSeconds: 3600, outcome: "resolved", escalated_at: new Date(Date.now() - 60 * DAY) });
    for (let i = 0; i < 100; i++) await createStory(db, { author_id, company_id: big, responseSeconds: 3600, outcome: i < 95 ? "resolved" : "refused", escalated_at: new Date(Date.now() - 60 * DAY) });
    await flushFigures(db);
  });
  afterAll(() => t.close());

  it("orders by the Wilson lower bound, so 95 of 100 comes before 5 of 5", async () => {
    const json = (await t.app.inject("/companies.json?sort=resolution")).json() as { organisations: JsonRow[] };
    expect(json.organisations.map((o) => o.slug)).toEqual(["ninety-five", "five-of-five"]);
  });
});

describe("the rules' one source", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const author_id = await createUser(db);
    const company_id = await createOrganisation(db, "Rule Change Co", { slug: "rule-change" });
    // Answered after 2 days and partly resolved; unanswered for 10 days; answered at once, 20 days ago, still pending.
    await createStory(db, { author_id, company_id, escalated_at: new Date(Date.now() - 3 * DAY), responseSeconds: 2 * 86_400, outcome: "partly_resolved" });
    await createStory(db, { author_id, company_id, escalated_at: new Date(Date.now() - 10 * DAY), responseSeconds: null, outcome: "no_response" });
    await createStory(db, { author_id, company_id, escalated_at: new Date(Date.now() - 20 * DAY), responseSeconds: 60, outcome: "pending" });
    await flushFigures(db);
  });
  afterAll(() => t.close());

  const row = async (window: "all" | "12m") =>
    ((await t.app.inject(`/companies.json?window=${window}`)).json() as { organisations: JsonRow[] }).organisations.find((o) => o.slug === "rule-change");

  it("keeps the row the SQL reads equal to rules.ts after migrating", async () => {
    const stored = await withFigures(t.database.db).selectFrom("figure_rules").selectAll().execute();
    expect(stored).toEqual([{ id: true, ...FIGURE_RULES }]);
    expect(await writeFigureRules(t.database.db)).toBe(false);
  });

  it("recomputes the stored figures from a changed rule, with no literal left in the SQL", async () => {
    expect(await row("all")).toMatchObject({ stories: 3, answered_within_30_days: 2, response_eligible: 2, resolved: 0, closed: 2, rank: null });
    const changed = {
      response_window_seconds: 86_400,
      twelve_months_hours: 5 * 24,
      min_ranked_stories: 3,
      resolved_outcomes: [...RESOLVED_OUTCOMES, "partly_resolved"],
      open_outcomes: [],
    } satisfies typeof FIGURE_RULES;
    try {
      expect(await writeFigureRules(t.database.db, changed)).toBe(true);
      // A day's window: only the answer after a minute is within it, and the 10-day silence now counts against.
      expect(await row("all")).toMatchObject({ stories: 3, answered_within_30_days: 1, response_eligible: 3, resolved: 1, closed: 3, rank: 1 });
      // Five days' "last 12 months": only the story escalated 3 days ago; one story is not enough to rank.
      expect(await row("12m")).toMatchObject({ stories: 1, rank: null });
    } finally {
      await writeFigureRules(t.database.db);
    }
    expect(await row("all")).toMatchObject({ stories: 3, answered_within_30_days: 2, response_eligible: 2, resolved: 0, closed: 2, rank: null });
  });
});
