// The leaderboard's figures against numbers worked out by hand from the
// fixture stories below (DESIGN.md, "The figures").
import { i18nFor } from "../../server/i18n/index.js";
import { Eta } from "eta";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fastestToAnswer } from "../../server/companies/figures.js";
import { helpers, viewsFolder } from "../../server/plugins/view.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser } from "../helpers/fixtures.js";
import { find } from "../helpers/html.js";
import { insertStories, leaderboardRows, type PageRow } from "./helpers.js";

const H = 3600;
const D = 86_400;
let t: TestApp;

const page = async (url: string) => {
  const res = await t.app.inject(url);
  expect(res.statusCode).toBe(200);
  return leaderboardRows(res.body);
};
const row = (rows: PageRow[], slug: string) => rows.find((r) => r.slug === slug);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const author_id = await createUser(db);
  const org = (name: string) => createOrganisation(db, name);

  // Alpha: 6 stories. Eligible for the response rate: the 5 older than 30 days
  // or answered (the 10-day-old unanswered one counts neither way); answered
  // within 30 days: 1 h, 2 h and the young 5 h one = 3 of 5.
  await insertStories(db, { author_id, company_id: await org("Alpha") }, [
    { response: 1 * H, outcome: "resolved" },
    { response: 2 * H, outcome: "goodwill" },
    { response: 40 * D, outcome: "refused" },
    { response: null, outcome: "no_response" },
    { response: null, daysAgo: 10, outcome: "pending" },
    { response: 5 * H, daysAgo: 10, outcome: "partly_resolved" },
  ]);
  // Beta: 4 stories, so listed but not ranked.
  await insertStories(db, { author_id, company_id: await org("Beta") }, [
    { response: 600 }, { response: 1800 }, { response: 5400 }, { response: null },
  ]);
  // Perfect: 5 of 5 answered in an hour. Steady: 90 of 100 answered in 2 hours.
  await insertStories(db, { author_id, company_id: await org("Perfect") }, Array.from({ length: 5 }, () => ({ response: H })));
  await insertStories(db, { author_id, company_id: await org("Steady") }, [
    ...Array.from({ length: 90 }, () => ({ response: 2 * H })),
    ...Array.from({ length: 10 }, () => ({ response: null })),
  ]);
  // Gamma: 6 stories over two countries and two channels, every one answered.
  await insertStories(db, { author_id, company_id: await org("Gamma") }, [
    { response: 1000, country: "US", channel: "email" },
    { response: 2000, country: "US", channel: "email" },
    { response: 3000, country: "US", channel: "email" },
    { response: 4000, country: "DE", channel: "phone" },
    { response: 8000, country: "DE", channel: "phone" },
    { response: 10000, country: "DE", channel: "email" },
  ]);
  // Old: one story 366 days ago (outside the 12 months), one 364 days ago.
  await insertStories(db, { author_id, company_id: await org("Old") }, [
    { response: 100, daysAgo: 366 },
    { response: 200, daysAgo: 364 },
  ]);
});
afterAll(() => t.close());

