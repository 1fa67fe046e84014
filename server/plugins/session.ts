// Reads the session cookie on every request (lucia validates and slides the
// expiry) and exposes request.user. Expired sessions are swept hourly.
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Cookie } from "lucia";
import { createSessionManager, hashToken, SESSION_COOKIE, type Session, type SessionManager, type SessionUser } from "../accounts/session.js";

declare module "fastify" {
  interface FastifyInstance {
    sessions: SessionManager;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    session: Session | null;
  }
  interface FastifyReply {
    setSessionCookie(cookie: Cookie): void;
  }
}

const LAST_SEEN_EVERY_MS = 5 * 60_000;

export function isSecureRequest(request: FastifyRequest, setting: boolean | "auto"): boolean {
  return setting === "auto" ? request.protocol === "https" : setting;
}

export default fp(async function sessionPlugin(app: FastifyInstance) {
  await app.register(cookie);
  const sessions = createSessionManager(app.db, { secure: false });
  app.decorate("sessions", sessions);
  app.decorateRequest("user", null);
  app.decorateRequest("session", null);
  app.decorateReply("setSessionCookie", function (this: FastifyReply, c: Cookie) {
    const { sameSite, ...attributes } = c.attributes;
    this.setCookie(c.name, c.value, {
      ...attributes,
      sameSite: sameSite ?? "lax",
      secure: isSecureRequest(this.request, app.config.cookieSecure),
    });
  });

  app.addHook("onRequest", async (request, reply) => {
    if (request.url.startsWith("/static/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const { session, user } = await sessions.validateSession(token);
    if (!session) {
      reply.setSessionCookie(sessions.createBlankSessionCookie());
      return;
    }
    if (session.fresh) reply.setSessionCookie(sessions.createSessionCookie(session.id));
    request.session = session;
    request.user = user;
    // The header shows the unread count the session lookup read with the session.
    if (reply.locals) Object.assign(reply.locals, { currentUser: user, unreadNotifications: user.unread_notifications });
    const lastSeen = session.last_seen_at;
    if (!lastSeen || lastSeen.getTime() < Date.now() - LAST_SEEN_EVERY_MS) await touchSession(app, session.id);
  });

  const sweep = setInterval(() => void sessions.deleteExpiredSessions().catch((error) => app.log.warn({ err: error }, "session sweep failed")), 3_600_000);
  sweep.unref();
  app.addHook("onClose", async () => clearInterval(sweep));
  app.addHook("onReady", async () => {
    await sessions.deleteExpiredSessions().catch((error) => app.log.warn({ err: error }, "session sweep failed"));
  });
});

/** Records when a session was last used, at most every few minutes (the lookup read when it was last recorded). */
async function touchSession(app: FastifyInstance, token: string) {
  await app.db
    .updateTable("sessions")
    .set({ last_seen_at: new Date() })
    .where("id", "=", hashToken(token))
    .where("last_seen_at", "<", new Date(Date.now() - LAST_SEEN_EVERY_MS))
    .execute();
}
