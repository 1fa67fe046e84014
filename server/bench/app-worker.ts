// The app under load, in a child process of the bench, so that autocannon in
// the parent shares neither its event loop nor its memory: the RSS it reports
// is the app's own. It runs the compiled JavaScript (dist/, as npm start does)
// and serves the real app (production settings, silent logs, rate limits out
// of the way) and, on request, a bare Fastify route returning fixed bytes: the
// ceiling to compare with.
import Fastify, { type FastifyInstance } from "fastify";
import { buildApp } from "../app.js";
import companyRoutes from "../companies/routes.js";
import { loadConfig } from "../config.js";
import { connectPostgres } from "../db/connect.js";

export interface WorkerInput {
  databaseUrl: string;
  poolSize?: number;
}

export type ToWorker = { type: "bare"; html: string } | { type: "memory" } | { type: "close" };
export type FromWorker =
  | { type: "ready"; url: string }
  | { type: "bare-ready"; url: string }
  /** The app process's peak RSS (MB) since the last "memory" message, sampled every 50 ms. */
  | { type: "memory"; peakMb: number };

const send = (message: FromWorker) => process.send!(message);
const input = JSON.parse(process.env.BENCH_WORKER_INPUT ?? "{}") as WorkerInput;

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
setInterval(sample, 50).unref();

const config = {
  ...loadConfig({ ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", DATABASE_URL: input.databaseUrl }),
  rateLimits: { signup: 1_000_000, login: 1_000_000, post: 1_000_000 },
};
// As the server opens it (db/open.ts): the figures worker on a pool of its own.
const database = connectPostgres({ kind: "postgres", url: input.databaseUrl, poolSize: input.poolSize, workerPool: true }, () => {});
const app = await buildApp(config, database);
// The leaderboard routes landed separately; a build without them still gets measured.
if (!app.hasRoute({ method: "GET", url: "/companies" })) await app.register(companyRoutes);
send({ type: "ready", url: await app.listen({ port: 0, host: "127.0.0.1" }) });

let bare: FastifyInstance | undefined;
const bareBodies: Buffer[] = [];
process.on("message", async (message: ToWorker) => {
  if (message.type === "bare") {
    // One server; each body asked for gets an address of its own (/0, /1, …).
    bareBodies.push(Buffer.from(message.html));
    if (!bare) {
      bare = Fastify({ logger: false });
      bare.get<{ Params: { n: string } }>("/:n", async (request, reply) => reply.type("text/html; charset=utf-8").send(bareBodies[Number(request.params.n)]));
      await bare.listen({ port: 0, host: "127.0.0.1" });
    }
    const address = bare.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    send({ type: "bare-ready", url: `http://127.0.0.1:${port}/${bareBodies.length - 1}` });
  } else if (message.type === "memory") {
    sample();
    send({ type: "memory", peakMb: peak / 2 ** 20 });
    peak = 0;
  } else {
    // Exit on purpose (a CPU profile is written at exit): after a clean close, or after 2 s
    // of waiting for one (autocannon's keep-alive sockets can hold the server open).
    const exit = () => process.exit(0);
    setTimeout(exit, 2_000).unref();
    await bare?.close();
    await app.close();
    await database.close();
    exit();
  }
});
