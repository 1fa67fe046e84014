// /u/:username: one member's stories and replies.
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { OptionalId, UsernameParams } from "../lib/schemas.js";
import { findProfile, listUserReplies, listUserStories } from "./queries.js";

// Longer than any username can be (accounts/schema.ts allows 30); Postgres text cannot hold NUL.
const plausibleUsername = (name: string) => name.length > 0 && name.length <= 100 && !name.includes("\u0000");

const userPageSchema = { params: UsernameParams, querystring: Type.Object({ stories_after: OptionalId, replies_after: OptionalId }) };

export default async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get("/u/:username", { schema: userPageSchema }, async (request, reply) => {
    const { username } = request.params;
    const user = plausibleUsername(username) ? await findProfile(app.db, username) : undefined;
    if (!user) return reply.callNotFound();

    const { paths } = request.i18n;
    const storiesAfter = request.query.stories_after;
    const repliesAfter = request.query.replies_after;
    const [stories, replies] = [await listUserStories(app.db, user.id, { after: storiesAfter }), await listUserReplies(app.db, user.id, { after: repliesAfter })];

    // Each list pages on its own: a link moves one cursor and keeps the other.
    const pageHref = (cursors: { stories_after?: number; replies_after?: number }) => {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(cursors)) if (value !== undefined) params.set(name, String(value));
      const search = params.toString();
      return paths.user(user) + (search ? `?${search}` : "");
    };
    return reply.view("users/show.eta", {
      title: user.username,
      user,
      stories: stories.items,
      replies: replies.items.map((r) => ({ ...r, href: paths.reply({ id: r.story_id, slug: r.story_slug }, r.id) })),
      isFirstPage: storiesAfter === undefined && repliesAfter === undefined,
      firstHref: paths.user(user),
      olderStoriesHref: stories.nextAfter === null ? null : pageHref({ stories_after: stories.nextAfter, replies_after: repliesAfter }),
      olderRepliesHref: replies.nextAfter === null ? null : pageHref({ stories_after: storiesAfter, replies_after: replies.nextAfter }),
    });
  });
}
