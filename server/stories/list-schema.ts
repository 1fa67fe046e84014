// The front page's URL: sort, filters and cursor, parsed so that anything a URL
// can carry gives a page (unknown values are ignored), and written back for links.
import { Type, type Static } from "@fastify/type-provider-typebox";
import { OUTCOMES, RESPONSE_BUCKETS, type Outcome, type ResponseBucket } from "../lib/enums.js";
import { isCountry } from "../lib/countries.js";
import { cleanText } from "../lib/form.js";
import { OneOf, OptionalId, QueryText } from "../lib/schemas.js";

/** The front page's orders, as the URL names them; their labels are in the catalogues (stories.list.sorts). */
export const SORT_KEYS = ["new", "active", "top"] as const;
export type Sort = (typeof SORT_KEYS)[number];

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

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

/** The front page's query string; a malformed sort, cursor or filter answers 400. Empty filters (a form's "any") are absent. */
export const ListQuerySchema = Type.Object({
  sort: Type.Optional(OneOf(SORT_KEYS)),
  after: OptionalId,
  company: QueryText,
  other_party: QueryText,
  outcome: Type.Optional(Type.Union([OneOf(keys(OUTCOMES)), Type.Literal("")])),
  response: Type.Optional(Type.Union([OneOf(keys(RESPONSE_BUCKETS)), Type.Literal("")])),
  country: QueryText,
});

// An organisation as typed or linked: a slug or any spelling of a name; the route resolves it.
const organisation = (raw: string | undefined) => cleanText(raw).slice(0, 100) || undefined;

export function parseListQuery(query: Static<typeof ListQuerySchema>): ListQuery {
  const country = cleanText(query.country).toUpperCase();
  return {
    sort: query.sort ?? "new",
    after: query.after,
    filters: {
      company: organisation(query.company),
      otherParty: organisation(query.other_party),
      outcome: query.outcome || undefined,
      bucket: query.response || undefined,
      // An unknown country matches nothing; the form offers only known ones.
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
