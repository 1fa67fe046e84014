// /search?q=: the form, and ranked results with highlighted snippets.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { siteFeed } from "../feeds/links.js";
import type { Paths } from "../lib/paths.js";
import { findOrganisationByNameOrSlug } from "../organisations/queries.js";
import { searchStories, SEARCH_PAGE_SIZE, type SearchRow } from "./queries.js";
import { MAX_PAGE, MAX_QUERY_CHARS, parseSearch, SearchQuerySchema } from "./schema.js";
import { highlight, markdownToSnippetText, newMarkers, type Markers } from "./snippets.js";

export interface SearchResult {
  row: SearchRow;
  href: string;
  /** Escaped HTML with <mark> around matches; safe to print raw. */
  titleHtml: string;
  snippetHtml: string;
  /** Set when the snippet comes from a reply: that reply's permalink. */
  replyHref: string | null;
}

function present(row: SearchRow, markers: Markers, paths: Paths): SearchResult {
  return {
    row,
    href: paths.story(row),
    titleHtml: highlight(row.title_headline, markers),
    snippetHtml: highlight(markdownToSnippetText(row.snippet_headline), markers),
    replyHref: row.reply_id === null ? null : paths.reply(row, row.reply_id),
  };
}


export default async function searchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get("/search", { schema: { querystring: SearchQuerySchema } }, async (request, reply) =>
    app.sendPage(request, reply, "search/index.eta", async () => {
      const search = parseSearch(request.query);
      const markers = newMarkers();
      // A query that is an organisation's name or alias ("ATT") finds its stories too.
      const organisation = search.q ? await findOrganisationByNameOrSlug(app.db, search.q) : undefined;
      const found = search.q ? await searchStories(app.db, { text: search.q, page: search.page, markers, organisationId: organisation?.id ?? null }) : null;
      // Paging stops at MAX_PAGE: a link past it would show the same page again.
      const lastPage = search.page >= MAX_PAGE;
      const { t, paths } = request.i18n;
      const nextHref = found?.hasMore && !lastPage ? paths.to(`/search?${new URLSearchParams({ q: search.q, page: String(search.page + 1) })}`) : null;
      return {
        title: search.q ? t.search.titleFor(search.q) : t.search.title,
        alternateFeeds: [siteFeed(request.i18n)],
        search,
        maxQueryChars: MAX_QUERY_CHARS,
        results: found?.results.map((row) => present(row, markers, paths)) ?? null,
        firstNumber: (search.page - 1) * SEARCH_PAGE_SIZE + 1,
        total: found?.total ?? null,
        nextHref,
        moreThanShown: found?.hasMore && lastPage ? MAX_PAGE * SEARCH_PAGE_SIZE : null,
      };
    }),
  );
}
