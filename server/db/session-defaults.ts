// The server-side timeouts every Escalator connection runs with, without
// startup parameters (PgBouncer refuses them: "unsupported startup parameter")
// and without session SETs (they leak to other clients in transaction mode):
// - every transaction starts with SET LOCAL of them (db/pg-driver.ts), in the
//   BEGIN's own round trip, so writes and their locks are always bounded;
// - they are also the role's defaults in this database (ALTER ROLE … IN
//   DATABASE … SET, which a role may always do for itself), for statements
//   outside a transaction on connections opened after the first migration.
import { sql, type Kysely } from "kysely";
import type { StartupLog } from "./advisory-lock.js";

export const SESSION_DEFAULTS = {
  statement_timeout: "15s",
  lock_timeout: "5s",
  idle_in_transaction_session_timeout: "30s",
} as const;

const setLocal = (settings: Record<string, string>) => Object.entries(settings)
  .map(([name, value]) => `set local ${name} = '${value}'`)
  .join("; ");

export const SET_LOCAL_DEFAULTS = setLocal(SESSION_DEFAULTS);

/**
 * The figures worker's own pool (db/connect.ts): a whole page of the biggest organisation
 * is recomputed in one transaction, which took 12.8–17.5 s at a million stories on a loaded machine.
 */
export const WORKER_SET_LOCAL_DEFAULTS = setLocal({ ...SESSION_DEFAULTS, statement_timeout: "120s" });

/** Sets the defaults that differ; runs inside the migration lock, so two instances never race on the catalog row. */
export async function applySessionDefaults(trx: Kysely<any>, log: StartupLog): Promise<void> {
  const { rows } = await sql<{ config: string[] | null }>`
    select s.setconfig as config from pg_db_role_setting s
    where s.setdatabase = (select oid from pg_database where datname = current_database())
      and s.setrole = (select oid from pg_roles where rolname = current_user)`.execute(trx);
  const current = new Set(rows[0]?.config ?? []);
  const missing = Object.entries(SESSION_DEFAULTS).filter(([name, value]) => !current.has(`${name}=${value}`));
  if (missing.length === 0) return;
  await sql`savepoint session_defaults`.execute(trx);
  try {
    for (const [name, value] of missing) {
      await sql`do ${sql.lit(`begin execute format('alter role %I in database %I set ${name} = %L', current_user, current_database(), '${value}'); end`)}`.execute(trx);
    }
    await sql`release savepoint session_defaults`.execute(trx);
  } catch (error) {
    await sql`rollback to savepoint session_defaults`.execute(trx);
    log(`Could not set the database role's timeouts (${error instanceof Error ? error.message : String(error)}); set them as in README "Running more than one".`);
  }
}
