// Operators' endpoints. /healthz: the process is alive and serving (touches no
// database, so it answers at once even while Postgres is frozen). /readyz: this
// instance can serve pages — the database answers and has every migration —
// within READY_TIMEOUT_MS; a load balancer sends traffic only where it is 200.
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { pendingMigrations } from "../db/migrate.js";

const READY_TIMEOUT_MS = 1_500;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => {});
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export default async function healthRoutes(app: FastifyInstance) {
  app.get("/healthz", async () => ({ status: "ok" }));

  // Once every migration is seen applied it stays so for this process (they are append-only).
  let migrationsCurrent = false;
  app.get("/readyz", async (request, reply) => {
    try {
      await within(READY_TIMEOUT_MS, sql`select 1`.execute(app.db));
    } catch (error) {
      request.log.warn({ err: error }, "readiness: database unreachable");
      return reply.code(503).send({ status: "unavailable", database: "unreachable" });
    }
    if (!migrationsCurrent) {
      const pending = await within(READY_TIMEOUT_MS, pendingMigrations(app.db)).catch(() => ["(unknown)"]);
      if (pending.length > 0) return reply.code(503).send({ status: "unavailable", database: "reachable", pendingMigrations: pending });
      migrationsCurrent = true;
    }
    return { status: "ok", database: "reachable", migrations: "current" };
  });
}
