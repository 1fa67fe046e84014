// The open data: /companies.csv (RFC 4180) and /companies.json carry the same
// figures as the page, with the window and the definitions.
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser } from "../helpers/fixtures.js";
import { insertStories, leaderboardRows } from "./helpers.js";

let t: TestApp;

/** RFC 4180: fields split on commas, quoted fields may hold commas, CRLF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += c;
  }
  return rows;
}

interface JsonRow {
  rank: number | null; organisation: string; slug: string; stories: number; response_rate: number | null;
  median_response_seconds: number | null; p90_response_seconds: number | null; resolution_rate: number | null;
  response_rate_lower_bound: number | null;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const author_id = await createUser(db);
  const acme = await createOrganisation(db, 'Acme, "Best" Ltd', { slug: "acme" });
  const zed = await createOrganisation(db, "Zed\nCorp", { slug: "zed" });
  const plain = await createOrganisation(db, "Plain", { slug: "plain" });
  // Acme: 5 answered in 1, 2, 3, 4 hours and never → 4/5; Kaplan–Meier S(3 h) = 2/5 → median 3 h. Ranked.
  await insertStories(db, { author_id, company_id: acme }, [3600, 7200, 10800, 14400, null].map((response) => ({ response })));
  await insertStories(db, { author_id, company_id: zed }, [{ response: 60, country: "DE" }, { response: 120, country: "DE", outcome: "refused" }]);
  await insertStories(db, { author_id, company_id: plain }, [{ response: null, outcome: "pending" }]);
});
afterAll(() => t.close());

describe("the open data", () => {
  it("serves RFC 4180 CSV: CRLF line ends, quoted commas, quotes and line breaks", async () => {
    const res = await t.app.inject("/companies.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="escalator-companies-12m.csv"');
    expect(res.body.endsWith("\r\n")).toBe(true);
    expect(res.body.replace(/\r\n/g, "").replace(/"[^"]*(?:""[^"]*)*"/g, "")).not.toMatch(/[\r\n]/);
    expect(res.body).toContain(',"Acme, ""Best"" Ltd",acme,5,4,5,0.8,');
    expect(res.body).toContain(',"Zed\nCorp",zed,2,');
    const [header, ...rows] = parseCsv(res.body);
    expect(header!.slice(0, 8)).toEqual(["window", "window_from", "window_to", "country", "channel", "rank", "organisation", "slug"]);
    // Unranked in the same order: Zed 2 of 2 (lower bound 0.34) before Plain 0 of 1.
    expect(rows.map((r) => [r[5], r[6], r[8]])).toEqual([["1", 'Acme, "Best" Ltd', "5"], ["", "Zed\nCorp", "2"], ["", "Plain", "1"]]);
  });

  it("gives the same figures in the CSV, the JSON and the page", async () => {
    const page = leaderboardRows((await t.app.inject("/companies")).body);
    const json = (await t.app.inject("/companies.json")).json() as { organisations: JsonRow[]; window: { key: string; from: string }; definitions: { key: string }[]; minimum_stories_to_rank: number };
    const csv = parseCsv((await t.app.inject("/companies.csv")).body);
    const header = csv[0]!;
    const csvRows = csv.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    const asCsv = (v: number | null) => (v === null ? "" : String(v));
    expect(json.organisations.map((o) => o.slug)).toEqual(page.map((r) => r.slug));
    page.forEach((p, i) => {
      const j = json.organisations[i]!, c = csvRows[i]!;
      expect([j.organisation, j.rank, j.stories, j.response_rate, j.median_response_seconds, j.p90_response_seconds, j.resolution_rate])
        .toEqual([p.name, p.rank, p.stories, p.responseRate, p.medianSeconds, p.p90Seconds, p.resolutionRate]);
      expect([c.organisation, c.rank, c.stories, c.response_rate, c.median_response_seconds, c.p90_response_seconds, c.resolution_rate])
        .toEqual([p.name, asCsv(p.rank), String(p.stories), asCsv(p.responseRate), asCsv(p.medianSeconds), asCsv(p.p90Seconds), asCsv(p.resolutionRate)]);
    });
    // Hand-worked: Acme 4 of 5 → Wilson lower bound 0.3755; median 3 h (S = 2/5).
    expect(json.organisations[0]).toMatchObject({ slug: "acme", rank: 1, response_rate: 0.8, median_response_seconds: 10_800, resolution_rate: 0.8 });
    expect(json.organisations[0]!.response_rate_lower_bound).toBeCloseTo(0.375534629762525, 12);
    expect(json.window.key).toBe("12m");
    expect(Date.now() - 365 * 86_400_000 - Date.parse(json.window.from)).toBeLessThan(60_000);
    expect(json.minimum_stories_to_rank).toBe(5);
    expect(json.definitions.map((d) => d.key)).toContain("response_rate");
  });

  it("applies the page's window and filters to the exports", async () => {
    const json = (await t.app.inject("/companies.json?country=de&window=all")).json() as { organisations: JsonRow[]; filters: unknown; window: { key: string; from: null } };
    expect(json.window).toMatchObject({ key: "all", from: null });
    expect(json.filters).toEqual({ country: "DE", channel: null });
    expect(json.organisations.map((o) => [o.slug, o.stories, o.median_response_seconds, o.resolution_rate])).toEqual([["zed", 2, 60, 0.5]]);
    const csv = (await t.app.inject("/companies.csv?country=DE&channel=phone")).body;
    expect(parseCsv(csv)).toHaveLength(1); // the header alone
    const page = (await t.app.inject("/companies?country=DE")).body;
    expect(page).toContain('href="/companies.csv?country=DE"');
  });

  it("words the window and the definitions in German under /de/, with the same figures, and the German leaderboard links there", async () => {
    type Export = { organisations: JsonRow[]; window: { key: string; label: string }; definitions: { key: string; term: string; definition: string }[] };
    const english = (await t.app.inject("/companies.json")).json() as Export;
    const german = await t.app.inject("/de/companies.json");
    expect(german.headers.link).toBe('</de/companies#definitions>; rel="describedby"');
    const json = german.json() as Export;
    expect(json.organisations).toEqual(english.organisations);
    expect(json.definitions.map((d) => d.key)).toEqual(english.definitions.map((d) => d.key));
    expect(json.window).toMatchObject({ key: "12m", label: "Letzte 12 Monate" });
    expect(english.window.label).toBe("Last 12 months");
    const responseRate = json.definitions.find((d) => d.key === "response_rate")!;
    expect(responseRate.term).toBe("Antwortquote");
    expect(responseRate.definition).toMatch(/^Geschichten mit einer Antwort innerhalb von 30 Tagen/);
    expect((await t.app.inject("/de/companies.csv")).headers.link).toBe('</de/companies.json>; rel="describedby"');
    const page = parse((await t.app.inject("/de/companies?window=all")).body);
    expect(page.querySelectorAll(".open-data a").map((a) => a.getAttribute("href"))).toEqual(["/de/companies.csv?window=all", "/de/companies.json?window=all"]);
  });
});
