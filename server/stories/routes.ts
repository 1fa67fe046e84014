// Reading stories: the front page list and the thread page.
import type { FastifyInstance } from "fastify";
import { parseId, queryString } from "../lib/params.js";
import { storyPath } from "../lib/paths.js";
import { listReplies } from "../replies/queries.js";
import { MAX_INDENT, nestReplies } from "../replies/thread.js";
import { findStory, listStories } from "./queries.js";

export default async function storyRoutes(app: FastifyInstance) {
  app.get("/", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const after = parseId(queryString(query.after));
    const page = await listStories(app.db, { after });
    return reply.view("stories/index.eta", {
      title: after ? "Older escalation stories" : "Escalation stories",
      page,
      isFirstPage: after === undefined,
    });
  });

  async function showStory(id: number | undefined, slug: string | undefined, reply: import("fastify").FastifyReply) {
    const story = id === undefined ? undefined : await findStory(app.db, id);
    if (!story || story.hidden_at) return reply.callNotFound();
    if (slug !== story.slug) return reply.redirect(storyPath(story), 301);
    const replies = nestReplies(await listReplies(app.db, story.id));
    return reply.view("stories/show.eta", { title: story.title, story, replies, maxIndent: MAX_INDENT });
  }

  app.get("/stories/:id", async (request, reply) => {
    const params = request.params as { id: string };
    return showStory(parseId(params.id), undefined, reply);
  });

  app.get("/stories/:id/:slug", async (request, reply) => {
    const params = request.params as { id: string; slug: string };
    return showStory(parseId(params.id), params.slug, reply);
  });
}
