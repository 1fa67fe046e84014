// /stories.json and /stories.csv: every visible story and its path, with the
// front page's filters and order, a keyset page at a time; /openapi.json
// describes the JSON endpoints. The licence and the definitions travel with the data.
import { Type, type Static, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { toCsv } from "../companies/csv.js";
import { findOrganisationByNameOrSlug } from "../organisations/queries.js";
import { listUrl, ListQuerySchema, parseListQuery, type ListQuery } from "../stories/list-schema.js";
import { openApiDocument } from "./openapi.js";
import { CSV_HEADER, csvRows, DEFAULT_LIMIT, definitions, LICENCE, MAX_LIMIT, openStories } from "./stories.js";

/** The front page's query (a malformed sort, cursor or filter answers 400), and the page size as /openapi.json states it. */
const OpenStoriesQuery = Type.Object({ ...ListQuerySchema.properties, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT })) });
const openStoriesSchema = { schema: { querystring: OpenStoriesQuery } };

export default async function openDataRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  /** The list's query, organisations resolved by any spelling (an unknown one matches nothing), and the page size. */
  async function readQuery(raw: Static<typeof OpenStoriesQuery>): Promise<{ query: ListQuery; limit: number; unknown: boolean }> {
    const query = parseListQuery(raw);
    const limit = raw.limit ?? DEFAULT_LIMIT;
    let unknown = false;
    const resolve = async (text: string | undefined) => {
      if (!text) return undefined;
      const found = await findOrganisationByNameOrSlug(app.db, text);
      if (!found) unknown = true;
      return found?.slug;
    };
    const [company, otherParty] = await Promise.all([resolve(query.filters.company), resolve(query.filters.otherParty)]);
    return { query: { ...query, filters: { ...query.filters, company, otherParty } }, limit, unknown };
  }

  const nextHref = (base: string, query: ListQuery, limit: number, after: number | null) => {
    if (after === null) return null;
    const href = listUrl({ ...query, after }, base);
    return limit === DEFAULT_LIMIT ? href : `${href}&limit=${limit}`;
  };

  app.get("/stories.json", openStoriesSchema, async (request, reply) => {
    const { query, limit, unknown } = await readQuery(request.query);
    const page = unknown ? { stories: [], nextAfter: null } : await openStories(app.db, query, limit);
    const { t, paths } = request.i18n;
    // The next page keeps the language of this one (/de/stories.json words its definitions in German).
    const next = nextHref(paths.to("/stories.json"), query, limit, page.nextAfter);
    reply.header("link", [`<${LICENCE.url}>; rel="license"`, '</openapi.json>; rel="describedby"', ...(next ? [`<${next}>; rel="next"`] : [])].join(", "));
    return reply.send({
      licence: { ...LICENCE, attribution: t.openData.attribution },
      description: t.openData.storiesDescription,
      filters: { company: query.filters.company ?? null, other_party: query.filters.otherParty ?? null, outcome: query.filters.outcome ?? null, response: query.filters.bucket ?? null, country: query.filters.country ?? null },
      sort: query.sort,
      definitions: definitions(t),
      stories: page.stories,
      next,
    });
  });

  app.get("/stories.csv", openStoriesSchema, async (request, reply) => {
    const { query, limit, unknown } = await readQuery(request.query);
    const page = unknown ? { stories: [], nextAfter: null } : await openStories(app.db, query, limit);
    const next = nextHref("/stories.csv", query, limit, page.nextAfter);
    const links = [`<${LICENCE.url}>; rel="license"`, '</stories.json>; rel="describedby"', ...(next ? [`<${next}>; rel="next"`] : [])];
    return reply
      .type("text/csv; charset=utf-8; header=present")
      .header("content-disposition", 'attachment; filename="escalator-stories.csv"')
      .header("link", links.join(", "))
      .send(toCsv(CSV_HEADER, csvRows(page.stories)));
  });

  app.get("/openapi.json", async (_request, reply) => reply.send(openApiDocument()));
}
