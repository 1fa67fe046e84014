// The leaderboard's and company page's query strings → typed values. Anything
// unknown or malformed falls back to the default: a bad link never fails.
import { CHANNELS, isKey } from "../lib/enums.js";
import { parseId, queryString } from "../lib/params.js";
import { SORTS, type LeaderboardQuery, type Period, type Sort } from "./figures.js";

type Query = Partial<Record<string, string>>;

export function parsePeriod(raw: unknown): Period {
  return queryString(raw) === "all" ? "all" : "12m";
}

function parsePage(raw: unknown): number {
  const page = parseId(queryString(raw));
  return page !== undefined && page <= 100_000 ? page : 1;
}

export function parseLeaderboardQuery(query: Query): LeaderboardQuery & { page: number } {
  const country = queryString(query.country)?.toUpperCase() ?? "";
  const channel = queryString(query.channel) ?? "";
  const sort = queryString(query.sort);
  return {
    period: parsePeriod(query.window),
    country: /^[A-Z]{2}$/.test(country) ? country : "",
    channel: isKey(CHANNELS, channel) ? channel : "",
    sort: isKey(SORTS, sort) ? (sort as Sort) : "rank",
    page: parsePage(query.page),
  };
}

export function parseCompanyQuery(query: Query): { period: Period; after: number | undefined } {
  return { period: parsePeriod(query.window), after: parseId(queryString(query.after)) };
}

export function parsePartiesQuery(query: Query): { period: Period; page: number } {
  return { period: parsePeriod(query.window), page: parsePage(query.page) };
}

/** A leaderboard address with some parameters changed; defaults are left out of the URL. */
export function leaderboardHref(base: string, current: LeaderboardQuery, change: Partial<LeaderboardQuery>): string {
  const next = { ...current, ...change };
  const params = new URLSearchParams();
  if (next.period !== "12m") params.set("window", next.period);
  if (next.country) params.set("country", next.country);
  if (next.channel) params.set("channel", next.channel);
  if (next.sort !== "rank") params.set("sort", next.sort);
  if (next.page !== null && next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
