// A clean database for one test file: a fresh schema on TEST_DATABASE_URL's
// server, or a fresh in-memory PGlite. Migrated, optionally with the demo data.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { flushFigures } from "../../server/companies/worker.js";
import { connectPglite, connectPostgres, type Database } from "../../server/db/connect.js";
import { migrateToLatest } from "../../server/db/migrate.js";
import { loadDemoData } from "../../server/db/seed.js";

export const usingServer = Boolean(process.env.TEST_DATABASE_URL);

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A connected, empty, unmigrated database of this test file's own. */
export async function createEmptyDatabase(): Promise<Database & { schema?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return connectPglite({ kind: "pglite" });
  const schema = `test_${randomBytes(6).toString("hex")}`;
  await adminQuery(url, `create schema ${schema}`);
  const database = connectPostgres({ kind: "postgres", url, schema, poolSize: 4 }, () => {});
  return {
    ...database,
    schema,
    close: async () => {
      await database.close();
      await adminQuery(url, `drop schema ${schema} cascade`);
    },
  };
}

export async function createTestDatabase(opts: { demo?: boolean } = {}): Promise<Database> {
  const database = await createEmptyDatabase();
  await migrateToLatest(database.db);
  if (opts.demo) {
    await loadDemoData(database.db);
    // The demo's company figures, ready before the first request rather than on the worker's first round.
    await flushFigures(database.db);
  }
  return database;
}
