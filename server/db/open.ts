// Opens the database the configuration names, for the server and the CLI scripts.
import { join } from "node:path";
import type { Config } from "../config.js";
import { connectPglite, connectPostgres, type Database } from "./connect.js";
import { lockDataDir } from "./data-lock.js";
import { mayReadReplica, noteWrite } from "./read-routing.js";

export interface OpenOptions {
  /**
   * For serving requests: every wait bounded by DATABASE_TIMEOUT_MS and the
   * replica used when configured. Without it (migrations, scripts) a statement
   * may run as long as the server allows.
   */
  forRequests?: boolean;
}

export async function openDatabase(config: Config, onIdleError: (error: Error) => void, options: OpenOptions = {}): Promise<Database> {
  if (config.databaseUrl) {
    return connectPostgres(
      options.forRequests
        ? {
            kind: "postgres",
            url: config.databaseUrl,
            readUrl: config.databaseReadUrl,
            connectTimeoutMs: config.databaseTimeoutMs,
            queryTimeoutMs: config.databaseTimeoutMs,
            mayReadReplica,
            noteWrite,
            workerPool: true,
          }
        : { kind: "postgres", url: config.databaseUrl },
      onIdleError,
    );
  }
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
