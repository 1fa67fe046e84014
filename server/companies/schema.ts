// The leaderboard's and company pages' query strings, declared once: a window,
// sort, page, country or channel the pages never link to answers 400 with the
// friendly page (plugins/errors.ts), a malformed slug 404; no lenient default.
import { Type, type Static } from "@fastify/type-provider-typebox";
import { COUNTRIES } from "../lib/countries.js";
import { CHANNELS } from "../lib/enums.js";
import { OptionalId, SlugParams } from "../lib/schemas.js";
import { LEADERBOARD_SORTS, type LeaderboardQuery, type Period } from "./figures.js";

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

const Window = Type.Optional(Type.Enum(["12m", "all"] satisfies Period[]));
/** 1-based; no listing has more pages. */
const Page = Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 }));
// "" is the filter form's "any"; a code in either case, as links and hand-typed addresses carry it.
const codes = [...COUNTRIES.keys()];
const Country = Type.Optional(Type.Enum(["", ...codes, ...codes.map((c) => c.toLowerCase())]));
const Channel = Type.Optional(Type.Enum(["", ...keys(CHANNELS)]));
const Sort = Type.Optional(Type.Enum(keys(LEADERBOARD_SORTS)));

export const LeaderboardQuerySchema = Type.Object({ window: Window, country: Country, channel: Channel, sort: Sort, page: Page });
export const leaderboardSchema = { schema: { querystring: LeaderboardQuerySchema } };
export const companySchema = { schema: { params: SlugParams, querystring: Type.Object({ window: Window, after: OptionalId }) } };
export const companyWindowSchema = { schema: { params: SlugParams, querystring: Type.Object({ window: Window }) } };
export const windowSchema = { schema: { querystring: Type.Object({ window: Window }) } };
export const pagedSchema = { schema: { querystring: Type.Object({ window: Window, page: Page }) } };
export const pagedCompanySchema = { schema: { params: SlugParams, querystring: Type.Object({ window: Window, page: Page }) } };

export function parseLeaderboardQuery(query: Static<typeof LeaderboardQuerySchema>): LeaderboardQuery & { page: number } {
  return {
    period: query.window ?? "12m",
    country: query.country?.toUpperCase() ?? "",
    channel: query.channel ?? "",
    sort: query.sort ?? "rank",
    page: query.page ?? 1,
  };
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
