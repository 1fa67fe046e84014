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
import { ByteLru } from "../lib/byte-lru.js";
import { findContentVersion } from "../stories/queries.js";
import { bodyEtag } from "./http-cache.js";

export const KEPT_MAX_AGE_MS = 2_000;
/** The memory all kept visitor pages share (a home page is ~40 kB). */
export const KEPT_PAGE_BYTES = 24 * 2 ** 20;

interface KeptPage {
  version: string;
  renderedAt: number;
  /** Encoded once: every answer sends the same bytes. */
  body: Buffer;
  etag: string;
  bytes: number;
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
  const kept = new ByteLru<KeptPage>(KEPT_PAGE_BYTES);
  const rendering = new Map<string, Promise<KeptPage>>();

  async function keptPage(key: string, version: string, render: () => Promise<string>): Promise<KeptPage> {
    const entry = kept.get(key);
    if (entry && entry.version === version && Date.now() - entry.renderedAt < KEPT_MAX_AGE_MS) return entry;
    const flightKey = `${version}|${key}`;
    const pending = rendering.get(flightKey);
    if (pending) return pending;
    const renderedAt = Date.now();
    const started = render()
      .then((html) => {
        const body = Buffer.from(html);
        const page = { version, renderedAt, body, etag: bodyEtag(body), bytes: body.length + key.length };
        kept.set(key, page);
        return page;
      })
      .finally(() => rendering.delete(flightKey));
    rendering.set(flightKey, started);
    return started;
  }

  app.decorate("sendPage", async (request: FastifyRequest, reply: FastifyReply, template: string, data: () => Promise<Record<string, unknown>>) => {
    if (request.user) return reply.view(template, await data());
    // The language, the address (query string included) and the origin the page's links name.
    const key = `${request.locale}|${reply.locals?.siteBase ?? ""}|${request.url}`;
    const page = await keptPage(key, await findContentVersion(app.db), async () => app.view(template, { ...reply.locals, ...(await data()) }));
    return reply.type("text/html; charset=utf-8").header("etag", page.etag).send(page.body);
  });
});
