// Who may do what: pages that need a member send visitors to log in and back.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionUser } from "./session.js";

export function loginPath(returnTo: string): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}

/** The logged-in user, or undefined after sending the visitor to the log-in page. */
export function requireUser(request: FastifyRequest, reply: FastifyReply): SessionUser | undefined {
  const user = request.user;
  if (user?.banned_until && user.banned_until > new Date()) {
    // Bans end sessions, so this is a session that outlived one (e.g. a ban set from the database).
    throw Object.assign(new Error(`Your account is banned until ${user.banned_until.toISOString().slice(0, 16).replace("T", " ")} UTC: ${user.ban_reason ?? "no reason given"}. You can still read everything.`), { statusCode: 403 });
  }
  if (user) return user;
  // After a form post, come back to the page that showed the form.
  const back = request.method === "GET" ? request.url : refererPath(request) ?? "/";
  void reply.redirect(loginPath(back), 303);
  return undefined;
}

function refererPath(request: FastifyRequest): string | undefined {
  try {
    const url = new URL(request.headers.referer ?? "");
    return url.host === request.host ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}
