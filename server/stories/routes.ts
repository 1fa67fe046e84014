// Reading stories: the front page list (sorts, filters, keyset paging) and the thread page.
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { COUNTRIES } from "../lib/countries.js";
import { OUTCOMES, RESPONSE_BUCKETS } from "../lib/enums.js";
import { parseId } from "../lib/params.js";
import { storyPath } from "../lib/paths.js";
import { listReplies } from "../replies/queries.js";
import { MAX_INDENT, nestReplies } from "../replies/thread.js";
import { listUrl, parseListQuery, SORTS } from "./list-schema.js";
import { hasMeToo } from "./me-too.js";
import { findStory, listStories } from "./queries.js";

export default async function storyRoutes(app: FastifyInstance) {
  app.get("/", async (request, reply) => {
    const query = parseListQuery(request.query as Record<string, unknown>);
    const page = await listStories(app.db, query);
    const filtered = Object.values(query.filters).some(Boolean);
    return reply.view("stories/index.eta", {
      title: filtered ? "Escalation stories (filtered)" : "Escalation stories",
      page,
      query,
      sorts: Object.entries(SORTS).map(([key, label]) => ({ key, label, href: listUrl({ ...query, sort: key as keyof typeof SORTS, after: undefined }), current: key === query.sort })),
      firstPageHref: query.after !== undefined ? listUrl({ ...query, after: undefined }) : null,
      nextHref: page.nextAfter !== null ? listUrl({ ...query, after: page.nextAfter }) : null,
      options: { outcomes: Object.entries(OUTCOMES), buckets: Object.entries(RESPONSE_BUCKETS), countries: [...COUNTRIES] },
    });
  });

  async function showStory(request: FastifyRequest, reply: FastifyReply, slug: string | undefined) {
    const id = parseId((request.params as { id: string }).id);
    const story = id === undefined ? undefined : await findStory(app.db, id);
    if (!story || story.hidden_at) return reply.callNotFound();
    if (slug !== story.slug) return reply.redirect(storyPath(story), 301);
    const [rows, meToo] = await Promise.all([
      listReplies(app.db, story.id),
      request.user ? hasMeToo(app.db, story.id, request.user.id) : Promise.resolve(false),
    ]);
    return reply.view("stories/show.eta", {
      title: story.title,
      story,
      replies: nestReplies(rows),
      maxIndent: MAX_INDENT,
      viewerId: request.user?.id ?? null,
      isAuthor: request.user?.id === story.author_id,
      meToo,
      submissionKey: request.user ? randomUUID() : null,
      loginHref: `/login?next=${encodeURIComponent(storyPath(story))}`,
    });
  }

  app.get("/stories/:id", async (request, reply) => showStory(request, reply, undefined));
  app.get("/stories/:id/:slug", async (request, reply) => showStory(request, reply, (request.params as { slug: string }).slug));
}
