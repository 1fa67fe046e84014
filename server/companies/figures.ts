// The company figures: their definitions, and every read of them. The leaderboard,
// the company page, the exports and the home-page box all call these functions.
// The stored rows come from the SQL view company_figures_computed
// (migrations/0002), kept exact by the figures worker (worker.ts) within a
// fraction of a second of a change, so a read here never recomputes anything;
// figureSql below is the same definition for ad-hoc groupings (breakdowns, the
// full-scan reference).
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../db/schema.js";
import { MIN_RANKED_STORIES, OPEN_OUTCOMES, RESOLVED_OUTCOMES, RESPONSE_WINDOW_HOURS, RESPONSE_WINDOW_SECONDS, TWELVE_MONTHS_HOURS } from "./rules.js";
import { withFigures, type Period } from "./tables.js";

export type { Period };
/** The windows, in the order pages offer them; their names are in the catalogues (companies.periods). */
export const PERIODS: readonly Period[] = ["12m", "all"];
export { MIN_RANKED_STORIES };
export const PAGE_SIZE = 50;

/** Ageing recomputes a row at most this often (migrations/0007 holds the same 60). */
export const KM_AGEING_MIN_SECONDS = 60;

/** The figures defined on the leaderboard and in the exports, in that order; the words are in the catalogues (companies.definitions). */
export const DEFINITION_KEYS = ["organisation", "stories", "response_rate", "median_seconds", "p90_seconds", "resolution_rate", "rank"] as const;
export type DefinitionKey = (typeof DEFINITION_KEYS)[number];

/**
 * A story's observation for the Kaplan–Meier estimator (migrations/0007): its
 * response time, or its age when unanswered (censored), in seconds × 2, + 1 when
 * censored, so that sorting puts an answer before a silence of the same length.
 */
export const KM_OBSERVATION = sql<number>`case when s.first_response_at is null
  then greatest(0, floor(extract(epoch from (now() - s.escalated_at))))::bigint * 2 + 1
  else s.response_seconds * 2 end`;

/** The figure definitions as SQL over stories aliased `s`, for groupings the table does not hold. */
export const figureSql = {
  stories: sql<number>`count(*)::integer`,
  answeredIn30Days: sql<number>`count(*) filter (where s.response_seconds <= ${RESPONSE_WINDOW_SECONDS})::integer`,
  responseEligible: sql<number>`count(*) filter (where s.escalated_at <= now() - make_interval(hours => ${RESPONSE_WINDOW_HOURS}) or s.first_response_at is not null)::integer`,
  answered: sql<number>`count(s.response_seconds)::integer`,
  medianSeconds: sql<number | null>`(company_figures_km(array_agg(${KM_OBSERVATION} order by ${KM_OBSERVATION})))[1]`,
  p90Seconds: sql<number | null>`(company_figures_km(array_agg(${KM_OBSERVATION} order by ${KM_OBSERVATION})))[2]`,
  resolved: sql<number>`count(*) filter (where s.outcome in (${sql.join(RESOLVED_OUTCOMES)}))::integer`,
  closed: sql<number>`count(*) filter (where s.outcome not in (${sql.join(OPEN_OUTCOMES)}))::integer`,
};

/** Visible stories of the period, over stories aliased `s`. */
export function inPeriod(period: Period): RawBuilder<boolean> {
  const visible = sql<boolean>`s.hidden_at is null and s.deleted_at is null`;
  return period === "all" ? visible : sql<boolean>`${visible} and s.escalated_at > now() - make_interval(hours => ${TWELVE_MONTHS_HOURS})`;
}

export const rate = (k: number, n: number): number | null => (n === 0 ? null : k / n);

export interface Figures {
  stories: number;
  answeredIn30Days: number;
  responseEligible: number;
  responseRate: number | null;
  answered: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  resolved: number;
  closed: number;
  resolutionRate: number | null;
}

export interface CompanyRow extends Figures {
  companyId: number;
  slug: string;
  name: string;
  responseLowerBound: number | null;
  resolutionLowerBound: number | null;
  ranked: boolean;
  /** 1-based position among ranked organisations; null when unranked. */
  rank: number | null;
}

