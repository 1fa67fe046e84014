// Who may do what: pages that need a member send visitors to log in and back.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionUser } from "./session.js";

export function loginPath(returnTo: string): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}

/** The logged-in user, or undefined after sending the visitor to the log-in page. */
export function requireUser(request: FastifyRequest, reply: FastifyReply): SessionUser | undefined {
  if (request.user) return request.user;
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