describe("the leaderboard's figures", () => {
  it("counts young unanswered stories neither way in the response rate, and young answered ones in both", async () => {
    const alpha = row(await page("/companies"), "alpha")!;
    expect(alpha.stories).toBe(6);
    expect(alpha.responseRate).toBe(0.6);
  });

  it("takes the median by Kaplan–Meier, counting the unanswered stories as still waiting", async () => {
    // Alpha: answers at 1 h, 2 h, 5 h, 40 days; waiting 10 and 60 days. S(1 h) = 5/6,
    // S(2 h) = 4/6, S(5 h) = 3/6 ≤ 1/2 → 5 h (the answers alone would say 3.5 h).
    expect(row(await page("/companies"), "alpha")!.medianSeconds).toBe(18_000);
  });

  it("takes the median of an odd number of answers as the middle one", async () => {
    expect(row(await page("/companies"), "beta")!.medianSeconds).toBe(1800);
  });

  it("leaves p90 unreached while more than a tenth are still waiting", async () => {
    const rows = await page("/companies");
    // Alpha: after the 10-day silence leaves, S(40 days) = 1/2 × 1/2 = 1/4, and the curve ends there.
    expect(row(rows, "alpha")!.p90Seconds).toBeNull();
    // Beta: S(5400) = 1/4, then one story waiting 60 days.
    expect(row(rows, "beta")!.p90Seconds).toBeNull();
    // Gamma: six answers, the last at 10,000 s takes S to 0.
    expect(row(rows, "gamma")!.p90Seconds).toBe(10_000);
  });

  it("divides resolved (resolved or goodwill) by closed (not pending)", async () => {
    // Alpha: resolved + goodwill = 2; closed = 6 − 1 pending = 5.
    expect(row(await page("/companies"), "alpha")!.resolutionRate).toBe(0.4);
  });

  it("ranks by the Wilson lower bound, so 5 of 5 comes below 90 of 100", async () => {
    const rows = await page("/companies");
    // Lower bounds: Steady 90/100 → 0.826, Gamma 6/6 → 0.610, Perfect 5/5 → 0.566, Alpha 3/5 → 0.231.
    expect(rows.filter((r) => r.table === "ranked").map((r) => [r.rank, r.slug])).toEqual([
      [1, "steady"], [2, "gamma"], [3, "perfect"], [4, "alpha"],
    ]);
    expect(row(rows, "perfect")!.responseRate).toBe(1);
    expect(row(rows, "steady")!.responseRate).toBe(0.9);
  });

  it("lists organisations with fewer than 5 stories below, unranked", async () => {
    const rows = await page("/companies");
    expect(rows.filter((r) => r.table === "unranked").map((r) => [r.rank, r.slug, r.stories])).toEqual([
      [null, "beta", 4], [null, "old", 1],
    ]);
  });

  it("keeps each organisation's rank when sorted by another column", async () => {
    const rows = await page("/companies?sort=median");
    // Medians: Gamma 3000 s (S = 3/6), Perfect 1 h, Steady 2 h (S = 10/100), Alpha 5 h.
    expect(rows.filter((r) => r.table === "ranked").map((r) => [r.slug, r.rank, r.medianSeconds])).toEqual([
      ["gamma", 2, 3000], ["perfect", 3, 3600], ["steady", 1, 7200], ["alpha", 4, 18_000],
    ]);
  });

  it("counts the last 12 months by escalation date, and everything in all time", async () => {
    const twelve = row(await page("/companies"), "old")!;
    expect([twelve.stories, twelve.medianSeconds]).toEqual([1, 200]);
    const all = row(await page("/companies?window=all"), "old")!;
    // 100 s and 200 s: S(100) = 1/2.
    expect([all.stories, all.medianSeconds]).toEqual([2, 100]);
  });

  it("filters by country, by channel, and by both", async () => {
    const de = await page("/companies?country=DE");
    expect(de.map((r) => [r.slug, r.stories, r.medianSeconds, r.rank])).toEqual([["gamma", 3, 8000, null]]);
    const email = row(await page("/companies?channel=email"), "gamma")!;
    // 1000, 2000, 3000, 10000 → S(2000) = 2/4.
    expect([email.stories, email.medianSeconds]).toEqual([4, 2000]);
    const dePhone = await page("/companies?country=de&channel=phone");
    expect(dePhone.map((r) => [r.slug, r.stories, r.medianSeconds])).toEqual([["gamma", 2, 4000]]);
    expect(await page("/companies?country=FR")).toEqual([]);
    expect((await t.app.inject("/companies?country=FR")).body).toContain('<option value="FR" selected>France</option>');
  });

  it("shows every figure's definition one click from its column header", async () => {
    const html = (await t.app.inject("/companies")).body;
    for (const key of ["rank", "organisation", "stories", "response_rate", "median_seconds", "p90_seconds", "resolution_rate"]) {
      expect(html).toContain(`href="#def-${key}"`);
      expect(find(html, `dt#def-${key}`)).toBeDefined();
    }
    expect(html).toContain('id="definitions"');
    expect(html).toContain('href="/companies.csv"');
    expect(html).toContain('href="/companies.json"');
  });

  it("offers sort links on every column and the window as links", async () => {
    const html = (await t.app.inject("/companies?window=all&country=US")).body;
    expect(html).toContain('<a class="sorted" href="/companies?window=all&amp;country=US" title="Sort by rank">Rank</a>');
    for (const sort of ["name", "stories", "response", "median", "p90", "resolution"]) {
      expect(html).toContain(`href="/companies?window=all&amp;country=US&amp;sort=${sort}"`);
    }
    expect(html).toContain('<a aria-current="page" href="/companies?window=all&amp;country=US">All time</a>');
    expect(find(html, 'form.company-filters[method="get"][action="/companies"]')).toBeDefined();
  });
});

describe("the home page's fastest-to-answer box", () => {
  it("lists ranked organisations by median response, and renders them in its partial", async () => {
    const fastest = await fastestToAnswer(t.database.db, 3);
    // Beta (median 30 min) has only 4 stories: not ranked, so not here.
    expect(fastest.map((r) => [r.slug, r.medianSeconds, r.stories])).toEqual([["gamma", 3000, 6], ["perfect", 3600, 5], ["steady", 7200, 100]]);
    const html = new Eta({ views: viewsFolder, autoEscape: true }).render("/companies/_fastest", { fastest, helpers, ...i18nFor("en") });
    expect(html).toContain('<a href="/companies/gamma">Gamma</a> <span class="muted">median 50 min, n = 6</span>');
    expect(new Eta({ views: viewsFolder }).render("/companies/_fastest", { fastest: [], helpers, ...i18nFor("en") }).trim()).toBe("");
  });
});
