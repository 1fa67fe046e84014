// A member's notifications: the list, visiting one (marks it read and goes to
// the reply), and marking one or all as read. Someone else's are not found.
import type { FastifyInstance } from "fastify";
import { requireUser } from "../accounts/guards.js";
import { field, type FormBody } from "../lib/form.js";
import { parseId, queryString } from "../lib/params.js";
import { replyPath, storyPath } from "../lib/paths.js";
import { findNotification, listNotifications, markAllRead, markRead, type NotificationRow } from "./queries.js";

const EXCERPT = 160;

function describe(n: NotificationRow): string {
  switch (n.kind) {
    case "quote":
      return "quoted you in";
    case "mention":
      return "mentioned you in";
    case "followed_story":
      return "replied in a story you follow,";
    case "story_timeline":
      return "updated the timeline of a story you follow,";
    case "company_story":
      return "posted about a company you follow:";
    case "company_official":
      return "answered officially, about a company you follow, in";
    default:
      return n.parent_id === null ? "replied to your story" : "replied to your reply in";
  }
}

function excerpt(markdown: string | null): string {
  if (!markdown) return "";
  // The reply's own words: quoted lines are left out, markdown marks kept as typed.
  const own = markdown.split("\n").filter((line) => !line.startsWith(">")).join(" ").replace(/\s+/g, " ").trim();
  return own.length > EXCERPT ? `${own.slice(0, EXCERPT - 1)}…` : own;
}

export default async function notificationRoutes(app: FastifyInstance) {
  app.get("/notifications", async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const before = parseId(queryString((request.query as Record<string, unknown>).before));
    const page = await listNotifications(app.db, user.id, before);
    return reply.view("notifications/index.eta", {
      title: "Notifications",
      notifications: page.notifications.map((n) => ({ ...n, action: describe(n), excerpt: excerpt(n.body_md), href: `/notifications/${n.id}` })),
      hasUnread: page.notifications.some((n) => !n.read_at),
      // "Mark all as read" covers what was shown and anything older, not what arrives meanwhile.
      upTo: before === undefined ? page.notifications[0]?.id : undefined,
      firstHref: before !== undefined ? "/notifications" : null,
      nextHref: page.nextBefore !== null ? `/notifications?before=${page.nextBefore}` : null,
      csrfToken: reply.csrfToken(),
    });
  });

  app.get("/notifications/:id", async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const found = await findNotification(app.db, user.id, parseId((request.params as { id: string }).id) ?? 0);
    if (!found) return reply.callNotFound();
    await markRead(app.db, user.id, found.id);
    const story = { id: found.story_id, slug: found.story_slug };
    return reply.redirect(found.reply_id === null ? storyPath(story) : replyPath(story, found.reply_id), 303);
  });

  app.post("/notifications/:id/read", async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const found = await findNotification(app.db, user.id, parseId((request.params as { id: string }).id) ?? 0);
    if (!found) return reply.callNotFound();
    await markRead(app.db, user.id, found.id);
    return reply.redirect("/notifications", 303);
  });

  app.post("/notifications/read-all", async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    await markAllRead(app.db, user.id, parseId(field((request.body ?? {}) as FormBody, "up_to")));
    return reply.redirect("/notifications", 303);
  });
}
