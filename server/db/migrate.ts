// Runs migrations/ in order with Kysely's Migrator, which applies the pending
// ones in one transaction. Two processes starting at once against one server
// must not both migrate: the whole run holds a Postgres advisory lock, taken
// before the Migrator even creates its own bookkeeping tables (where it races).
import { promises as fs } from "node:fs";
import path from "node:path";
import { migrationsFolder } from "../folders.js";
import { FileMigrationProvider, Migrator, sql, type Kysely, type MigrationResult } from "kysely";

// Any constant shared by every Escalator process; "escalatr" in ASCII.
const MIGRATION_LOCK_KEY = 0x657363616c617472n;

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResult[]> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY.toString())}::bigint)`.execute(connection);
    try {
      // Kysely looks for its bookkeeping tables in every schema unless told
      // which one: name ours, so one database can hold several Escalators.
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(connection);
      const migrator = new Migrator({
        db: connection,
        migrationTableSchema: rows[0]!.schema,
        provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder }),
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error;
      return results ?? [];
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY.toString())}::bigint)`.execute(connection);
    }
  });
}
