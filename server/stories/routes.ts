// Reading stories: the front page list (sorts, filters, keyset paging) and the thread page.
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { fastestToAnswer } from "../companies/figures.js";
import { COUNTRIES } from "../lib/countries.js";
import { OUTCOMES, RESPONSE_BUCKETS } from "../lib/enums.js";
import { parseId } from "../lib/params.js";
import { isModerator } from "../moderation/guards.js";
import { storyPath } from "../lib/paths.js";
import { listReplies } from "../replies/queries.js";
import { MAX_INDENT, nestReplies } from "../replies/thread.js";
import { findOrganisationByNameOrSlug } from "../organisations/queries.js";
import { listUrl, parseListQuery, SORTS, type ListQuery, type Sort } from "./list-schema.js";
import { hasMeToo } from "./me-too.js";
import { describePath, findPath } from "./path.js";
import { findStory, listStories, type StoryPage } from "./queries.js";

export default async function storyRoutes(app: FastifyInstance) {
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

  app.get("/", async (request, reply) => {
    const query = parseListQuery(request.query as Record<string, unknown>);
    const { resolved, unknown, names } = await resolveFilters(query);
    const page: StoryPage = unknown.length ? { stories: [], nextAfter: null } : await listStories(app.db, resolved);
    const filtered = Object.values(query.filters).some(Boolean);
    return reply.view("stories/index.eta", {
      title: filtered ? "Escalation stories (filtered)" : "Escalation stories",
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

  async function showStory(request: FastifyRequest, reply: FastifyReply, slug: string | undefined) {
    const id = parseId((request.params as { id: string }).id);
    const story = id === undefined ? undefined : await findStory(app.db, id);
    if (!story) return reply.callNotFound();
    if (slug !== story.slug) return reply.redirect(storyPath(story), 301);
    const moderator = isModerator(request.user);
    if (story.hidden_at && !moderator) return reply.view("stories/hidden.eta", { title: "Hidden story", reason: story.hidden_reason });
    const [rows, meToo, path] = await Promise.all([
      listReplies(app.db, story.id),
      request.user ? hasMeToo(app.db, story.id, request.user.id) : Promise.resolve(false),
      findPath(app.db, story.id),
    ]);
    return reply.view("stories/show.eta", {
      title: story.title,
      story,
      path: describePath(story, path),
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

  app.get("/stories/:id", async (request, reply) => showStory(request, reply, undefined));
  app.get("/stories/:id/:slug", async (request, reply) => showStory(request, reply, (request.params as { slug: string }).slug));
}
