// npm run migrate: applies pending migrations to the configured database.
import { loadConfig } from "../config.js";
import { migrateToLatest } from "../db/migrate.js";
import { openDatabase } from "../db/open.js";

const config = loadConfig();
const database = await openDatabase(config, (error) => console.warn("idle connection lost:", error.message));
try {
  const results = await migrateToLatest(database.db, (message) => console.log(message));
  console.log(results.length ? results.map((r) => `${r.status}: ${r.migrationName}`).join("\n") : "Already up to date.");
  console.log(`(${database.describe})`);
} finally {
  await database.close();
}
