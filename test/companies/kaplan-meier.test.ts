// Median and p90 time to first response by the Kaplan–Meier estimator
// (DESIGN.md, "The figures"), against survival curves worked out by hand.
// Observations go to company_figures_km() as the views build them: seconds × 2,
// plus 1 for a censored (unanswered) story, sorted; ties put answers first.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser } from "../helpers/fixtures.js";
import { attr, tableCells } from "../helpers/html.js";
import { companyFigure, insertStories, leaderboardRows, referenceKm } from "./helpers.js";

const H = 3600;
const D = 86_400;
let t: TestApp;

const answered = (seconds: number) => seconds * 2;
const waiting = (seconds: number) => seconds * 2 + 1;

async function km(observations: number[]) {
  const sorted = [...observations].sort((a, b) => a - b);
  const { rows } = await sql<{ km: (number | null)[] }>`select company_figures_km(${sql.val(sorted)}::bigint[]) as km`.execute(t.database.db);
  const [median, p90, nextChange] = rows[0]!.km;
  return { median, p90, nextChange };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the Kaplan–Meier estimator", () => {
  it("takes the median of an odd number of answers as the middle one", async () => {
    // S: 2/3 after 1000 s, 1/3 after 2000 s, 0 after 3000 s.
    expect(await km([answered(1000), answered(2000), answered(3000)])).toMatchObject({ median: 2000, p90: 3000 });
  });

  it("takes the median of an even number as the first time the curve reaches one half, not a mean", async () => {
    // S: 3/4, 1/2 (≤ 0.5: the median), 1/4, 0.
    expect(await km([answered(600), answered(1800), answered(5400), answered(7200)])).toMatchObject({ median: 1800, p90: 7200 });
  });

  it("counts an answer before a censoring at the same time", async () => {
    // At 200 s both are at risk: S(200) = 1 − 1/3 = 2/3, then S(300) = 0. Had the
    // censoring gone first, S(200) would be 1/2 and the median 200 s.
    expect(await km([answered(200), waiting(200), answered(300)])).toMatchObject({ median: 300, p90: 300 });
  });

  it("says nothing when every story is still waiting", async () => {
    expect(await km([waiting(100), waiting(5000), waiting(90 * D)])).toMatchObject({ median: null, p90: null });
    expect(await km([])).toMatchObject({ median: null, p90: null, nextChange: null });
  });

  it("lets a story censored before the median leave the risk set", async () => {
    // S(60) = 4/5; the censoring at 90 s leaves 3 at risk: S(120) = 4/5 × 2/3 = 8/15;
    // S(180) = 8/15 × 1/2 = 4/15 ≤ 0.5; S(240) = 0. The answered stories alone would say 150 s.
    const found = await km([answered(60), waiting(90), answered(120), answered(180), answered(240)]);
    expect(found).toMatchObject({ median: 180, p90: 240 });
    // The story waiting 90 s joins the risk set of the answer at 120 s in 30 s, which raises S at the
    // median by at most 1/8 in ln (migrations/0024): under half the margin ln(0.5 / (4/15)), so not
    // due then; also passing 180 s (in 90 s) is not, so the moment is the 60 s step before it. (The p90
    // moves first at 150 s, when the story reaches 240 s and S(240) is no longer 0.)
    expect(found.nextChange).toBe(60);
  });

  it("does not call one answer in 5 minutes and four silences a 5-minute median", async () => {
    // S(300) = 4/5 and nothing after: not reached.
    expect(await km([answered(300), waiting(60 * D), waiting(61 * D), waiting(62 * D), waiting(63 * D)])).toMatchObject({ median: null, p90: null, nextChange: null });
  });

  it("reaches p90 only when the curve falls to one tenth", async () => {
    // 10 answers at 1..10 s: S(5) = 1/2, S(9) = 1/10.
    expect(await km(Array.from({ length: 10 }, (_, i) => answered(i + 1)))).toMatchObject({ median: 5, p90: 9 });
  });
});

