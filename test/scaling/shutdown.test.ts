// Stopping an instance (SIGTERM from a deploy or docker) loses no request.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/app.js";
import type { Database } from "../../server/db/connect.js";
import { drainAndClose, trackSockets } from "../../server/shutdown.js";
import { testConfig } from "../helpers/app.js";
import { createTestDatabase } from "../helpers/database.js";
import { KeepAliveSocket } from "../helpers/raw-http.js";
import { createServerDatabase, describeWithServers, env, eventually } from "../helpers/servers.js";

describe("draining before a shutdown", () => {
  let database: Database;
  let app: FastifyInstance;
  let openSockets: ReturnType<typeof trackSockets>;
  let port: number;
  // Tells the test when the request "in progress" has been received (its head read, its body not yet).
  let arrived: () => void = () => {};
  const inProgressArrived = new Promise<void>((resolve) => (arrived = resolve));
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp(testConfig(), database);
    app.addHook("onRequest", async (request) => {
      if (request.method === "POST" && request.url === "/search") arrived();
    });
    openSockets = trackSockets(app);
    await app.listen({ port: 0, host: "127.0.0.1" });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("answers every request on idle keep-alive sockets, finishes the one in progress, then closes", async () => {
    const sockets = await Promise.all(Array.from({ length: 8 }, () => KeepAliveSocket.open(port)));
    for (const socket of sockets) expect((await socket.request("GET", "/healthz")).status).toBe(200);
    const inProgress = sockets[7]!.startRequest("POST", "/search", "q=refund", 3);
    await inProgressArrived;

    const closing = drainAndClose(app, openSockets, 5_000);
    const pages = ["/", "/companies", "/stories/1/x", "/u/nobody", "/search?q=x", "/companies.json"];
    const answers = await Promise.all([
      ...pages.map((path, i) => sockets[i]!.request("GET", path)),
      sockets[6]!.request("POST", "/login", "username=a&password=b", { "Content-Type": "application/x-www-form-urlencoded" }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.headers.connection).toBe("close");
    }
    expect(answers[0]!.headers["content-type"]).toMatch(/text\/html/);
    expect(answers[0]!.body).toContain("restarting");
    expect(answers[5]!.headers["content-type"]).toMatch(/application\/json/);
    expect(JSON.parse(answers[5]!.body)).toMatchObject({ error: "unavailable" });

    // Begun before the drain: answered by the route itself, not the 503.
    const finished = await inProgress.finish();
    expect(finished.status).not.toBe(503);
    expect(finished.headers.connection).toBe("close");

    await closing;
    await Promise.all(sockets.map((s) => s.closed));
    await expect(KeepAliveSocket.open(port)).rejects.toThrow(/ECONNREFUSED/);
  }, 30_000);
});

describeWithServers(["TEST_DATABASE_URL"], "npm start", () => {
  it("passes SIGTERM to the server, which drains and exits", async () => {
    const database = await createServerDatabase(env("TEST_DATABASE_URL"));
    const npm = spawn("npm", ["start"], {
      env: { ...process.env, DATABASE_URL: database.url, PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "false", LOG_LEVEL: "warn", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    npm.stdout.on("data", (chunk) => (output += chunk));
    npm.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => npm.on("exit", (code) => resolve(code)));
    try {
      await eventually(async () => /Open http:\/\/localhost:\d+\//.test(output), 170_000, `the start-up line; got:\n${output}`);
      const port = Number(output.match(/Open http:\/\/localhost:(\d+)\//)![1]);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      npm.kill("SIGTERM");
      expect(await exited).toBe(0);
      // The server went with it: nothing listens on its port any more.
      await sleep(100);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      npm.kill("SIGKILL");
      await database.drop();
    }
  }, 200_000); // npm start compiles dist/ first when a source changed since the last build
});
