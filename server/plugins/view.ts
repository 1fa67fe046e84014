// Templates: Eta through @fastify/view, one base layout, partials under
// views/partials. Compiled once and cached in production.
import view from "@fastify/view";
import { Eta } from "eta";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { viewsFolder } from "../folders.js";
import { CHANNELS, ORGANISATION_KINDS, OUTCOMES, RESPONSE_BUCKETS, ROLES, STEP_PARTIES, STEP_RESULTS } from "../lib/enums.js";
import { countryName } from "../lib/countries.js";
import { formatDate, formatDateTime, formatDuration } from "../lib/durations.js";
import * as paths from "../lib/paths.js";
import { jsonLd, type PageMeta } from "../seo/meta.js";
import { siteOf } from "../seo/site.js";
import { assetUrl } from "./assets.js";
import type { I18n } from "../i18n/index.js";

export { viewsFolder };

/**
 * What every template can use besides its own data (as `it.helpers`): locale-free helpers.
 * Links, words and formatting in the page's locale are `it.path`, `it.t` and `it.fmt` (server/i18n/index.ts);
 * the path builders and formatters here are the English ones, kept until every view uses those.
 */
export const helpers = {
  ...paths,
  countryName,
  asset: assetUrl,
  formatDate,
  formatDateTime,
  formatDuration,
  labels: { channel: CHANNELS, role: ROLES, outcome: OUTCOMES, bucket: RESPONSE_BUCKETS, kind: ORGANISATION_KINDS, party: STEP_PARTIES, result: STEP_RESULTS },
  iso: (date: Date) => date.toISOString(),
  jsonLd,
};

/** Per-request values the layout needs; routes add to them through reply.locals. */
export interface PageLocals extends I18n {
  title?: string;
  currentPath: string;
  /** The site's absolute origin, for canonical links and share cards. */
  siteBase: string;
  /** Canonical link, description and share card of a page worth sharing. */
  meta?: PageMeta;
  alternateFeeds?: { title: string; href: string }[];
  /** A member's form token, made once per request for every form of the page (plugins/csrf.ts). */
  csrfToken?: string;
}

declare module "fastify" {
  interface FastifyReply {
    locals?: Partial<PageLocals> & Record<string, unknown>;
  }
  interface FastifyInstance {
    /** Renders a template without the layout, e.g. a part of a page kept for reuse. */
    renderFragment(template: string, data: Record<string, unknown>): string;
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
  app.decorate("renderFragment", (template: string, data: Record<string, unknown>) => eta.render(template, { helpers, ...data }));
  app.addHook("onRequest", async (request, reply) => {
    reply.locals = { ...request.i18n, currentPath: request.url, siteBase: siteOf(request, app.config.publicUrl).base };
  });
});
