// Reading stories: the front page list (sorts, filters, keyset paging) and the thread page.
import { Type, type Static, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isModerator } from "../accounts/guards.js";
import { fastestToAnswer } from "../companies/figures.js";
import { listRevisions } from "./revisions.js";
import { IdParams, OptionalId, Slug } from "../lib/schemas.js";
import { storyPath } from "../lib/paths.js";
import { listMeta } from "../seo/meta.js";
import { findPageStart, listOfficialReplies } from "../replies/queries.js";
import { findOrganisationByNameOrSlug } from "../organisations/queries.js";
import { ListQuerySchema, listUrl, parseListQuery, SORT_KEYS, type ListQuery } from "./list-schema.js";
import { findStory, findThreadHead, listStories, type StoryPage } from "./queries.js";
import { singleFlight } from "../lib/single-flight.js";
import { threadPages } from "./thread-page.js";

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

  app.get("/", { schema: { querystring: ListQuerySchema } }, async (request, reply) =>
    app.sendPage(request, reply, "stories/index.eta", async () => {
      const query = parseListQuery(request.query);
      const { resolved, unknown, names } = await resolveFilters(query);
      const page: StoryPage = unknown.length ? { stories: [], nextAfter: null } : await listStories(app.db, resolved);
      const filtered = Object.values(query.filters).some(Boolean);
      const { t, fmt, paths } = request.i18n;
      const href = (q: Parameters<typeof listUrl>[0]) => paths.to(listUrl(q));
      return {
        title: filtered ? t.stories.list.titleFiltered : t.stories.list.title,
        meta: filtered || query.after !== undefined ? undefined : listMeta("/", t.stories.list.description),
        page,
        query: resolved,
        filtered,
        unknown,
        names,
        sorts: SORT_KEYS.map((key) => ({ key, label: t.stories.list.sorts[key], href: href({ ...resolved, sort: key, after: undefined }), current: key === query.sort })),
        firstPageHref: query.after !== undefined ? href({ ...resolved, after: undefined }) : null,
        nextHref: page.nextAfter !== null ? href({ ...resolved, after: page.nextAfter }) : null,
        clearHref: href({ sort: query.sort, filters: {} }),
        options: { outcomes: Object.entries(t.enums.outcome), buckets: Object.entries(t.enums.bucket), countries: fmt.countries() },
        alternateFeeds: [{ title: t.stories.list.feedTitle, href: paths.feed() }],
        // Only on the unfiltered first page: the front door, not every list view.
        fastest: !filtered && query.after === undefined ? await fastestToAnswer(app.db, 5) : [],
      };
    }),
  );

  const sendThreadPage = threadPages(app);
  // A burst of visitors to one thread reads its version once. Only requests without
  // cookies share: a member who just wrote must see their own write.
  const sharedHead = singleFlight((id: number) => findThreadHead(app.db, id));
  const threadQuery = Type.Object({ after: OptionalId, reply: OptionalId });

  async function showStory(request: FastifyRequest, reply: FastifyReply, params: { id: number; slug?: string }, query: Static<typeof threadQuery>) {
    const head = await (request.headers.cookie ? findThreadHead(app.db, params.id, request.user?.id) : sharedHead(params.id));
    if (!head) return reply.callNotFound();
    if (params.slug !== head.slug) return reply.redirect(storyPath(head), 301);
    const moderator = isModerator(request.user);
    if (head.hidden_at && !moderator) return reply.view("stories/hidden.eta", { title: request.i18n.t.stories.hidden.title, reason: head.hidden_reason });
    // A permalink (?reply=) shows the page that holds the reply; ?after= is the next-page link.
    const replyId = query.reply;
    const after = replyId !== undefined
      ? await findPageStart(app.db, head.id, (await listOfficialReplies(app.db, head.id)).map((o) => o.root), replyId)
      : (query.after ?? null);
    const audience = !request.user ? "visitor" : moderator ? "moderator" : "member";
    if (!(await sendThreadPage(request, reply, head, after, audience))) return reply.callNotFound();
    return reply;
  }

  app.get("/stories/:id", { schema: { params: IdParams, querystring: threadQuery } }, async (request, reply) =>
    showStory(request, reply, request.params, request.query));
  app.get("/stories/:id/:slug", { schema: { params: Type.Object({ id: IdParams.properties.id, slug: Slug }), querystring: threadQuery } }, async (request, reply) =>
    showStory(request, reply, request.params, request.query));

  app.get("/stories/:id/revisions", { schema: { params: IdParams } }, async (request, reply) => {
    const story = await findStory(app.db, request.params.id);
    if (!story || story.hidden_at) return reply.callNotFound();
    const revisions = await listRevisions(app.db, { story_id: story.id }, { moderatorsOnly: false });
    return reply.view("stories/revisions.eta", { title: request.i18n.t.stories.revisions.title(story.title), story, revisions });
  });

}
