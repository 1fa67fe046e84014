// Shared by the company tests: many fixture stories in one statement, and
// readers that pull the figures back out of the rendered pages.
import type { Kysely } from "kysely";
import type { DB, NewStory } from "../../server/db/schema.js";
import { expect } from "vitest";
import { monthlyTrend, responseHistogram, steppedIn } from "../../server/companies/breakdowns.js";
import { companyPageFigures, routesAcrossOrganisations, steppedInPage } from "../../server/companies/company-page.js";
import { responseCurve } from "../../server/companies/response-curve.js";
import { routesToEscalate } from "../../server/companies/routes-to-escalate.js";
import { flushFigures } from "../../server/companies/worker.js";
import { organisationKey } from "../../server/lib/slug.js";
import { DAY, insertStoryRows, storyRow } from "../helpers/fixtures.js";
import { findAll, one, parseHtml } from "../helpers/html.js";

/** A small deterministic generator (LCG) of numbers in [0, 1), so a failure repeats with its seed. */
export function seededRandom(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

export interface StorySpec extends Partial<Omit<NewStory, "escalated_at" | "first_response_at">> {
  /** Days before now it was escalated; default 60. */
  daysAgo?: number;
  /** Or an exact moment. */
  escalatedAt?: Date;
  /** Seconds to the first response; null = none. */
  response: number | null;
}

/**
 * Inserts the stories in one INSERT (one statement-trigger run) through the one
 * fixture factory (test/helpers/fixtures.ts), and brings the figures up to date
 * before returning, so a fixture's figures are there without waiting for the app's worker.
 */
export async function insertStories(db: Kysely<DB>, base: { author_id: number; company_id: number }, specs: StorySpec[]): Promise<number[]> {
  const now = Date.now();
  const rows = specs.map(({ daysAgo, escalatedAt, response, ...facts }) =>
    storyRow({ ...base, ...facts, escalated_at: escalatedAt ?? new Date(now - (daysAgo ?? 60) * DAY), responseSeconds: response }));
  const inserted = await insertStoryRows(db, rows);
  await flushFigures(db);
  return inserted.map((r) => r.id);
}

/** An organisation the story form will find by its name. */
export async function organisationWithAlias(db: Kysely<DB>, name: string, slug: string): Promise<number> {
  const { id } = await db.insertInto("organisations").values({ name, slug }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("organisation_aliases").values({ organisation_id: id, alias: name, alias_key: organisationKey(name) }).execute();
  return id;
}

export interface PageRow {
  table: "ranked" | "unranked";
  slug: string;
  name: string;
  rank: number | null;
  stories: number;
  responseRate: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
  resolutionRate: number | null;
}

const num = (value: string | undefined) => (value === undefined || value === "" ? null : Number(value));

/** The leaderboard's rows as the page shows them, from the exact data-value attributes. */
export function leaderboardRows(html: string): PageRow[] {
  const page = parseHtml(html);
  return (["ranked", "unranked"] as const).flatMap((table) => findAll(page, `table#${table} tbody tr`).map((tr): PageRow => {
    const link = one(tr, 'a[href^="/companies/"]');
    const values = findAll(tr, "[data-value]").map((cell) => num(cell.getAttribute("data-value")));
    if (table === "unranked") values.unshift(null);
    const [rank, stories, responseRate, medianSeconds, p90Seconds, resolutionRate] = values;
    return {
      table, slug: link.getAttribute("href")!.slice("/companies/".length), name: link.textContent, rank: rank ?? null, stories: stories!,
      responseRate: responseRate ?? null, medianSeconds: medianSeconds ?? null, p90Seconds: p90Seconds ?? null, resolutionRate: resolutionRate ?? null,
    };
  }));
}

/** One figure of a company page (data-figure attribute): its exact value, or its shown number. */
export function companyFigure(html: string, key: string): number | null {
  const figure = one(html, `[data-figure="${key}"]`);
  const value = figure.getAttribute("data-value");
  return value !== undefined ? num(value) : Number(figure.textContent.replace(/,/g, ""));
}

/** An independent product-limit estimate in plain TypeScript: [median, p90] from (seconds, answered) pairs. */
export function referenceKm(observations: { seconds: number; answered: boolean }[]): [number | null, number | null] {
  const times = [...new Set(observations.filter((o) => o.answered).map((o) => o.seconds))].sort((a, b) => a - b);
  let s = 1;
  let median: number | null = null;
  let p90: number | null = null;
  for (const t of times) {
    // At risk at t: everyone observed at least t (a silence of exactly t still counts: answers first at a tie).
    const atRisk = observations.filter((o) => o.seconds >= t).length;
    const answeredAtT = observations.filter((o) => o.answered && o.seconds === t).length;
    s *= 1 - answeredAtT / atRisk;
    if (median === null && s <= 0.5 + 1e-9) median = t;
    if (p90 === null && s <= 0.1 + 1e-9) p90 = t;
  }
  return [median, p90];
}

/** After the worker's round: every kept figure of these organisations' pages, and the table across all, equals the same computed from every story and step now. */
export async function expectKeptPagesEqualComputed(db: Kysely<DB>, organisationIds: number[]): Promise<void> {
  await flushFigures(db);
  for (const period of ["12m", "all"] as const) {
    expect(await routesAcrossOrganisations(db, period)).toEqual(await routesToEscalate(db, null, period));
    for (const id of organisationIds) {
      expect(await companyPageFigures(db, id, period), `${id} ${period}`).toEqual({
        histogram: await responseHistogram(db, id, period),
        trend: await monthlyTrend(db, id, period),
        curve: await responseCurve(db, id, period),
        routes: await routesToEscalate(db, id, period),
      });
      const slice = { limit: 10, offset: 0 };
      expect(await steppedInPage(db, id, period, slice)).toEqual(await steppedIn(db, id, period, slice));
    }
  }
}
