// One organisation's page (histogram, monthly trend, how to escalate, stepped in)
// and the other parties' page, against counts worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser } from "../helpers/fixtures.js";
import { attr, attrs, find, tableCells } from "../helpers/html.js";
import { companyFigure, insertStories } from "./helpers.js";

const H = 3600;
const D = 86_400;
let t: TestApp;

const htmlOf = async (app: TestApp, url: string) => {
  const res = await app.app.inject(url);
  expect(res.statusCode).toBe(200);
  return res.body;
};
const html = (url: string) => htmlOf(t, url);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const author_id = await createUser(db);
  const org = (name: string) => createOrganisation(db, name);

  // Each response time on or just before a bucket's edge.
  await insertStories(db, { author_id, company_id: await org("Edges") },
    [H - 1, H, D - 1, D, 3 * D - 1, 3 * D, 7 * D, 30 * D, 30 * D + 1, null].map((response) => ({ response })));

  // Four stories in two months of 2024 (UTC), nothing since.
  const at = (iso: string) => new Date(iso);
  await insertStories(db, { author_id, company_id: await org("Trend") }, [
    { escalatedAt: at("2024-01-15T09:00:00Z"), response: H },
    { escalatedAt: at("2024-01-20T09:00:00Z"), response: 2 * H },
    { escalatedAt: at("2024-01-31T23:30:00Z"), response: null },
    { escalatedAt: at("2024-03-10T09:00:00Z"), response: D },
  ]);

  await insertStories(db, { author_id, company_id: await org("Worked") }, [
    { channel: "email", escalated_to: "ceo", response: H },
    { channel: "email", escalated_to: "ceo", response: 2 * H },
    { channel: "email", escalated_to: "ceo", response: null },
    { channel: "letter", escalated_to: "executive_relations", response: D },
    { channel: "letter", escalated_to: "executive_relations", response: 2 * D },
    { channel: "phone", escalated_to: "frontline", response: null },
  ]);

  // Best Buy and AT&T fail; Nokia and Apple are written to afterwards.
  const bestBuy = await org("Best Buy"), att = await org("AT&T");
  const nokia = await org("Nokia"), apple = await org("Apple");
  await insertStories(db, { author_id, company_id: nokia }, [
    { other_party_id: bestBuy, response: H, outcome: "resolved" },
    { other_party_id: bestBuy, response: H, outcome: "goodwill" },
    { other_party_id: bestBuy, response: H, outcome: "refused" },
    { other_party_id: bestBuy, response: H, outcome: "resolved", hidden_at: new Date(), hidden_reason: "abuse" },
    { other_party_id: att, response: H, outcome: "resolved" },
    { other_party_id: att, response: H, outcome: "pending" },
  ]);
  await insertStories(db, { author_id, company_id: apple }, [
    { other_party_id: bestBuy, response: H, outcome: "resolved" },
    { response: H, outcome: "resolved" },
  ]);
});
afterAll(() => t.close());

