// npm run seed: loads the demo stories into an empty database.
import { loadConfig } from "../config.js";
import { migrateToLatest } from "../db/migrate.js";
import { openDatabase } from "../db/open.js";
import { isEmpty, loadDemoData } from "../db/seed.js";

const config = loadConfig();
const database = await openDatabase(config, (error) => console.warn("idle connection lost:", error.message));
try {
  await migrateToLatest(database.db);
  if (!(await isEmpty(database.db))) {
    console.log(`The database already has stories; demo data is only loaded into an empty one (${database.describe}).`);
  } else {
    console.log(`Loaded ${await loadDemoData(database.db)} demo stories into ${database.describe}.`);
  }
} finally {
  await database.close();
}
