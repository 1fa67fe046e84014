// buildApp(config): plugins first, then the features, in the order a reader
// would look for them. The process entry (main.ts) listens; tests inject.
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { fileURLToPath } from "node:url";
import type { Config } from "./config.js";
import type { Database } from "./db/connect.js";
import type { DB } from "./db/schema.js";
import healthRoutes from "./health/routes.js";
import accountRoutes from "./accounts/routes.js";
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
import replyRoutes from "./replies/routes.js";
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
  }
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
  await app.register(storyWriteRoutes);
  await app.register(replyRoutes);
  await app.register(searchRoutes);
  await app.register(feedRoutes);
  await app.register(companyRoutes);
  await app.register(userRoutes);
  await app.register(notificationRoutes);
  await app.register(representativeRoutes);
  await app.register(flagRoutes);
  await app.register(moderationRoutes);
  await app.register(moderationLogRoutes);
  await app.register(seoRoutes);

  return app;
}
