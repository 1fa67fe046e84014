// Shutting down without dropping a request (SIGTERM from docker, systemd, a
// deploy). A keep-alive socket that is idle now may carry a request a moment
// later; closing it at once resets that request. So: drain first (every answer
// says "Connection: close", new requests get the friendly 503, requests in
// progress finish), give clients DRAIN_MS to use or leave their sockets, then
// close the server (which also closes sockets still idle) and the database.
import type { FastifyInstance } from "fastify";
import type { Socket } from "node:net";

export const DRAIN_MS = 5_000;
/** The whole shutdown, drain included; a stuck request or database cannot hold the process longer. */
export const SHUTDOWN_LIMIT_MS = 15_000;

/** Counts the server's open sockets; call before listen. */
export function trackSockets(app: FastifyInstance): () => number {
  const sockets = new Set<Socket>();
  app.server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  return () => sockets.size;
}

export async function drainAndClose(app: FastifyInstance, openSockets: () => number, drainMs = DRAIN_MS): Promise<void> {
  app.draining.start();
  const until = Date.now() + drainMs;
  while (openSockets() > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  await app.close(); // stops listening, closes what is still idle, waits for requests in progress
}
