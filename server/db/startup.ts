// What an instance does to its database before serving: migrate, then load the
// demo stories into an empty database. Safe with any number of instances
// starting at once: each step runs under its own lock (db/advisory-lock.ts).
import type { Config } from "../config.js";
import type { Database } from "./connect.js";
import { migrateToLatest } from "./migrate.js";
import { loadDemoDataOnce } from "./seed.js";
import type { StartupLog } from "./advisory-lock.js";

export async function prepareDatabase(database: Database, config: Pick<Config, "seedDemo">, log: StartupLog): Promise<void> {
  await migrateToLatest(database.db, log);
  if (!config.seedDemo) return;
  const count = await loadDemoDataOnce(database.db, log);
  if (count > 0) log(`Loaded ${count} demo stories.`);
}
