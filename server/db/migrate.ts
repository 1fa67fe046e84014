// Runs migrations/ in order with Kysely's Migrator. Two processes starting at
// once against one server must not both migrate: the whole run, including the
// Migrator creating its own bookkeeping tables (where it races), is one
// transaction holding a transaction-level advisory lock (db/advisory-lock.ts),
// which is also what keeps it safe behind PgBouncer in transaction mode.
import { promises as fs } from "node:fs";
import path from "node:path";
import { migrationsFolder } from "../folders.js";
import { FileMigrationProvider, Migrator, sql, type Kysely, type MigrationResult } from "kysely";
import { lockForStartup, type StartupLog } from "./advisory-lock.js";
import { applySessionDefaults } from "./session-defaults.js";
import { writeFigureRules } from "../companies/rules-table.js";

// Any constant shared by every Escalator process; "escalatr" in ASCII.
export const MIGRATION_LOCK_KEY = 0x657363616c617472n;

const provider = new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder });

async function migratorFor(connection: Kysely<any>, options: { disableTransactions: boolean }): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables in every schema unless told
  // which one: name ours, so one database can hold several Escalators.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(connection);
  return new Migrator({ db: connection, migrationTableSchema: rows[0]!.schema, provider, ...options });
}

export async function migrateToLatest(db: Kysely<any>, log: StartupLog = () => {}): Promise<MigrationResult[]> {
  return db.connection().execute(async (connection) => {
    // Our own transaction around the Migrator's work, so the lock is taken
    // before anything else and released by COMMIT or ROLLBACK, whatever happens.
    await sql`begin`.execute(connection);
    try {
      await lockForStartup(connection, MIGRATION_LOCK_KEY, "migrating the database", log);
      // The role's statement timeout is for requests: a migration, or recomputing the stored
      // figures on a big database, takes minutes. Lock waits stay bounded.
      await sql`set local statement_timeout = 0`.execute(connection);
      await sql`set local idle_in_transaction_session_timeout = 0`.execute(connection);
      const migrator = await migratorFor(connection, { disableTransactions: true });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error;
      // The stored figures' SQL reads the rules from this row (migrations/0011).
      await writeFigureRules(connection, undefined, log);
      await applySessionDefaults(connection, log);
      await sql`commit`.execute(connection);
      return results ?? [];
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => {});
      throw error;
    }
  });
}

/** Names of migrations in migrations/ that the database has not applied (for /readyz). */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  return db.connection().execute(async (connection) => {
    const migrator = await migratorFor(connection, { disableTransactions: true });
    const migrations = await migrator.getMigrations();
    return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
  });
}
