// The app under load, on a worker thread of the bench process, so that
// autocannon on the main thread does not share its event loop. It serves the
// real app (production settings, silent logs, rate limits out of the way) and,
// on request, a bare Fastify route returning fixed bytes: the ceiling to compare with.
import Fastify, { type FastifyInstance } from "fastify";
import { parentPort, workerData } from "node:worker_threads";
import { buildApp } from "../app.js";
import companyRoutes from "../companies/routes.js";
import { loadConfig } from "../config.js";
import { connectPostgres } from "../db/connect.js";

export interface WorkerInput {
  databaseUrl: string;
  poolSize?: number;
}

export type ToWorker = { type: "bare"; html: string } | { type: "close" };
export type FromWorker = { type: "ready"; url: string } | { type: "bare-ready"; url: string } | { type: "closed" };

const port = parentPort!;
const input = workerData as WorkerInput;
const send = (message: FromWorker) => port.postMessage(message);

const config = {
  ...loadConfig({ ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", DATABASE_URL: input.databaseUrl }),
  rateLimits: { signup: 1_000_000, login: 1_000_000, post: 1_000_000 },
};
const database = connectPostgres({ kind: "postgres", url: input.databaseUrl, poolSize: input.poolSize }, () => {});
const app = await buildApp(config, database);
// The leaderboard routes landed separately; a build without them still gets measured.
if (!app.hasRoute({ method: "GET", url: "/companies" })) await app.register(companyRoutes);
send({ type: "ready", url: await app.listen({ port: 0, host: "127.0.0.1" }) });

let bare: FastifyInstance | undefined;
port.on("message", async (message: ToWorker) => {
  if (message.type === "bare") {
    const body = Buffer.from(message.html);
    bare = Fastify({ logger: false });
    bare.get("/", async (_request, reply) => reply.type("text/html; charset=utf-8").send(body));
    send({ type: "bare-ready", url: await bare.listen({ port: 0, host: "127.0.0.1" }) });
  } else {
    await bare?.close();
    await app.close();
    await database.close();
    send({ type: "closed" });
    port.close();
  }
});
