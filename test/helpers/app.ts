// Builds the real app on a test database, for app.inject.
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../server/app.js";
import { loadConfig, type Config } from "../../server/config.js";
import type { Database } from "../../server/db/connect.js";
import { createTestDatabase } from "./database.js";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  // Generous rate limits unless a test is about them: one test file signs up and posts a lot from one address.
  const base = loadConfig({ NODE_ENV: "test", LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" });
  // No mail worker polling: mail tests run its rounds themselves, at the time they need (app.mail.runOnce).
  return { ...base, rateLimits: { signup: 1000, login: 1000, post: 1000 }, resetRateLimit: 1000, mail: { ...base.mail, pollMs: 0 }, ...overrides };
}

export async function createTestApp(opts: { demo?: boolean; config?: Partial<Config>; database?: Database } = {}): Promise<TestApp> {
  const database = opts.database ?? (await createTestDatabase({ demo: opts.demo }));
  const app = await buildApp(testConfig(opts.config), database);
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * A second app instance on the same database: its own kept renderings and caches, as
 * another process behind the load balancer would have. Close it before the first.
 */
export async function secondInstance(t: TestApp): Promise<FastifyInstance> {
  const other = await buildApp(testConfig(), t.database);
  await other.ready();
  return other;
}
