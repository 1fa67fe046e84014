// The open data: the leaderboard's rows with the window and the definitions,
// as JSON and as CSV. Both read the same leaderboard() as the page.
import { TWELVE_MONTHS_HOURS } from "./rules.js";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { toCsv } from "./csv.js";
import { DEFINITIONS, leaderboard, MIN_RANKED_STORIES, PERIODS, type CompanyRow, type LeaderboardQuery } from "./figures.js";

const HOUR = 3_600_000;

export interface ExportWindow {
  key: LeaderboardQuery["period"];
  label: string;
  /** Escalated after this moment (ISO 8601); null for all time. */
  from: string | null;
  to: string;
}

export function exportWindow(period: LeaderboardQuery["period"], now = new Date()): ExportWindow {
  return { key: period, label: PERIODS[period], from: period === "12m" ? new Date(now.getTime() - TWELVE_MONTHS_HOURS * HOUR).toISOString() : null, to: now.toISOString() };
}

const exportRow = (row: CompanyRow) => ({
  rank: row.rank,
  organisation: row.name,
  slug: row.slug,
  stories: row.stories,
  answered_within_30_days: row.answeredIn30Days,
  response_eligible: row.responseEligible,
  response_rate: row.responseRate,
  response_rate_lower_bound: row.responseLowerBound,
  answered: row.answered,
  median_response_seconds: row.medianSeconds,
  p90_response_seconds: row.p90Seconds,
  resolved: row.resolved,
  closed: row.closed,
  resolution_rate: row.resolutionRate,
  resolution_rate_lower_bound: row.resolutionLowerBound,
});

export async function exportJson(db: Kysely<DB>, query: LeaderboardQuery) {
  const board = await leaderboard(db, { ...query, page: null });
  return {
    window: exportWindow(query.period),
    filters: { country: query.country || null, channel: query.channel || null },
    sort: query.sort,
    minimum_stories_to_rank: MIN_RANKED_STORIES,
    definitions: DEFINITIONS.map(({ key, term, text }) => ({ key, term, definition: text })),
    organisations: board.rows.map(exportRow),
  };
}

export async function exportCsv(db: Kysely<DB>, query: LeaderboardQuery): Promise<string> {
  const board = await leaderboard(db, { ...query, page: null });
  const window = exportWindow(query.period);
  const rows = board.rows.map(exportRow);
  const header = ["window", "window_from", "window_to", "country", "channel", ...Object.keys(exportRow(emptyRow))];
  return toCsv(header, rows.map((r) => [window.key, window.from, window.to, query.country || null, query.channel || null, ...Object.values(r)]));
}

const emptyRow: CompanyRow = {
  companyId: 0, slug: "", name: "", stories: 0, answeredIn30Days: 0, responseEligible: 0, responseRate: null, answered: 0,
  medianSeconds: null, p90Seconds: null, resolved: 0, closed: 0, resolutionRate: null, responseLowerBound: null,
  resolutionLowerBound: null, ranked: false, rank: null,
};
