// Reading stories: the front page list (sorts, filters, keyset paging) and the thread page.
import { randomUUID } from "node:crypto";
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isModerator } from "../accounts/guards.js";
import { fastestToAnswer } from "../companies/figures.js";
import { COUNTRIES } from "../lib/countries.js";
import { OUTCOMES, RESPONSE_BUCKETS } from "../lib/enums.js";
import { listRevisions } from "../lib/revisions.js";
import { IdParams, Slug } from "../lib/schemas.js";
import { storyPath } from "../lib/paths.js";
import { listMeta, storyMeta } from "../seo/meta.js";
import { listReplies } from "../replies/queries.js";
import { MAX_INDENT, nestReplies } from "../replies/thread.js";
import { findOrganisationByNameOrSlug } from "../organisations/queries.js";
import { ListQuerySchema, listUrl, parseListQuery, SORTS, type ListQuery, type Sort } from "./list-schema.js";
import { hasMeToo } from "./me-too.js";
import { findStory, listStories, type StoryPage } from "./queries.js";

export default async function storyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  /** Filters name organisations by any spelling; unknown names match nothing and say so. */
  async function resolveFilters(query: ListQuery) {
    const unknown: string[] = [];
    const resolve = async (text: string | undefined) => {
      if (!text) return { slug: undefined, name: undefined };
      const found = await findOrganisationByNameOrSlug(app.db, text);
      if (!found) unknown.push(text);
      return { slug: found?.slug, name: found?.name ?? text };
    };
    const [company, otherParty] = await Promise.all([resolve(query.filters.company), resolve(query.filters.otherParty)]);
    const resolved: ListQuery = { ...query, filters: { ...query.filters, company: company.slug, otherParty: otherParty.slug } };
    return { resolved, unknown, names: { company: company.name ?? "", otherParty: otherParty.name ?? "" } };
  }

  app.get("/", { schema: { querystring: ListQuerySchema } }, async (request, reply) => {
    const query = parseListQuery(request.query);
    const { resolved, unknown, names } = await resolveFilters(query);
    const page: StoryPage = unknown.length ? { stories: [], nextAfter: null } : await listStories(app.db, resolved);
    const filtered = Object.values(query.filters).some(Boolean);
    return reply.view("stories/index.eta", {
      title: filtered ? "Escalation stories (filtered)" : "Escalation stories",
      meta: filtered || query.after !== undefined ? undefined : listMeta("/", "Escalation stories: whom customers wrote to when a company would not help, who answered, how fast, and who fixed it."),
      page,
      query: resolved,
      filtered,
      unknown,
      names,
      sorts: Object.entries(SORTS).map(([key, label]) => ({ key, label, href: listUrl({ ...resolved, sort: key as Sort, after: undefined }), current: key === query.sort })),
      firstPageHref: query.after !== undefined ? listUrl({ ...resolved, after: undefined }) : null,
      nextHref: page.nextAfter !== null ? listUrl({ ...resolved, after: page.nextAfter }) : null,
      clearHref: listUrl({ sort: query.sort, filters: {} }),
      options: { outcomes: Object.entries(OUTCOMES), buckets: Object.entries(RESPONSE_BUCKETS), countries: [...COUNTRIES] },
      alternateFeeds: [{ title: "Newest escalation stories", href: "/feed.xml" }],
      // Only on the unfiltered first page: the front door, not every list view.
      fastest: !filtered && query.after === undefined ? await fastestToAnswer(app.db, 5) : [],
    });
  });

  async function showStory(request: FastifyRequest, reply: FastifyReply, id: number, slug: string | undefined) {
    const story = await findStory(app.db, id);
    if (!story) return reply.callNotFound();
    if (slug !== story.slug) return reply.redirect(storyPath(story), 301);
    const moderator = isModerator(request.user);
    if (story.hidden_at && !moderator) return reply.view("stories/hidden.eta", { title: "Hidden story", reason: story.hidden_reason });
    const [rows, meToo] = await Promise.all([
      listReplies(app.db, story.id),
      request.user ? hasMeToo(app.db, story.id, request.user.id) : Promise.resolve(false),
    ]);
    return reply.view("stories/show.eta", {
      title: story.title,
      meta: storyMeta(story),
      story,
      replies: nestReplies(rows),
      maxIndent: MAX_INDENT,
      viewerId: request.user?.id ?? null,
      isAuthor: request.user?.id === story.author_id,
      isModerator: moderator,
      meToo,
      submissionKey: request.user ? randomUUID() : null,
      // Only members see forms here; a logged-out page stays free of cookies.
      csrfToken: request.user ? reply.csrfToken() : null,
      loginHref: `/login?next=${encodeURIComponent(storyPath(story))}`,
    });
  }

  app.get("/stories/:id", { schema: { params: IdParams } }, async (request, reply) => showStory(request, reply, request.params.id, undefined));
  app.get("/stories/:id/:slug", { schema: { params: Type.Object({ id: IdParams.properties.id, slug: Slug }) } }, async (request, reply) =>
    showStory(request, reply, request.params.id, request.params.slug),
  );

  app.get("/stories/:id/revisions", { schema: { params: IdParams } }, async (request, reply) => {
    const story = await findStory(app.db, request.params.id);
    if (!story || story.hidden_at) return reply.callNotFound();
    const revisions = await listRevisions(app.db, { story_id: story.id }, { moderatorsOnly: false });
    return reply.view("stories/revisions.eta", { title: `Earlier versions of “${story.title}”`, story, revisions });
  });


}
