// Two instances on one database: the rate limits hold across both, and the
// operators' endpoints (metrics on their own port only).
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/app.js";
import { connectPostgres, type Database } from "../../server/db/connect.js";
import { createTestApp, testConfig, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { usingServer } from "../helpers/database.js";

describe("two instances on one database", () => {
  const limits = { signup: 3, login: 5, post: 10 };
  let first: TestApp;
  let secondDatabase: Database;
  let second: FastifyInstance;
  beforeAll(async () => {
    first = await createTestApp({ config: { rateLimits: limits, metricsPort: 0 } });
    // On a server, the second instance has its own pool to the same schema; on PGlite it shares the one database.
    const schema = (first.database as { schema?: string }).schema;
    secondDatabase = usingServer ? connectPostgres({ kind: "postgres", url: process.env.TEST_DATABASE_URL!, schema, poolSize: 2 }, () => {}) : first.database;
    second = await buildApp(testConfig({ rateLimits: limits }), secondDatabase);
    await second.ready();
  });
  afterAll(async () => {
    await second?.close();
    if (secondDatabase && secondDatabase !== first?.database) await secondDatabase.close();
    await first?.close();
  });

  it("counts sign-ups from one address against one limit, whichever instance answers", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const app = i % 2 === 0 ? first.app : second;
      const res = await new Agent(app).post("/signup", { username: `shared_${i}`, password: "long password" }, { formPage: "/signup" });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([303, 303, 303, 429, 429]);
  });

  it("serves Prometheus metrics on the metrics port only, with route durations, pools, worker lag and cache hits", async () => {
    await first.app.inject("/companies");
    expect((await first.app.inject("/metrics")).statusCode).toBe(404);
    const res = await fetch(`http://127.0.0.1:${first.app.metrics.port()}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/escalator_http_request_duration_seconds_count\{method="GET",route="\/companies",status="200"\} 1/);
    expect(text).toContain("escalator_figures_worker_lag_seconds");
    expect(text).toMatch(/escalator_page_cache_lookups_total/);
    if (usingServer) expect(text).toMatch(/escalator_db_pool_connections\{pool="primary",state="waiting"\} 0/);
    // Not unless asked for: an instance without METRICS_PORT listens on no second port.
    expect(second.metrics.port()).toBeUndefined();
  });
});
