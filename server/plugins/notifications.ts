// The header's unread-notification count: one indexed count for a logged-in
// member's page views (GET), none for visitors, feeds, exports or probes.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { countUnread } from "../notifications/queries.js";

const NOT_A_PAGE = /^\/(static\/|healthz|readyz)|\.(xml|csv|json)(\?|$)/;

export default fp(async function notificationsPlugin(app: FastifyInstance) {
  app.addHook("preHandler", async (request, reply) => {
    if (!request.user || !reply.locals || (request.method !== "GET" && request.method !== "HEAD")) return;
    if (NOT_A_PAGE.test(request.url)) return;
    reply.locals.unreadNotifications = await countUnread(app.db, request.user.id);
  });
});
