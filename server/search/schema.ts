// The search URL's one validation step: whatever text arrives in ?q= becomes a
// query Postgres accepts; a page the pager never links to (not 1…MAX_PAGE) answers 400.
import { Type, type Static } from "@fastify/type-provider-typebox";
import { queryString } from "../lib/params.js";

/** Longer searches are cut here; the page says so. websearch syntax needs no more. */
export const MAX_QUERY_CHARS = 200;
/** Deeper pages cost more and nobody reads them; the pager stops here. */
export const MAX_PAGE = 50;

export interface SearchInput {
  /** The cleaned query; empty means "show the form only". */
  q: string;
  /** True when the query was longer than MAX_QUERY_CHARS and got cut. */
  truncated: boolean;
  page: number;
}

// Postgres text cannot hold NUL; other control characters and lone surrogates
// only confuse the parser, so they become spaces.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDFFF]/gu;

export function cleanQuery(raw: string): { q: string; truncated: boolean } {
  const cleaned = raw.replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_QUERY_CHARS) return { q: cleaned, truncated: false };
  // Cut between words: half a word would be a different word to the stemmer ("router" cut to "rout").
  let cut = chars.slice(0, MAX_QUERY_CHARS).join("");
  if (chars[MAX_QUERY_CHARS] !== " " && cut.includes(" ")) cut = cut.slice(0, cut.lastIndexOf(" "));
  return { q: cut.trim(), truncated: true };
}

// A repeated q (?q=a&q=b) is read as its first, like a browser's form would send one.
export const SearchQuerySchema = Type.Object({
  q: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE })),
});

export function parseSearch(query: Static<typeof SearchQuerySchema>): SearchInput {
  const { q, truncated } = cleanQuery(queryString(query.q) ?? "");
  return { q, truncated, page: query.page ?? 1 };
}
