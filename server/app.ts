// buildApp(config): plugins first, then the features, in the order a reader
// would look for them. The process entry (main.ts) listens; tests inject.
import formbody from "@fastify/formbody";
import compress from "@fastify/compress";
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from "fastify";
import type { Kysely } from "kysely";
import type { Config } from "./config.js";
import type { Database } from "./db/connect.js";
import type { DB } from "./db/schema.js";
import { constants as zlib } from "node:zlib";
import assetRoutes from "./plugins/assets.js";
import securityHeadersPlugin from "./plugins/security-headers.js";
import httpCachePlugin from "./plugins/http-cache.js";
import keptPagesPlugin from "./plugins/kept-pages.js";
import healthRoutes from "./health/routes.js";
import { guardScope, type Audience } from "./accounts/guards.js";
import accountRoutes, { settingsRoutes } from "./accounts/routes.js";
import recoveryRoutes from "./accounts/recovery-routes.js";
import mailRoutes from "./mail/routes.js";
import closingPlugin from "./plugins/closing.js";
import csrfPlugin from "./plugins/csrf.js";
import errorsPlugin from "./plugins/errors.js";
import metricsPlugin from "./plugins/metrics.js";
import readReplicaPlugin from "./plugins/read-replica.js";
import rateLimitsPlugin from "./plugins/rate-limits.js";
import sessionPlugin from "./plugins/session.js";
import viewPlugin from "./plugins/view.js";
import localePlugin, { unprefixedUrl } from "./plugins/locale.js";
import notificationRoutes from "./notifications/routes.js";
import representativeRoutes from "./representatives/routes.js";
import flagRoutes from "./moderation/flag-routes.js";
import moderationLogRoutes from "./moderation/log-routes.js";
import moderationRoutes from "./moderation/routes.js";
import replyRoutes, { replyReadingRoutes } from "./replies/routes.js";
import storyRoutes from "./stories/routes.js";
import storyWriteRoutes from "./stories/write-routes.js";
import searchRoutes from "./search/routes.js";
import feedRoutes from "./feeds/routes.js";
import companyRoutes from "./companies/routes.js";
import openDataRoutes from "./open-data/routes.js";
import figuresWorker from "./companies/worker.js";
import mailWorker from "./mail/worker.js";
import userRoutes from "./users/routes.js";
import followRoutes from "./follows/routes.js";
import yourDataRoutes from "./your-data/routes.js";
import seoRoutes from "./seo/routes.js";
import languageRoutes from "./i18n/routes.js";

declare module "fastify" {
  interface FastifyInstance {
    db: Kysely<DB>;
    config: Config;
    /** Every route, as registered: what the route-walking tests check. */
    registeredRoutes: RegisteredRoute[];
  }
  interface FastifyContextConfig {
    /** Who may use the route; absent = everyone. */
    audience?: Audience;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  audience: Audience | undefined;
  /** A one-click link from a mail: its signed token stands in for the CSRF token. */
  signedLink: boolean;
}

/** Registers one audience's routes inside its own scope, behind its one guard. */
function audienceScope(audience: Audience, plugins: FastifyPluginAsync[]): FastifyPluginAsync {
  return async (scope) => {
    guardScope(scope, audience);
    for (const plugin of plugins) await scope.register(plugin);
  };
}

export async function buildApp(config: Config, database: Database): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    // Forms are small; a 10 kB search or a long story still fits.
    bodyLimit: 512 * 1024,
    // plugins/closing.ts answers while closing, with the friendly page in the route's format.
    return503OnClosing: false,
    // German pages live under /de/: the router sees every URL without that prefix (plugins/locale.ts).
    rewriteUrl: (req) => unprefixedUrl(req.url),
  });
  app.decorate("db", database.db);
  const routes: { method: string | string[]; url: string; config?: { audience?: Audience; signedLink?: boolean } }[] = [];
  app.decorate("registeredRoutes", {
    getter: () => routes.flatMap((r) => [r.method].flat().map((method) => ({ method, url: r.url, audience: r.config?.audience, signedLink: r.config?.signedLink === true }))),
  });
  // Kept by reference: an audience scope sets the route's config after this hook has seen it.
  app.addHook("onRoute", (route) => void routes.push(route));
  app.decorate("config", config);

  // Plumbing. Security headers, then draining and the choice of database:
  // those decide before any hook that touches the database.
  await app.register(securityHeadersPlugin);
  // The page's language first: it touches no database, and every later answer (even the 503) speaks it.
  await app.register(localePlugin);
  await app.register(closingPlugin);
  await app.register(readReplicaPlugin, { database });
  await app.register(metricsPlugin, { database });
  await app.register(formbody);
  // Compression by Accept-Encoding runs last, after the cache headers and ETags (plugins/http-cache.ts).
  await app.register(compress, {
    encodings: ["br", "gzip"],
    threshold: 1024,
    // Brotli's default quality (11) costs ~10 ms a page; 4 is faster than gzip and still smaller.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(viewPlugin, { production: config.production });
  await app.register(errorsPlugin);
  await app.register(sessionPlugin);
  await app.register(csrfPlugin);
  await app.register(rateLimitsPlugin);
  // After the session and CSRF plugins: a page that sets a cookie is never public.
  await app.register(httpCachePlugin);
  await app.register(keptPagesPlugin);
  await app.register(figuresWorker, { db: database.workerDb ?? database.db });
  await app.register(mailWorker);

  // Features.
  await app.register(assetRoutes, { production: config.production });
  await app.register(healthRoutes);
  await app.register(languageRoutes);
  await app.register(accountRoutes);
  await app.register(recoveryRoutes);
  await app.register(mailRoutes);
  await app.register(storyRoutes);
  await app.register(replyReadingRoutes);
  await app.register(searchRoutes);
  await app.register(feedRoutes);
  await app.register(companyRoutes);
  await app.register(openDataRoutes);
  await app.register(userRoutes);
  await app.register(followRoutes);
  await app.register(yourDataRoutes);
  await app.register(moderationLogRoutes);
  await app.register(seoRoutes);
  // Members only: visitors are sent to log in and back; a banned member's session is refused.
  await app.register(audienceScope("member", [settingsRoutes, storyWriteRoutes, replyRoutes, flagRoutes, notificationRoutes]));
  await app.register(audienceScope("moderator", [moderationRoutes]));
  await app.register(audienceScope("admin", [representativeRoutes]));

  return app;
}