describe("the stored company figures", () => {
  beforeAll(async () => {
    const db = t.database.db;
    const author_id = await createUser(db);
    // Silent: one answer in 5 minutes, four stories waiting for 60 days.
    await insertStories(db, { author_id, company_id: await createOrganisation(db, "Silent") }, [
      { response: 300 }, { response: null }, { response: null }, { response: null }, { response: null },
    ]);
    // Patient: the 30-day edge. 1 h, an answer after 40 days (an event, though not
    // "within 30 days"), a story waiting 10 days (censored there, though too young
    // for the response rate), 2 h, 3 h. S(1h) = 4/5, S(2h) = 3/5, S(3h) = 2/5 → median 3 h;
    // the censoring at 10 days leaves 1 at risk at 40 days: S = 0 → p90 40 days.
    await insertStories(db, { author_id, company_id: await createOrganisation(db, "Patient") }, [
      { response: H }, { response: 40 * D }, { response: null, daysAgo: 10, outcome: "pending" }, { response: 2 * H }, { response: 3 * H },
    ]);
    // Yearly: the 12-month edge. Escalated 366 days ago (all time only) and 364 days ago.
    await insertStories(db, { author_id, company_id: await createOrganisation(db, "Yearly") }, [
      { response: 100, daysAgo: 366 }, { response: 150, daysAgo: 366 }, { response: 200, daysAgo: 364 }, { response: 400, daysAgo: 364 },
    ]);
  });

  it("shows 'not reached' for a median fewer than half the stories got, and sorts it after every median", async () => {
    const html = (await t.app.inject("/companies/silent")).body;
    expect(companyFigure(html, "median_seconds")).toBeNull();
    expect(html).toContain("not reached (fewer than half answered)");
    const rows = leaderboardRows((await t.app.inject("/companies?sort=median")).body);
    const ranked = rows.filter((r) => r.table === "ranked").map((r) => [r.slug, r.medianSeconds]);
    expect(ranked).toEqual([["patient", 3 * H], ["silent", null]]);
  });

  it("counts a young unanswered story as waiting, and a late answer as an answer", async () => {
    const html = (await t.app.inject("/companies/patient")).body;
    expect(companyFigure(html, "median_seconds")).toBe(3 * H);
    expect(companyFigure(html, "p90_seconds")).toBe(40 * D);
  });

  it("draws the response curve: the share still waiting, as SVG and as a table", async () => {
    const html = (await t.app.inject("/companies/patient")).body;
    // S after 1 h = 4/5, after 3 h = 2/5, flat while the 10-day silence leaves, 0 after the 40-day answer.
    expect(tableCells(html, "response-curve-table").map((r) => [r[0], r[1]])).toEqual([
      ["1 h", "80%"], ["4 h", "40%"], ["12 h", "40%"], ["1 day", "40%"], ["2 days", "40%"], ["3 days", "40%"],
      ["7 days", "40%"], ["14 days", "40%"], ["30 days", "40%"], ["90 days", "0%"],
    ]);
    expect(attr(html, "svg.chart.chart-wide#response-curve", "role")).toBe("img");
  });

  it("takes the 12 months by escalation date", async () => {
    // 12 months: S(200) = 1/2 → 200, S(400) = 0 → p90 400. All time: S(100) = 3/4, S(150) = 1/2 → 150.
    const year = (await t.app.inject("/companies/yearly")).body;
    expect([companyFigure(year, "median_seconds"), companyFigure(year, "p90_seconds")]).toEqual([200, 400]);
    expect(companyFigure((await t.app.inject("/companies/yearly?window=all")).body, "median_seconds")).toBe(150);
  });
});

describe("the stored figures against an independent computation", () => {
  it("match a plain product-limit estimate over generated stories", async () => {
    const db = t.database.db;
    const author_id = await createUser(db);
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    for (const name of ["Random One", "Random Two", "Random Three"]) {
      const company_id = await createOrganisation(db, name);
      // Answers within 50 days; silences at least 100 days old, so no age crosses an answer time while the test runs.
      const specs = Array.from({ length: 60 + Math.floor(random() * 60) }, () =>
        random() < 0.6 ? { response: Math.floor(random() * 50 * D), daysAgo: 60 + random() * 200 } : { response: null, daysAgo: 100 + random() * 200 });
      const ids = await insertStories(db, { author_id, company_id }, specs);
      const rows = await db.selectFrom("stories").select(["id", "response_seconds", "escalated_at"]).where("id", "in", ids).execute();
      const now = Date.now();
      const expected = referenceKm(rows.map((r) => (r.response_seconds === null
        ? { seconds: Math.floor((now - r.escalated_at.getTime()) / 1000), answered: false }
        : { seconds: r.response_seconds, answered: true })));
      const stored = await sql<{ median_seconds: number | null; p90_seconds: number | null }>`
        select median_seconds, p90_seconds from company_figures where company_id = ${company_id} and period = 'all' and country = '' and channel = ''`.execute(db);
      expect([stored.rows[0]!.median_seconds, stored.rows[0]!.p90_seconds], name).toEqual(expected);
    }
  });
});

