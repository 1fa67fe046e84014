// buildApp(config): plugins first, then the features, in the order a reader
// would look for them. The process entry (main.ts) listens; tests inject.
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from "fastify";
import type { Kysely } from "kysely";
import { fileURLToPath } from "node:url";
import type { Config } from "./config.js";
import type { Database } from "./db/connect.js";
import type { DB } from "./db/schema.js";
import healthRoutes from "./health/routes.js";
import { guardFor, type Audience } from "./accounts/guards.js";
import accountRoutes, { settingsRoutes } from "./accounts/routes.js";
import csrfPlugin from "./plugins/csrf.js";
import errorsPlugin from "./plugins/errors.js";
import rateLimitsPlugin from "./plugins/rate-limits.js";
import sessionPlugin from "./plugins/session.js";
import viewPlugin from "./plugins/view.js";
import notificationsPlugin from "./plugins/notifications.js";
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
import figuresWorker from "./companies/worker.js";
import userRoutes from "./users/routes.js";
import seoRoutes from "./seo/routes.js";

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
}

/** Registers one audience's routes inside its own scope, behind its one guard. */
function audienceScope(audience: Audience, plugins: FastifyPluginAsync[]): FastifyPluginAsync {
  return async (scope) => {
    scope.addHook("onRoute", (route) => {
      route.config = { ...route.config, audience };
    });
    scope.addHook("onRequest", guardFor(audience));
    for (const plugin of plugins) await scope.register(plugin);
  };
}

const staticFolder = fileURLToPath(new URL("../static", import.meta.url));

export async function buildApp(config: Config, database: Database): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    // Forms are small; a 10 kB search or a long story still fits.
    bodyLimit: 512 * 1024,
    return503OnClosing: true,
  });
  app.decorate("db", database.db);
  const routes: { method: string | string[]; url: string; config?: { audience?: Audience } }[] = [];
  app.decorate("registeredRoutes", {
    getter: () => routes.flatMap((r) => [r.method].flat().map((method) => ({ method, url: r.url, audience: r.config?.audience }))),
  });
  // Kept by reference: an audience scope sets the route's config after this hook has seen it.
  app.addHook("onRoute", (route) => void routes.push(route));
  app.decorate("config", config);

  // Plumbing.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    // helmet's default no-referrer makes Chromium send "Origin: null" on
    // same-origin form posts, which the CSRF origin check must then refuse.
    referrerPolicy: { policy: "same-origin" },
    // Served over plain HTTP on localhost too; a proxy adds HSTS where it belongs.
    strictTransportSecurity: false,
  });
  await app.register(formbody);
  await app.register(fastifyStatic, {
    root: staticFolder,
    prefix: "/static/",
    maxAge: config.production ? "7d" : 0,
    etag: true,
  });
  await app.register(viewPlugin, { production: config.production });
  await app.register(errorsPlugin);
  await app.register(sessionPlugin);
  await app.register(notificationsPlugin);
  await app.register(csrfPlugin);
  await app.register(rateLimitsPlugin);
  await app.register(figuresWorker);

  // Features.
  await app.register(healthRoutes);
  await app.register(accountRoutes);
  await app.register(storyRoutes);
  await app.register(replyReadingRoutes);
  await app.register(searchRoutes);
  await app.register(feedRoutes);
  await app.register(companyRoutes);
  await app.register(userRoutes);
  await app.register(moderationLogRoutes);
  await app.register(seoRoutes);
  // Members only: visitors are sent to log in and back; a banned member's session is refused.
  await app.register(audienceScope("member", [settingsRoutes, storyWriteRoutes, replyRoutes, flagRoutes, notificationRoutes]));
  await app.register(audienceScope("moderator", [moderationRoutes]));
  await app.register(audienceScope("admin", [representativeRoutes]));

  return app;
}
