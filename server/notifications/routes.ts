// A member's notifications: the list, visiting one (marks it read and goes to
// the reply), and marking one or all as read. Someone else's are not found.
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { memberOf } from "../accounts/guards.js";
import { IdParams, OptionalId } from "../lib/schemas.js";
import { replyPath, storyPath } from "../lib/paths.js";
import { findNotification, listNotifications, markAllRead, markRead } from "./queries.js";

const EXCERPT = 160;

function excerpt(markdown: string | null): string {
  if (!markdown) return "";
  // The reply's own words: quoted lines are left out, markdown marks kept as typed.
  const own = markdown.split("\n").filter((line) => !line.startsWith(">")).join(" ").replace(/\s+/g, " ").trim();
  return own.length > EXCERPT ? `${own.slice(0, EXCERPT - 1)}…` : own;
}

/** Registered behind the members' guard (app.ts). */
export default async function notificationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get("/notifications", { schema: { querystring: Type.Object({ before: OptionalId }) } }, async (request, reply) => {
    const user = memberOf(request);
    const before = request.query.before;
    const page = await listNotifications(app.db, user.id, before);
    const { t, paths } = request.i18n;
    return reply.view("notifications/index.eta", {
      title: t.notifications.title,
      notifications: page.notifications.map((n) => ({ ...n, words: t.notifications.describe(n.kind, n.parent_id === null), excerpt: excerpt(n.body_md), href: paths.to(`/notifications/${n.id}`) })),
      hasUnread: page.notifications.some((n) => !n.read_at),
      // "Mark all as read" covers what was shown and anything older, not what arrives meanwhile.
      upTo: before === undefined ? page.notifications[0]?.id : undefined,
      firstHref: before !== undefined ? paths.notifications() : null,
      nextHref: page.nextBefore !== null ? paths.to(`/notifications?before=${page.nextBefore}`) : null,
      csrfToken: reply.csrfToken(),
    });
  });

  app.get("/notifications/:id", { schema: { params: IdParams } }, async (request, reply) => {
    const user = memberOf(request);
    const found = await findNotification(app.db, user.id, request.params.id);
    if (!found) return reply.callNotFound();
    await markRead(app.db, user.id, found.id);
    const story = { id: found.story_id, slug: found.story_slug };
    return reply.redirect(found.reply_id === null ? storyPath(story) : replyPath(story, found.reply_id), 303);
  });

  app.post("/notifications/:id/read", { schema: { params: IdParams } }, async (request, reply) => {
    const user = memberOf(request);
    const found = await findNotification(app.db, user.id, request.params.id);
    if (!found) return reply.callNotFound();
    await markRead(app.db, user.id, found.id);
    return reply.redirect("/notifications", 303);
  });

  app.post("/notifications/read-all", { schema: { body: Type.Object({ up_to: OptionalId }) } }, async (request, reply) => {
    await markAllRead(app.db, memberOf(request).id, request.body.up_to);
    return reply.redirect("/notifications", 303);
  });
}
