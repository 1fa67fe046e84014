// Rate limits for signing up, logging in and posting, built on
// @fastify/rate-limit with its counters in Postgres (rate-limit-store.ts), so
// the limit holds across every instance. Over the limit → the 429 page with Retry-After.
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { field, isFormBody } from "../lib/form.js";
import { normaliseUsername } from "../lib/usernames.js";
import { postgresRateLimitStore } from "./rate-limit-store.js";

const WINDOW_MS = 60_000;

export class TooManyRequestsError extends Error {
  statusCode = 429;
}

export interface Limiter {
  /** Counts this attempt and refuses it when it is one too many. */
  hit(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Refuses without counting when the limit is already reached (e.g. before checking a password). */
  guard(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Counts an attempt without refusing this one (e.g. a failed log-in). */
  count(request: FastifyRequest): Promise<void>;
}

declare module "fastify" {
  interface FastifyInstance {
    limits: { signup: Limiter; loginByAddress: Limiter; loginByUsername: Limiter; post: Limiter; resetByAddress: Limiter; resetByAccount: Limiter };
  }
}

// The account a log-in names, read by the one field reader (no NUL reaches the store) and
// compared as accounts are, so "Kai" and "kai" share one limit.
const accountNamed = (name: string) => (request: FastifyRequest) => {
  const body = request.body;
  return isFormBody(body) ? normaliseUsername(field(body, name)).slice(0, 100) : "";
};
const usernameOf = accountNamed("username");

export default fp(async function rateLimitsPlugin(app: FastifyInstance) {
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(app.db) });

  const limiter = (max: number, name: string, key: (request: FastifyRequest) => string): Limiter => {
    const check = app.createRateLimit({ max, timeWindow: WINDOW_MS, keyGenerator: (request) => `${name}:${key(request)}` });
    const refuse = (reply: FastifyReply, ttlSeconds: number) => {
      reply.header("Retry-After", String(Math.max(1, ttlSeconds)));
      throw new TooManyRequestsError("Too many attempts");
    };
    return {
      async hit(request, reply) {
        const result = await check(request);
        if (!result.isAllowed && result.isExceeded) refuse(reply, result.ttlInSeconds);
      },
      async guard(request, reply) {
        const result = await check(request, { increment: false });
        if (!result.isAllowed && result.remaining === 0) refuse(reply, result.ttlInSeconds);
      },
      async count(request) {
        await check(request);
      },
    };
  };

  const { signup, login, post } = app.config.rateLimits;
  app.decorate("limits", {
    signup: limiter(signup, "signup", (r) => r.ip),
    // An address may hold many people (an office, a phone network), so it gets more tries than one username.
    loginByAddress: limiter(login * 4, "login-ip", (r) => r.ip),
    loginByUsername: limiter(login, "login-user", usernameOf),
    post: limiter(post, "post", (r) => String(r.user?.id ?? r.ip)),
    // Password-reset requests: per address, and per account named, so nobody floods one member's inbox.
    resetByAddress: limiter(app.config.resetRateLimit, "reset-ip", (r) => r.ip),
    resetByAccount: limiter(app.config.resetRateLimit, "reset-account", accountNamed("account")),
  });
});
