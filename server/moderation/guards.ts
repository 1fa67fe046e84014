// Moderators and admins only: visitors are sent to log in, members get a 403 page.
import type { FastifyReply, FastifyRequest } from "fastify";
import { requireUser } from "../accounts/guards.js";
import type { SessionUser } from "../accounts/session.js";

export const isModerator = (user: { role: string } | null | undefined) => user?.role === "moderator" || user?.role === "admin";

export function requireModerator(request: FastifyRequest, reply: FastifyReply): SessionUser | undefined {
  const user = requireUser(request, reply);
  if (!user) return undefined;
  if (!isModerator(user)) throw Object.assign(new Error("Only moderators can do that."), { statusCode: 403 });
  return user;
}
