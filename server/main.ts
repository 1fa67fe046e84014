// The process: config → database (migrated, demo data on first start) →
// buildApp → listen; on SIGTERM or SIGINT it drains and exits (shutdown.ts).
import type { FastifyInstance } from "fastify";
import { ConfigError, loadConfig } from "./config.js";
import { DataDirLockedError } from "./db/data-lock.js";
import { openDatabase } from "./db/open.js";
import { prepareDatabase } from "./db/startup.js";
import { drainAndClose, SHUTDOWN_LIMIT_MS, trackSockets } from "./shutdown.js";

async function main() {
  const config = loadConfig();
  let app: FastifyInstance | undefined;
  const onIdleError = (error: Error) => {
    // A dropped idle connection: pg reconnects on the next query.
    (app?.log ?? console).warn({ err: error }, "idle database connection lost");
  };
  // The app's modules load while the database starts (the embedded one compiles
  // its WebAssembly meanwhile): the two longest steps of a start, side by side.
  const appModule = import("./app.js");
  appModule.catch(() => {}); // awaited below; a failure is reported there
  const database = await openDatabase(config, onIdleError, { forRequests: true });
  try {
    // Migrations may run longer than a request may wait: on a server they get
    // a connection of their own, without the requests' time limits.
    const setup = database.kind === "postgres" ? await openDatabase(config, onIdleError) : database;
    try {
      await prepareDatabase(setup, config, console.log);
    } finally {
      if (setup !== database) await setup.close();
    }
    const { buildApp } = await appModule;
    app = await buildApp(config, database);
  } catch (error) {
    await database.close();
    throw error;
  }

  const openSockets = trackSockets(app);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app!.log.info(`${signal}: draining, finishing in-flight requests, then closing`);
    setTimeout(() => {
      app!.log.error(`shutdown took longer than ${SHUTDOWN_LIMIT_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    await drainAndClose(app!, openSockets);
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`Escalator is using ${database.describe}.`);
  console.log(`Open http://localhost:${port}/`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`Escalator cannot start: ${error.message}`);
  } else {
    console.error("Escalator cannot start:", error);
  }
  process.exit(1);
});
