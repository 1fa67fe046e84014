// Opens the database the configuration names, for the server and the CLI scripts.
import { join } from "node:path";
import type { Config } from "../config.js";
import { connectPglite, connectPostgres, type Database } from "./connect.js";
import { lockDataDir } from "./data-lock.js";

export async function openDatabase(config: Config, onIdleError: (error: Error) => void): Promise<Database> {
  if (config.databaseUrl) return connectPostgres({ kind: "postgres", url: config.databaseUrl }, onIdleError);
  const release = lockDataDir(config.dataDir);
  try {
    const database = await connectPglite({ kind: "pglite", dataDir: join(config.dataDir, "pglite") });
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
