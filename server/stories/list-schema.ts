// The front page's URL: sort, filters and cursor, parsed so that anything a URL
// can carry gives a page (unknown values are ignored), and written back for links.
import { isKey, OUTCOMES, RESPONSE_BUCKETS, type Outcome, type ResponseBucket } from "../lib/enums.js";
import { isCountry } from "../lib/countries.js";
import { parseId, queryString } from "../lib/params.js";

export const SORTS = { new: "Newest", active: "Active", top: "Most “me too”" } as const;
export type Sort = keyof typeof SORTS;

export interface StoryFilters {
  company?: string; // organisation slug once resolved (any spelling of its name before)
  otherParty?: string;
  outcome?: Outcome;
  bucket?: ResponseBucket;
  country?: string;
}

export interface ListQuery {
  sort: Sort;
  filters: StoryFilters;
  after?: number;
}

// An organisation as typed or linked: a slug or any spelling of a name; the route resolves it.
const organisation = (raw: unknown) => {
  const value = queryString(raw)?.replace(/\0/g, "").trim().slice(0, 100);
  return value || undefined;
};

export function parseListQuery(query: Record<string, unknown>): ListQuery {
  const sort = queryString(query.sort);
  const outcome = queryString(query.outcome);
  const bucket = queryString(query.response);
  const country = queryString(query.country)?.toUpperCase();
  return {
    sort: isKey(SORTS, sort) ? sort : "new",
    after: parseId(queryString(query.after)),
    filters: {
      company: organisation(query.company),
      otherParty: organisation(query.other_party),
      outcome: isKey(OUTCOMES, outcome) ? outcome : undefined,
      bucket: isKey(RESPONSE_BUCKETS, bucket) ? bucket : undefined,
      country: country && isCountry(country) ? country : undefined,
    },
  };
}

/** The front page URL for these filters and sort (and cursor), with empty parts left out. */
export function listUrl(query: { sort: Sort; filters: StoryFilters; after?: number }, base = "/"): string {
  const params = new URLSearchParams();
  const f = query.filters;
  if (f.company) params.set("company", f.company);
  if (f.otherParty) params.set("other_party", f.otherParty);
  if (f.outcome) params.set("outcome", f.outcome);
  if (f.bucket) params.set("response", f.bucket);
  if (f.country) params.set("country", f.country);
  if (query.sort !== "new") params.set("sort", query.sort);
  if (query.after !== undefined) params.set("after", String(query.after));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
