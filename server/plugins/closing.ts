// Draining before a shutdown (see server/shutdown.ts): once startDraining() is
// called, requests already running finish normally, every response says
// "Connection: close" so keep-alive sockets end after it, and new requests get
// the friendly 503 in their route's format instead of a reset connection.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { sendUnavailable } from "./errors.js";

declare module "fastify" {
  interface FastifyInstance {
    draining: { readonly active: boolean; start(): void };
  }
}

export default fp(async function closingPlugin(app: FastifyInstance) {
  let active = false;
  app.decorate("draining", {
    get active() {
      return active;
    },
    start() {
      active = true;
    },
  });

  // Registered before every other plugin, so a closing instance touches no database for these.
  app.addHook("onRequest", async (request, reply) => {
    if (!active) return;
    reply.header("Connection", "close");
    return sendUnavailable(request, reply, { ...request.i18n.t.errors.closing, retryAfterSeconds: 5 });
  });

  app.addHook("onSend", async (request, reply) => {
    if (active) reply.header("Connection", "close");
  });
});
