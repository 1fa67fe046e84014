// The stored figures follow the rules named in companies/rules.ts: on generated
// stories, every organisation's row, and its how-to-escalate table, equal a
// plain computation from the rules. The SQL reads the rules from the row written
// from rules.ts, so a rule changed there is what the stored figures follow.
// Also, always run: the resolution-rate sort uses the Wilson bound, not the plain rate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushFigures } from "../../server/companies/worker.js";
import { FIGURE_RULES, MIN_RANKED_STORIES, MIN_ROUTE_STEPS, OPEN_OUTCOMES, RESOLVED_OUTCOMES, RESPONSE_WINDOW_SECONDS, TWELVE_MONTHS_HOURS } from "../../server/companies/rules.js";
import { writeFigureRules } from "../../server/companies/rules-table.js";
import { withFigures } from "../../server/companies/tables.js";
import { CHANNELS, OUTCOMES, ROLES, type Channel, type Outcome, type Role } from "../../server/lib/enums.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createStory, createUser, DAY, HOUR, insertStoryRows, storyRow } from "../helpers/fixtures.js";
import { findAll, one, parseHtml, textOf } from "../helpers/html.js";
import { referenceKm, seededRandom } from "./helpers.js";

interface Generated { companyId: number; escalatedAt: Date; responseSeconds: number | null; outcome: Outcome }
interface JsonRow { slug: string; stories: number; answered_within_30_days: number; response_eligible: number; answered: number; resolved: number; closed: number; median_response_seconds: number | null; rank: number | null }



describe("the figures' rules", () => {
  let t: TestApp;
  const generated: Generated[] = [];
  const slugs = new Map<number, string>();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const author_id = await createUser(db);
    const next = seededRandom(20261201);
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
      min_route_steps: MIN_ROUTE_STEPS,
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

describe("how to escalate follows the rules' one row", () => {
  interface Step { route: string; escalatedAt: Date; outcome: Outcome }
  interface Shown { route: string; steps: number; resolved: number; closed: number; supported: boolean }
  let t: TestApp;
  const steps: Step[] = [];
  // A day's window, a 100-day "12 months", three steps to say, partly resolved counting as resolved, nothing open.
  const changed = {
    ...FIGURE_RULES,
    response_window_seconds: 86_400,
    twelve_months_hours: 100 * 24,
    min_route_steps: 3,
    resolved_outcomes: [...RESOLVED_OUTCOMES, "partly_resolved"],
    open_outcomes: [],
  } satisfies typeof FIGURE_RULES;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const author_id = await createUser(db);
    const company_id = await createOrganisation(db, "Route Rules Co", { slug: "route-rules" });
    const next = seededRandom(20261202);
    const channels = Object.keys(CHANNELS).slice(0, 3) as Channel[];
    const roles = Object.keys(ROLES).slice(0, 2) as Role[];
    const outcomes = Object.keys(OUTCOMES) as Outcome[];
    const rows = [];
    // Each route gets 1 to 8 one-step stories: around both rules' "enough steps", and around both windows' edges.
    for (const channel of channels) {
      for (const role of roles) {
        const count = 1 + Math.floor(next() * 8);
        for (let i = 0; i < count; i++) {
          const ageHours = [24 * 30, 24 * 99, 24 * 101, TWELVE_MONTHS_HOURS - 48, TWELVE_MONTHS_HOURS + 48][Math.floor(next() * 5)]!;
          const escalatedAt = new Date(Date.now() - ageHours * HOUR);
          const outcome = outcomes[Math.floor(next() * outcomes.length)]!;
          rows.push(storyRow({ author_id, company_id, channel, escalated_to: role, escalated_at: escalatedAt, responseSeconds: outcome === "no_response" ? null : 3600, outcome }));
          steps.push({ route: `${channel}:${role}`, escalatedAt, outcome });
        }
      }
    }
    await insertStoryRows(db, rows);
    await flushFigures(db);
  });
  afterAll(() => t.close());

  // The organisation's page, and the table across organisations (here the same steps).
  const PAGES = ["/companies/route-rules", "/companies/how"];

  /** The table as a page shows it, by its rows' data attributes and counts. */
  async function shown(path: string, window: "all" | "12m"): Promise<Shown[]> {
    const page = parseHtml((await t.app.inject(`${path}?window=${window}`)).body);
    return findAll(page, "table#how-to-escalate tbody tr").map((tr) => {
      const cells = tr.querySelectorAll("td");
      const [resolved, closed] = textOf(one(cells[5]!, ".muted")).replace(/[()]/g, "").split("/").map(Number);
      return { route: tr.getAttribute("data-route")!, steps: Number(cells[1]!.getAttribute("data-value")), resolved: resolved!, closed: closed!, supported: tr.getAttribute("data-supported") === "true" };
    }).sort((a, b) => a.route.localeCompare(b.route));
  }

  /** The same table computed plainly from the rules. */
  function expected(rules: typeof FIGURE_RULES, window: "all" | "12m"): Shown[] {
    const since = Date.now() - rules.twelve_months_hours * HOUR;
    const routes = [...new Set(steps.map((s) => s.route))].sort();
    return routes.flatMap((route) => {
      const taken = steps.filter((s) => s.route === route && (window === "all" || s.escalatedAt.getTime() > since));
      if (!taken.length) return [];
      return [{
        route, steps: taken.length,
        resolved: taken.filter((s) => rules.resolved_outcomes.includes(s.outcome)).length,
        closed: taken.filter((s) => !rules.open_outcomes.includes(s.outcome)).length,
        supported: taken.length >= rules.min_route_steps,
      }];
    });
  }

  const showsWhatTheyCompute = async (rules: typeof FIGURE_RULES) => {
    for (const path of PAGES) for (const window of ["all", "12m"] as const) expect(await shown(path, window), `${path} ${window}`).toEqual(expected(rules, window));
  };

  it("shows, under the rules of rules.ts, what they compute", async () => {
    await showsWhatTheyCompute(FIGURE_RULES);
  });

  it("follows a changed rule, with no literal left in its SQL", async () => {
    try {
      expect(await writeFigureRules(t.database.db, changed)).toBe(true);
      // Before the worker's round the kept rows are compared with the rule of steps as it is now.
      for (const path of PAGES) expect((await shown(path, "all")).map((r) => r.supported), path).toEqual(expected(changed, "all").map((r) => r.supported));
      await flushFigures(t.database.db);
      await showsWhatTheyCompute(changed);
    } finally {
      await writeFigureRules(t.database.db);
      await flushFigures(t.database.db);
    }
    await showsWhatTheyCompute(FIGURE_RULES);
  });
});
