// Cache headers for every page, feed and export answered with 200. What a
// logged-out visitor gets may be held by a shared cache (a CDN) for a moment
// and revalidated in the background; anything rendered for a member, or that
// sets a cookie, is private. Every such answer carries an ETag (of the body,
// unless the route named one), and a matching If-None-Match gets a 304.
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

/** A CDN serves a logged-out page for 2 s, then up to 30 s more while it revalidates (a cheap 304 when unchanged). */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=2, stale-while-revalidate=30";
/** Browsers may keep a member's page but must revalidate it; shared caches never store it. */
export const PRIVATE_CACHE_CONTROL = "private, no-cache";

const CACHEABLE_TYPES = /^(text\/(html|csv)|application\/(json|atom\+xml|xml))\b/;

export function bodyEtag(body: string | Buffer): string {
  return `W/"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** True when the request's If-None-Match names this ETag (weak comparison, as for GET). */
export function matchesEtag(request: FastifyRequest, etag: string): boolean {
  const header = request.headers["if-none-match"];
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = strip(etag);
  return header === "*" || header.split(",").some((tag) => strip(tag) === wanted);
}

/** Whether the answer is for this visitor alone: a member's page, or one that sets a cookie. */
export function isPrivateAnswer(request: FastifyRequest, reply: FastifyReply): boolean {
  return request.user !== null || reply.hasHeader("set-cookie");
}

export default fp(async function httpCachePlugin(app) {
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" && request.method !== "HEAD") return payload;
    if (reply.statusCode !== 200 || reply.hasHeader("cache-control")) return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    if (!CACHEABLE_TYPES.test(String(reply.getHeader("content-type") ?? ""))) return payload;
    reply.header("cache-control", isPrivateAnswer(request, reply) ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL);
    // A shared cache must key on the cookie: a member never gets a visitor's copy. An unprefixed
    // page also depends on Accept-Language: a first visit preferring German is sent to /de/ instead.
    // A page a route sent compressed itself (a kept page's bytes) depends on Accept-Encoding.
    const vary = ["Cookie", ...(request.negotiatesLocale ? ["Accept-Language"] : []), ...(reply.hasHeader("content-encoding") ? ["Accept-Encoding"] : [])];
    reply.header("vary", vary.join(", "));
    if (!reply.hasHeader("etag")) reply.header("etag", bodyEtag(payload));
    if (matchesEtag(request, String(reply.getHeader("etag")))) {
      reply.code(304);
      return "";
    }
    return payload;
  });
});
