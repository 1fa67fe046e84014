// Templates: Eta through @fastify/view, one base layout, partials under
// views/partials. Compiled once and cached in production.
import view from "@fastify/view";
import { Eta } from "eta";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { fileURLToPath } from "node:url";
import { CHANNELS, ORGANISATION_KINDS, OUTCOMES, RESPONSE_BUCKETS, ROLES, STEP_PARTIES, STEP_RESULTS } from "../lib/enums.js";
import { formatDate, formatDateTime, formatDuration } from "../lib/durations.js";
import * as paths from "../lib/paths.js";

export const viewsFolder = fileURLToPath(new URL("../../views", import.meta.url));

/** What every template can use besides its own data (as `it.helpers`). */
export const helpers = {
  ...paths,
  formatDate,
  formatDateTime,
  formatDuration,
  labels: { channel: CHANNELS, role: ROLES, outcome: OUTCOMES, bucket: RESPONSE_BUCKETS, kind: ORGANISATION_KINDS, party: STEP_PARTIES, result: STEP_RESULTS },
  iso: (date: Date) => date.toISOString(),
};

/** Per-request values the layout needs; routes add to them through reply.locals. */
export interface PageLocals {
  title?: string;
  currentPath: string;
  alternateFeeds?: { title: string; href: string }[];
}

declare module "fastify" {
  interface FastifyReply {
    locals?: Partial<PageLocals> & Record<string, unknown>;
  }
}

export default fp(async function viewPlugin(app: FastifyInstance, opts: { production: boolean }) {
  const eta = new Eta({ views: viewsFolder, cache: opts.production, autoEscape: true });
  await app.register(view, {
    engine: { eta },
    root: viewsFolder,
    layout: "layout.eta",
    production: opts.production,
    defaultContext: { helpers },
  });
  app.addHook("onRequest", async (request, reply) => {
    reply.locals = { currentPath: request.url };
  });
});
