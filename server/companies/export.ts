// The open data: the leaderboard's rows with the window and the definitions,
// as JSON and as CSV. Both read the same leaderboard() as the page. Keys and
// values are the same in every language; the words (the window's label, the
// definitions) are the catalogue's of the URL's language (/de/companies.json).
import { TWELVE_MONTHS_HOURS } from "./rules.js";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { Messages } from "../i18n/index.js";
import { toCsv } from "./csv.js";
import { DEFINITION_KEYS, leaderboard, MIN_RANKED_STORIES, type CompanyRow, type LeaderboardQuery } from "./figures.js";

const HOUR = 3_600_000;

export interface ExportWindow {
  key: LeaderboardQuery["period"];
  label: string;
  /** Escalated after this moment (ISO 8601); null for all time. */
  from: string | null;
  to: string;
}

/** The window's moments; the JSON adds its name in the catalogue's language. */
function windowBounds(period: LeaderboardQuery["period"], now = new Date()): Pick<ExportWindow, "from" | "to"> {
  return { from: period === "12m" ? new Date(now.getTime() - TWELVE_MONTHS_HOURS * HOUR).toISOString() : null, to: now.toISOString() };
}

export function exportWindow(period: LeaderboardQuery["period"], t: Messages, now = new Date()): ExportWindow {
  return { key: period, label: t.companies.periods[period], ...windowBounds(period, now) };
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

/** The figures' definitions as the exports carry them, in the catalogue's language. */
export const figureDefinitions = (t: Messages) =>
  DEFINITION_KEYS.map((key) => ({ key, term: t.companies.definitions[key].term, definition: t.companies.definitions[key].text }));

export async function exportJson(db: Kysely<DB>, query: LeaderboardQuery, t: Messages) {
  const board = await leaderboard(db, { ...query, page: null });
  return {
    window: exportWindow(query.period, t),
    filters: { country: query.country || null, channel: query.channel || null },
    sort: query.sort,
    minimum_stories_to_rank: MIN_RANKED_STORIES,
    definitions: figureDefinitions(t),
    organisations: board.rows.map(exportRow),
  };
}

/** Language-neutral: keys and figures only (its definitions are the JSON's, which the Link header names). */
export async function exportCsv(db: Kysely<DB>, query: LeaderboardQuery): Promise<string> {
  const board = await leaderboard(db, { ...query, page: null });
  const window = windowBounds(query.period);
  const rows = board.rows.map(exportRow);
  const header = ["window", "window_from", "window_to", "country", "channel", ...Object.keys(exportRow(emptyRow))];
  return toCsv(header, rows.map((r) => [query.period, window.from, window.to, query.country || null, query.channel || null, ...Object.values(r)]));
}

const emptyRow: CompanyRow = {
  companyId: 0, slug: "", name: "", stories: 0, answeredIn30Days: 0, responseEligible: 0, responseRate: null, answered: 0,
  medianSeconds: null, p90Seconds: null, resolved: 0, closed: 0, resolutionRate: null, responseLowerBound: null,
  resolutionLowerBound: null, ranked: false, rank: null,
};
