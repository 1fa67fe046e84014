// Whole pages for logged-out visitors, reused while the site's content is
// unchanged: the home page and every list address, and search. Before reusing,
// each request reads the content version (findContentVersion: two index
// lookups), which every write to a story, reply or organisation moves in its
// own transaction, so no app instance serves a page older than the database.
// A page is also never older than KEPT_MAX_AGE_MS: the figures the home page
// shows follow the figures worker, not a write, and two writes committing out
// of order could leave the newest stamp unchanged. That is the age a CDN may
// serve anyway (s-maxage, plugins/http-cache.ts). Misses are single-flight: a
// burst of visitors to one address costs one rendering.
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { keptRenderings, type KeptRendering } from "../lib/kept-renderings.js";
import { singleFlight } from "../lib/single-flight.js";
import { findContentVersion } from "../stories/queries.js";
import { bodyEtag } from "./http-cache.js";

export const KEPT_MAX_AGE_MS = 2_000;
/** The memory all kept visitor pages share (a home page is ~40 kB). */
export const KEPT_PAGE_BYTES = 24 * 2 ** 20;

interface KeptPage extends KeptRendering {
  /** Encoded once: every answer sends the same bytes. */
  body: Buffer;
  etag: string;
}

declare module "fastify" {
  interface FastifyInstance {
    /**
     * Answers a visitor with the page kept for this address, or renders `template`
     * with `data()` and keeps it; a member always gets the page rendered afresh.
     */
    sendPage(request: FastifyRequest, reply: FastifyReply, template: string, data: () => Promise<Record<string, unknown>>): Promise<FastifyReply>;
  }
}

export default fp(async function keptPagesPlugin(app) {
  const kept = keptRenderings<KeptPage>({ maxBytes: KEPT_PAGE_BYTES, maxAgeMs: KEPT_MAX_AGE_MS });
  // Visitors arriving together read the version once (see lib/single-flight.ts).
  const sharedVersion = singleFlight(() => findContentVersion(app.db));

  app.decorate("sendPage", async (request: FastifyRequest, reply: FastifyReply, template: string, data: () => Promise<Record<string, unknown>>) => {
    if (request.user) return reply.view(template, await data());
    // The language, the address (query string included) and the origin the page's links name.
    const key = `${request.locale}|${reply.locals?.siteBase ?? ""}|${request.url}`;
    const version = await (request.headers.cookie ? findContentVersion(app.db) : sharedVersion(undefined));
    const page = await kept.through(key, version, async () => {
      const renderedAt = Date.now();
      const body = Buffer.from(await app.view(template, { ...reply.locals, ...(await data()) }));
      return { version, renderedAt, body, etag: bodyEtag(body), bytes: body.length + key.length };
    });
    return reply.type("text/html; charset=utf-8").header("etag", page.etag).send(page.body);
  });
});