// The order of each sort; the leaderboard's catalogue words them.
export const LEADERBOARD_SORTS = {
  rank: { order: "f.response_lower_bound desc nulls last, f.stories desc, f.company_id" },
  name: { order: "o.name, f.company_id" },
  stories: { order: "f.stories desc, f.company_id" },
  response: { order: "f.response_lower_bound desc nulls last, f.stories desc, f.company_id" },
  median: { order: "f.median_seconds asc nulls last, f.stories desc, f.company_id" },
  p90: { order: "f.p90_seconds asc nulls last, f.stories desc, f.company_id" },
  resolution: { order: "f.resolution_lower_bound desc nulls last, f.stories desc, f.company_id" },
} as const;
export type LeaderboardSort = keyof typeof LEADERBOARD_SORTS;

export interface LeaderboardQuery {
  period: Period;
  country: string;
  channel: string;
  sort: LeaderboardSort;
  /** 1-based; null = every row (the exports). */
  page: number | null;
}

export interface Leaderboard {
  rows: CompanyRow[];
  total: number;
  rankedTotal: number;
  pageCount: number;
}

function figuresQuery(db: Kysely<DB>) {
  return withFigures(db)
    .selectFrom("company_figures as f")
    .innerJoin("organisations as o", "o.id", "f.company_id")
    .where("o.merged_into_id", "is", null)
    .select([
      "f.company_id", "o.slug", "o.name", "f.stories", "f.answered_in_30_days", "f.response_eligible", "f.answered",
      "f.median_seconds", "f.p90_seconds", "f.resolved", "f.closed", "f.response_lower_bound", "f.resolution_lower_bound", "f.ranked",
    ]);
}

type FiguresRow = Awaited<ReturnType<ReturnType<typeof figuresQuery>["executeTakeFirstOrThrow"]>>;

function toCompanyRow(row: FiguresRow, rank: number | null): CompanyRow {
  return {
    companyId: row.company_id, slug: row.slug, name: row.name, stories: row.stories,
    answeredIn30Days: row.answered_in_30_days, responseEligible: row.response_eligible,
    responseRate: rate(row.answered_in_30_days, row.response_eligible), answered: row.answered,
    medianSeconds: row.median_seconds, p90Seconds: row.p90_seconds, resolved: row.resolved, closed: row.closed,
    resolutionRate: rate(row.resolved, row.closed), responseLowerBound: row.response_lower_bound,
    resolutionLowerBound: row.resolution_lower_bound, ranked: row.ranked, rank,
  };
}

type Scope = Pick<LeaderboardQuery, "period" | "country" | "channel">;

