// The process: config → database (migrated, demo data on first start) →
// buildApp → listen; a clean shutdown on SIGTERM and SIGINT.
import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { DataDirLockedError } from "./db/data-lock.js";
import { migrateToLatest } from "./db/migrate.js";
import { openDatabase } from "./db/open.js";
import { isEmpty, loadDemoData } from "./db/seed.js";

async function main() {
  const config = loadConfig();
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const database = await openDatabase(config, (error) => {
    // A dropped idle connection: pg reconnects on the next query.
    (app?.log ?? console).warn({ err: error }, "idle database connection lost");
  });
  try {
    await migrateToLatest(database.db);
    if (config.seedDemo && (await isEmpty(database.db))) {
      const count = await loadDemoData(database.db);
      console.log(`Loaded ${count} demo stories.`);
    }
    app = await buildApp(config, database);
  } catch (error) {
    await database.close();
    throw error;
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app!.log.info(`${signal}: finishing in-flight requests, then closing`);
    const timer = setTimeout(() => {
      app!.log.error("shutdown took longer than 10 s; exiting");
      process.exit(1);
    }, 10_000);
    timer.unref();
    await app!.close(); // stops accepting, waits for in-flight requests
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
