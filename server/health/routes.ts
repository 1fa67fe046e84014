// /healthz: ready when the database answers.
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";

export default async function healthRoutes(app: FastifyInstance) {
  app.get("/healthz", async (request, reply) => {
    try {
      await sql`select 1`.execute(app.db);
      return { status: "ok", database: "reachable" };
    } catch (error) {
      request.log.warn({ err: error }, "health check: database unreachable");
      return reply.code(503).send({ status: "unavailable", database: "unreachable" });
    }
  });
}