/** One leaderboard scope's rows of company_figures (alias f) or company_figures_totals (alias t). */
function inScope(alias: "f" | "t", scope: Scope) {
  // Postgres splits a row comparison into three equalities, so the indexes apply.
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${column("period")}, ${column("country")}, ${column("channel")}) = (${scope.period}, ${scope.country}, ${scope.channel})`;
}

function scopeTotals(db: Kysely<DB>, scope: Scope) {
  return withFigures(db).selectFrom("company_figures_totals as t").where(inScope("t", scope));
}

/** The one statement behind a leaderboard page: its rows, and the scope's totals beside each. */
export function leaderboardQuery(db: Kysely<DB>, query: LeaderboardQuery) {
  const totals = scopeTotals(db, query);
  const rows = figuresQuery(db)
    .where(inScope("f", query))
    // Read in the same statement (one probe each, once): one round trip per page.
    .select([totals.select("t.organisations").as("scope_total"), totals.select("t.ranked").as("scope_ranked")])
    // Ranked organisations first, then the rest, each in the chosen order.
    .orderBy(sql`f.ranked desc, ${sql.raw(LEADERBOARD_SORTS[query.sort].order)}`);
  return query.page === null ? rows : rows.limit(PAGE_SIZE).offset((query.page - 1) * PAGE_SIZE);
}

export async function leaderboard(db: Kysely<DB>, query: LeaderboardQuery): Promise<Leaderboard> {
  // How many organisations the scope lists and ranks, kept by triggers on
  // company_figures (migrations/0005), so no request counts 10,000 rows. A
  // merged organisation has no stories left, so the figures worker removes its
  // rows (within the same 2 s as any other change).
  const offset = query.page === null ? 0 : (query.page - 1) * PAGE_SIZE;
  const found = await leaderboardQuery(db, query).execute();
  // Past the last page, or an empty scope: the totals alone.
  const counts = found[0]
    ? { total: found[0].scope_total ?? 0, ranked: found[0].scope_ranked ?? 0 }
    : ((await scopeTotals(db, query).select(["t.organisations as total", "t.ranked"]).executeTakeFirst()) ?? { total: 0, ranked: 0 });
  const ranks = query.sort === "rank" ? null : await ranksOf(db, query, found.filter((r) => r.ranked).map((r) => r.company_id));
  return {
    rows: found.map((row, i) => toCompanyRow(row, !row.ranked ? null : ranks ? (ranks.get(row.company_id) ?? null) : offset + i + 1)),
    total: counts.total,
    rankedTotal: counts.ranked,
    pageCount: Math.max(1, Math.ceil(counts.total / PAGE_SIZE)),
  };
}

function scopeOf(db: Kysely<DB>, scope: Scope) {
  return withFigures(db).selectFrom("company_figures as f").where(inScope("f", scope));
}

/** The rank (position in the default order) of some ranked organisations, when the page is sorted otherwise. */
async function ranksOf(db: Kysely<DB>, query: LeaderboardQuery, companyIds: number[]): Promise<Map<number, number>> {
  if (companyIds.length === 0) return new Map();
  const positions = scopeOf(db, query)
    .innerJoin("organisations as o", "o.id", "f.company_id")
    .where("o.merged_into_id", "is", null)
    .where("f.ranked", "=", true)
    .select(["f.company_id", sql<number>`row_number() over (order by ${sql.raw(LEADERBOARD_SORTS.rank.order)})::integer`.as("rank")]);
  const rows = await db.selectFrom(positions.as("r")).selectAll().where("r.company_id", "in", companyIds).execute();
  return new Map(rows.map((r) => [r.company_id, r.rank]));
}

/** One organisation's figures over a period (every country and channel). */
export async function companyFigures(db: Kysely<DB>, companyId: number, period: Period): Promise<CompanyRow | undefined> {
  const row = await figuresQuery(db)
    .where("f.company_id", "=", companyId)
    .where("f.period", "=", period)
    .where("f.country", "=", "")
    .where("f.channel", "=", "")
    .executeTakeFirst();
  return row && toCompanyRow(row, null);
}

/** The home page's box: ranked organisations with the shortest median response, last 12 months. */
export async function fastestToAnswer(db: Kysely<DB>, limit = 5): Promise<CompanyRow[]> {
  const rows = await figuresQuery(db)
    .where("f.period", "=", "12m")
    .where("f.country", "=", "")
    .where("f.channel", "=", "")
    .where("f.ranked", "=", true)
    .where("f.median_seconds", "is not", null)
    .orderBy(sql`f.ranked desc, ${sql.raw(LEADERBOARD_SORTS.median.order)}`)
    .limit(limit)
    .execute();
  return rows.map((row, i) => toCompanyRow(row, i + 1));
}

/** The same figures by a plain full scan with GROUP BY: the reference the bench compares against. */
export function leaderboardByFullScan(db: Kysely<DB>, period: Period) {
  return db
    .selectFrom("stories as s")
    .where(inPeriod(period))
    .groupBy("s.company_id")
    .select([
      "s.company_id",
      figureSql.stories.as("stories"),
      figureSql.answeredIn30Days.as("answered_in_30_days"),
      figureSql.responseEligible.as("response_eligible"),
      figureSql.answered.as("answered"),
      figureSql.medianSeconds.as("median_seconds"),
      figureSql.p90Seconds.as("p90_seconds"),
      figureSql.resolved.as("resolved"),
      figureSql.closed.as("closed"),
    ]);
}
