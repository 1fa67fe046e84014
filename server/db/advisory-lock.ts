// One Escalator instance at a time for start-up work (migrations, demo data),
// with a transaction-level advisory lock: it ends with the transaction, so
// behind PgBouncer in transaction mode it cannot stay behind on a server
// connection that another client gets next (a session lock would).
import { sql, type Kysely } from "kysely";

/** Bounded: an instance that waits longer than this gives up and exits. */
export const STARTUP_LOCK_WAIT = "5min";

export type StartupLog = (message: string) => void;

/** Takes the lock in the caller's open transaction, waiting (and saying so) while another instance holds it. */
export async function lockForStartup(trx: Kysely<any>, key: bigint, work: string, log: StartupLog): Promise<void> {
  const id = sql.lit(key.toString());
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${id}::bigint) as locked`.execute(trx);
  if (rows[0]?.locked) return;
  log(`Another Escalator instance is ${work}; waiting for it (up to ${STARTUP_LOCK_WAIT}).`);
  const started = Date.now();
  // The role's lock and statement timeouts are for requests, not for this wait.
  await sql`set local lock_timeout = ${sql.lit(STARTUP_LOCK_WAIT)}`.execute(trx);
  await sql`set local statement_timeout = ${sql.lit(STARTUP_LOCK_WAIT)}`.execute(trx);
  await sql`select pg_advisory_xact_lock(${id}::bigint)`.execute(trx);
  await sql`set local lock_timeout to default`.execute(trx);
  await sql`set local statement_timeout to default`.execute(trx);
  log(`The other instance finished ${work} after ${((Date.now() - started) / 1000).toFixed(1)} s; continuing.`);
}
