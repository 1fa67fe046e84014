// Shared by the company tests: many fixture stories in one statement, and
// readers that pull the figures back out of the rendered pages.
import type { Kysely } from "kysely";
import type { DB, NewStory } from "../../server/db/schema.js";
import { flushFigures } from "../../server/companies/worker.js";
import { organisationKey } from "../../server/lib/slug.js";
import { DAY, insertStoryRows, storyRow } from "../helpers/fixtures.js";

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
const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The leaderboard's rows as the page shows them, from the exact data-value attributes. */
export function leaderboardRows(html: string): PageRow[] {
  const rows: PageRow[] = [];
  for (const table of ["ranked", "unranked"] as const) {
    const body = html.match(new RegExp(`<table[^>]*id="${table}"[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`))?.[1] ?? "";
    for (const tr of body.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) {
      const link = tr.match(/<a href="\/companies\/([^"]+)">([^<]*)<\/a>/)!;
      const values = [...tr.matchAll(/data-value="([^"]*)"/g)].map((m) => num(m[1]));
      if (table === "unranked") values.unshift(null);
      const [rank, stories, responseRate, medianSeconds, p90Seconds, resolutionRate] = values;
      rows.push({ table, slug: link[1]!, name: unescape(link[2]!), rank: rank ?? null, stories: stories!, responseRate: responseRate ?? null, medianSeconds: medianSeconds ?? null, p90Seconds: p90Seconds ?? null, resolutionRate: resolutionRate ?? null });
    }
  }
  return rows;
}

/** One figure of a company page (data-figure attribute): its exact value. */
export function companyFigure(html: string, key: string): number | null {
  const m = html.match(new RegExp(`data-figure="${key}"(?: data-value="([^"]*)")?>([^<]*)`));
  if (!m) throw new Error(`no figure ${key} on the page`);
  return m[1] !== undefined ? num(m[1]) : Number(m[2]!.replace(/,/g, ""));
}

/** The rows of a table with the given id: each row's cells as text. */
export function tableCells(html: string, id: string): string[][] {
  const body = html.match(new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`))?.[1] ?? "";
  return (body.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? []).map((tr) =>
    [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => unescape(m[1]!.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim())),
  );
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
