// One organisation's figures broken down: by response-time bucket, by month,
// and by the other party whose failure it fixed (routes-to-escalate.ts has the steps).
// Computed from the organisation's stories with the definitions from figures.ts
// (an index-only range scan of stories_company_figures, which includes every
// column these groupings read) by the figures worker, which keeps the results
// (page-figures.ts); pages read them from there (company-page.ts).
import { TWELVE_MONTHS_HOURS } from "./rules.js";
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { RESPONSE_BUCKETS, type ResponseBucket } from "../lib/enums.js";
import { figureSql, inPeriod, rate, type Period } from "./figures.js";

export interface BucketCount {
  bucket: ResponseBucket;
  stories: number;
}

/** The buckets that have stories. */
export async function histogramCounts(db: Kysely<DB>, companyId: number, period: Period): Promise<BucketCount[]> {
  return db
    .selectFrom("stories as s")
    .where("s.company_id", "=", companyId)
    .where(inPeriod(period))
    .groupBy("s.response_bucket")
    .select(["s.response_bucket as bucket", figureSql.stories.as("stories")])
    .execute();
}

/** Every bucket, in the page's order, empty ones as 0. */
export function fullHistogram(counts: BucketCount[]): BucketCount[] {
  const byBucket = new Map(counts.map((r) => [r.bucket, r.stories]));
  return (Object.keys(RESPONSE_BUCKETS) as ResponseBucket[]).map((bucket) => ({ bucket, stories: byBucket.get(bucket) ?? 0 }));
}

export async function responseHistogram(db: Kysely<DB>, companyId: number, period: Period): Promise<BucketCount[]> {
  return fullHistogram(await histogramCounts(db, companyId, period));
}

export interface MonthFigures {
  /** "2025-03" (UTC). */
  month: string;
  stories: number;
  answeredIn30Days: number;
  responseEligible: number;
  responseRate: number | null;
  medianSeconds: number | null;
}

/** One month's figures as stored (company_trend) and as computed. */
export interface MonthRow {
  month: string;
  stories: number;
  answered_in_30_days: number;
  response_eligible: number;
  median_seconds: number | null;
}

/** The months of the trend are UTC calendar months, labelled "2025-03". */
const monthOf = sql<string>`to_char(s.escalated_at at time zone 'UTC', 'YYYY-MM')`;

/** A moment's month of the trend: its label and its bounds. */
export function monthAround(moment: Date): { label: string; from: Date; to: Date } {
  const [year, month] = [moment.getUTCFullYear(), moment.getUTCMonth()];
  return { label: moment.toISOString().slice(0, 7), from: new Date(Date.UTC(year, month, 1)), to: new Date(Date.UTC(year, month + 1, 1)) };
}

/** The months that have stories, oldest first; only the months of `moments` when given (the figures worker's change to a few stories). */
export async function trendMonths(db: Kysely<DB>, companyId: number, period: Period, moments?: Date[]): Promise<MonthRow[]> {
  const month = monthOf;
  let stories = db.selectFrom("stories as s").where("s.company_id", "=", companyId).where(inPeriod(period));
  // As ranges of escalated_at, which an index reads (stories_company_escalated, migrations/0019).
  if (moments) stories = stories.where((eb) => eb.or(moments.map(monthAround).map((m) => eb.and([eb("s.escalated_at", ">=", m.from), eb("s.escalated_at", "<", m.to)]))));
  return stories
    .groupBy(month)
    .select([
      month.as("month"),
      figureSql.stories.as("stories"),
      figureSql.answeredIn30Days.as("answered_in_30_days"),
      figureSql.responseEligible.as("response_eligible"),
      figureSql.medianSeconds.as("median_seconds"),
    ])
    .orderBy("month")
    .execute();
}

/** Every month of the period, empty months included, oldest first. */
export async function monthlyTrend(db: Kysely<DB>, companyId: number, period: Period, now = new Date()): Promise<MonthFigures[]> {
  return everyMonth(await trendMonths(db, companyId, period), period, now);
}

/** The months with stories, and the empty ones between them (and up to now), oldest first. */
export function everyMonth(rows: MonthRow[], period: Period, now = new Date()): MonthFigures[] {
  if (rows.length === 0) return [];
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const first = period === "12m" ? new Date(now.getTime() - TWELVE_MONTHS_HOURS * 3_600_000).toISOString().slice(0, 7) : rows[0]!.month;
  const last = now.toISOString().slice(0, 7);
  return monthsBetween(first, last).map((m) => {
    const r = byMonth.get(m);
    return {
      month: m,
      stories: r?.stories ?? 0,
      answeredIn30Days: r?.answered_in_30_days ?? 0,
      responseEligible: r?.response_eligible ?? 0,
      responseRate: r ? rate(r.answered_in_30_days, r.response_eligible) : null,
      medianSeconds: r?.median_seconds ?? null,
    };
  });
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const label = `${year}-${String(month).padStart(2, "0")}`;
    months.push(label);
    if (label >= last) break;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

export interface SteppedInRow {
  slug: string;
  name: string;
  /** Stories escalated here after this other party let the customer down. */
  stories: number;
  /** Of those, resolved (resolved or resolved with goodwill). */
  fixed: number;
}

export interface SteppedInPage {
  rows: SteppedInRow[];
  /** Every other party named in the window, of which rows is one slice. */
  total: number;
}

/**
 * The other parties whose failures this organisation was asked to fix, most
 * fixed first; a slice of them, since a big organisation has thousands.
 */
export async function steppedIn(
  db: Kysely<DB>, companyId: number, period: Period, slice: { limit: number; offset: number },
): Promise<SteppedInPage> {
  const named = db
    .selectFrom("stories as s")
    .where("s.company_id", "=", companyId)
    .where("s.other_party_id", "is not", null)
    .where(inPeriod(period));
  const found = await named
    .innerJoin("organisations as p", "p.id", "s.other_party_id")
    .groupBy(["p.id", "p.slug", "p.name"])
    // The number of groups, counted before LIMIT in the same pass over the stories.
    .select(["p.slug", "p.name", figureSql.stories.as("stories"), figureSql.resolved.as("fixed"), sql<number>`(count(*) over ())::integer`.as("total")])
    .orderBy("fixed", "desc").orderBy("stories", "desc").orderBy("p.name").orderBy("p.id")
    .limit(slice.limit).offset(slice.offset)
    .execute();
  const rows = found.map(({ total: _total, ...row }) => row);
  if (found[0]) return { rows, total: found[0].total };
  // Past the last page (or none at all): count on its own.
  if (slice.offset === 0) return { rows, total: 0 };
  const count = await named.select(sql<number>`count(distinct s.other_party_id)::integer`.as("total")).executeTakeFirstOrThrow();
  return { rows, total: count.total };
}

/** Per other party named: stories and how many were fixed, as the figures worker stores them (company_stepped_in). */
export function steppedInCounts(db: Kysely<DB>, companyId: number, period: Period) {
  return db
    .selectFrom("stories as s")
    .where("s.company_id", "=", companyId)
    .where("s.other_party_id", "is not", null)
    .where(inPeriod(period))
    .groupBy("s.other_party_id")
    .select([sql<number>`s.other_party_id`.as("other_party_id"), figureSql.stories.as("stories"), figureSql.resolved.as("fixed")]);
}