describe("a company's page", () => {
  it("puts each response time into its histogram bucket, edges included", async () => {
    const page = await html("/companies/edges");
    expect(tableCells(page, "histogram-table")).toEqual([
      ["< 1 hour", "1"], // 59:59
      ["< 24 hours", "2"], // 1 h, 23:59:59
      ["1–3 days", "2"], // 24 h, 2 days 23:59:59
      ["3–7 days", "1"], // 3 days
      ["7–30 days", "2"], // 7 days, 30 days
      ["over 30 days", "1"], // 30 days + 1 s
      ["no response", "1"],
    ]);
    // The chart carries the same numbers as its text alternative.
    expect(attr(page, "svg.chart.chart-wide#response-histogram", "role")).toBe("img");
    expect(page).toContain("<desc id=\"response-histogram-desc\">&lt; 1 hour: 1; &lt; 24 hours: 2; 1–3 days: 2; 3–7 days: 1; 7–30 days: 2; over 30 days: 1; no response: 1 (of 10 stories).</desc>");
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="Escalator: stories about Edges" href="/companies/edges/feed.xml">');
  });

  it("shows the monthly trend with empty months, from the first story's month", async () => {
    const page = await html("/companies/trend?window=all");
    const rows = tableCells(page, "trend-table");
    // January: answered 1 h and 2 h, one never → 2 of 3; S(1 h) = 2/3, S(2 h) = 1/3 → median 2 h.
    // February: nothing. March: 1 of 1 in a day.
    expect(rows.slice(0, 3)).toEqual([
      ["Jan 2024", "3", "67% (2/3)", "2 h"],
      ["Feb 2024", "0", "— (0/0)", "—"],
      ["Mar 2024", "1", "100% (1/1)", "1 day"],
    ]);
    expect(page).toContain('data-month="2024-01"');
    expect(attrs(page, '#trend-table tr[data-month="2024-01"] [data-value]', "data-value")).toEqual(["0.6666666666666666", "7200"]);
    const now = new Date();
    const monthsSince = (now.getUTCFullYear() - 2024) * 12 + now.getUTCMonth() + 1;
    expect(rows).toHaveLength(monthsSince);
    expect(rows.slice(3).every((r) => r[1] === "0")).toBe(true);
    expect(attr(page, "svg.chart.chart-wide#median-trend", "role")).toBe("img");
    expect(find(page, "svg#median-trend > title#median-trend-title:first-child")).toBeDefined();
    // Nothing in the last 12 months.
    expect(await html("/companies/trend")).toContain("No stories escalated to Trend in this window.");
  });

  it("shows how to escalate: channel × role written to, with steps, answered share and its interval, median, resolved", async () => {
    const page = await html("/companies/worked");
    // Email to the CEO: answered 1 h, 2 h, never → 2 of 3, Wilson 95 % 20.8–93.9 %, S(2 h) = 1/3 → 2 h;
    // resolved 2 of 3 closed. Letter: 2 of 2 (34.2–100 %), S(1 day) = 1/2. Phone: 0 of 1 (0–79.3 %), not reached.
    expect(tableCells(page, "how-to-escalate")).toEqual([
      ["Email", "CEO", "3", "67% (2/3)", "21%–94%", "2 h", "67% (2/3)", "0% (0)", "too few to say"],
      ["Letter", "Executive customer relations", "2", "100% (2/2)", "34%–100%", "1 day", "100% (2/2)", "0% (0)", "too few to say"],
      ["Phone", "Frontline support", "1", "0% (0/1)", "0%–79%", "not reached", "0% (0/1)", "0% (0)", "too few to say"],
    ]);
  });

  it("shows whose failures it stepped in for, and how many it fixed", async () => {
    const page = await html("/companies/nokia");
    // The hidden Best Buy story counts nowhere.
    expect(tableCells(page, "stepped-in")).toEqual([
      ["Best Buy", "3", "2"],
      ["AT&T", "2", "1"],
    ]);
    expect(companyFigure(page, "stories")).toBe(5);
  });

  it("has no link to all parties when every one is shown", async () => {
    expect(await html("/companies/nokia")).not.toContain("/companies/nokia/stepped-in");
  });
});

describe("the other parties", () => {
  it("ranks the parties that failed first by how often, with who stepped in", async () => {
    const page = await html("/parties");
    expect(tableCells(page, "parties")).toEqual([
      ["Best Buy", "4", "3", "Nokia stepped in for 3 Best Buy failures, fixed 2 Apple stepped in for 1 Best Buy failure, fixed 1"],
      ["AT&T", "2", "1", "Nokia stepped in for 2 AT&T failures, fixed 1"],
    ]);
  });

  it("offers the window as links", async () => {
    const page = await html("/parties?window=all");
    expect(page).toContain('<a aria-current="page" href="/parties?window=all">All time</a>');
    expect(tableCells(page, "parties")).toHaveLength(2);
  });
});

describe("a company that stepped in for many parties", () => {
  let many: TestApp;
  beforeAll(async () => {
    many = await createTestApp();
    const db = many.database.db;
    // 52 parties failed before Rescue Co stepped in; Failer 07 twice, both fixed.
    const failers: number[] = [];
    for (let i = 1; i <= 52; i++) failers.push(await createOrganisation(db, `Failer ${String(i).padStart(2, "0")}`));
    await insertStories(db, { author_id: await createUser(db), company_id: await createOrganisation(db, "Rescue Co") }, [
      ...failers.map((other_party_id) => ({ other_party_id, response: H, outcome: "refused" as const })),
      { other_party_id: failers[6]!, response: H, outcome: "resolved" },
      { other_party_id: failers[6]!, response: H, outcome: "resolved" },
    ]);
  });
  afterAll(() => many.close());

  it("lists the first 10 parties it stepped in for and links to all of them, 50 a page", async () => {
    const page = await htmlOf(many, "/companies/rescue-co");
    const rows = tableCells(page, "stepped-in");
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual(["Failer 07", "3", "2"]);
    expect(rows[1]).toEqual(["Failer 01", "1", "0"]);
    expect(page).toContain('<a href="/companies/rescue-co/stepped-in">All 52 other parties whose failures came to Rescue Co</a>');

    const first = await htmlOf(many, "/companies/rescue-co/stepped-in");
    expect(tableCells(first, "stepped-in")).toHaveLength(50);
    expect(first).toContain("Page 1 of 2");
    const second = await htmlOf(many, "/companies/rescue-co/stepped-in?page=2");
    expect(tableCells(second, "stepped-in")).toEqual([["Failer 51", "1", "0"], ["Failer 52", "1", "0"]]);
    // The all-time window keeps its window in the links.
    expect(await htmlOf(many, "/companies/rescue-co?window=all")).toContain('href="/companies/rescue-co/stepped-in?window=all"');
  });
});
