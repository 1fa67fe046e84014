// Prometheus metrics for operators: request durations by route, the database
// pools, the figures worker's lag and the page cache. They are served on their
// own port (METRICS_PORT, on METRICS_HOST, 127.0.0.1 unless told), never on the
// public one, and not at all unless METRICS_PORT is set.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Database } from "../db/connect.js";

declare module "fastify" {
  interface FastifyInstance {
    metrics: {
      registry: Registry;
      /** Counts one page-cache lookup (hit: served from memory). */
      pageCacheLookup(cache: string, hit: boolean): void;
      /** The metrics port once listening (tests pass port 0). */
      port(): number | undefined;
    };
  }
}

export default fp(async function metricsPlugin(app: FastifyInstance, { database }: { database: Database }) {
  // One registry per app: tests run several apps in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "escalator_process_" });

  const durations = new Histogram({
    name: "escalator_http_request_duration_seconds",
    help: "Time from request to response, by route (the route's pattern, not the address)",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook("onResponse", async (request, reply) => {
    durations.observe(
      { method: request.method, route: request.routeOptions.url ?? "(no route)", status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  new Gauge({
    name: "escalator_db_pool_connections",
    help: "Database connections of this instance: in_use, idle, and requests waiting for one",
    labelNames: ["pool", "state"],
    registers: [registry],
    collect() {
      for (const s of database.poolStats?.() ?? []) {
        this.set({ pool: s.pool, state: "in_use" }, s.total - s.idle);
        this.set({ pool: s.pool, state: "idle" }, s.idle);
        this.set({ pool: s.pool, state: "waiting" }, s.waiting);
      }
    },
  });

  new Gauge({
    name: "escalator_figures_worker_lag_seconds",
    help: "Seconds since this instance's figures worker last emptied the queue (a few tenths normally; grows while it fails)",
    registers: [registry],
    collect() {
      if (app.hasDecorator("figuresWorker")) this.set(app.figuresWorker.lagSeconds());
    },
  });

  const cacheLookups = new Counter({
    name: "escalator_page_cache_lookups_total",
    help: "Logged-out page renderings asked of the page cache, by result",
    labelNames: ["cache", "result"],
    registers: [registry],
  });

  let server: Server | undefined;
  app.decorate("metrics", {
    registry,
    pageCacheLookup: (cache: string, hit: boolean) => cacheLookups.inc({ cache, result: hit ? "hit" : "miss" }),
    port: () => (server?.address() as AddressInfo | null)?.port,
  });

  const { metricsPort, metricsHost } = app.config;
  if (metricsPort === undefined) return;
  app.addHook("onReady", async () => {
    server = createServer((request, response) => {
      if (request.url !== "/metrics") {
        response.writeHead(404, { "content-type": "text/plain" }).end("metrics are at /metrics\n");
        return;
      }
      registry.metrics().then(
        (text) => response.writeHead(200, { "content-type": registry.contentType }).end(text),
        (error: unknown) => {
          app.log.error({ err: error }, "metrics");
          response.writeHead(500).end();
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(metricsPort, metricsHost, () => resolve());
    });
  });
  app.addHook("onClose", async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });
});
