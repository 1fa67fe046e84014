// Who may do what. Members', moderators' and admins' routes sit in encapsulated
// plugins (app.ts), each with one of these onRequest guards; a handler never
// checks the role itself. Refusals are pages (values), not thrown errors.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendErrorPage } from "../plugins/errors.js";
import type { SessionUser } from "./session.js";

export type Audience = "member" | "moderator" | "admin";

export function loginPath(returnTo: string): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}

export const isModerator = (user: { role: string } | null | undefined) => user?.role === "moderator" || user?.role === "admin";
export const isAdmin = (user: { role: string } | null | undefined) => user?.role === "admin";
export const isBanned = (user: { banned_until: Date | null }, now = new Date()) => user.banned_until !== null && user.banned_until > now;

/** The 403 page, with why. */
export function forbidden(reply: FastifyReply, message: string): FastifyReply {
  return sendErrorPage(reply, { status: 403, title: reply.request.i18n.t.errors.forbidden.title, message });
}

const ALLOWED: Record<Audience, (user: SessionUser) => boolean> = { member: () => true, moderator: isModerator, admin: isAdmin };

/** The onRequest guard of one audience's routes. */
export function guardFor(audience: Audience) {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    const user = request.user;
    if (!user) {
      // After a form post, come back to the page that showed the form.
      const back = request.method === "GET" ? request.url : refererPath(request) ?? "/";
      return reply.redirect(loginPath(back), 303);
    }
    // Bans end sessions; this is one that outlived its ban being set (e.g. from the database).
    const { t, fmt } = request.i18n;
    if (isBanned(user)) {
      return forbidden(reply, t.accounts.guards.banned(fmt.dateTime(user.banned_until!), user.ban_reason ?? t.accounts.login.noReason));
    }
    if (!ALLOWED[audience](user)) return forbidden(reply, audience === "admin" ? t.accounts.guards.admin : t.accounts.guards.moderator);
  };
}

/** Puts every route registered after it in this plugin behind the audience's guard, and marks them with it. */
export function guardScope(scope: FastifyInstance, audience: Audience) {
  scope.addHook("onRoute", (route) => {
    route.config = { ...route.config, audience };
  });
  scope.addHook("onRequest", guardFor(audience));
}

/** The member a guarded route serves (its guard has let only members through). */
export function memberOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw new Error(`${request.method} ${request.url} ran without its audience guard`);
  return request.user;
}

function refererPath(request: FastifyRequest): string | undefined {
  try {
    const url = new URL(request.headers.referer ?? "");
    return url.host === request.host ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}
