// Bulk-load mode for the stories and replies tables: the company figures
// triggers off and the secondary indexes dropped while rows go in, then the
// indexes and company_figures (once, from its view) rebuilt side by side.
//
// Loading runs on several connections, so it cannot be one transaction. What
// must be put back is therefore written down first, in generate_data_restore,
// in the same transaction that drops and disables: a run killed half-way is
// repaired by the next one (restoreInterruptedLoad) before it does anything else.
import { sql, type Kysely } from "kysely";
import { bumpPageVersions, EVERY_PAGE } from "../companies/page-versions.js";
import type { DB } from "../db/schema.js";

export interface BulkLoad {
  indexes: { name: string; definition: string }[];
  triggers: string[];
  /** Superusers skip foreign-key checks (session_replication_role = replica): every id is known valid. */
  replica: boolean;
}

/** Runs fn on one pinned connection with session settings that are reset afterwards. */
export async function onSession<T>(db: Kysely<DB>, settings: Record<string, string>, fn: (connection: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    for (const [name, value] of Object.entries(settings)) await sql`select set_config(${name}, ${value}, false)`.execute(connection);
    try {
      return await fn(connection);
    } finally {
      for (const name of Object.keys(settings)) await sql`reset ${sql.raw(name)}`.execute(connection);
    }
  });
}

/** Long statements are fine here: the server's 15-second limit is for requests. */
export const UNLIMITED = { statement_timeout: "0", idle_in_transaction_session_timeout: "0" };

export async function beginBulkLoad(db: Kysely<DB>): Promise<BulkLoad> {
  return db.transaction().execute(async (trx) => {
    const { rows: indexes } = await sql<{ name: string; definition: string }>`
      select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid in ('stories'::regclass, 'replies'::regclass)
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
      order by c.relname`.execute(trx);
    const { rows: triggers } = await sql<{ name: string }>`
      select tgname as name from pg_trigger
      where tgrelid = 'stories'::regclass and not tgisinternal and tgname like 'company_figures_%' and tgenabled <> 'D'
      order by 1`.execute(trx);
    const { rows: role } = await sql<{ superuser: boolean }>`select rolsuper as superuser from pg_roles where rolname = current_user`.execute(trx);

    await sql`create table generate_data_restore (name text primary key, kind text not null check (kind in ('index', 'trigger')), definition text)`.execute(trx);
    await sql`
      insert into generate_data_restore (name, kind, definition)
      select * from unnest(${indexes.map((i) => i.name)}::text[], ${indexes.map(() => "index")}::text[], ${indexes.map((i) => i.definition)}::text[])
      union all
      select name, 'trigger', null from unnest(${triggers.map((t) => t.name)}::text[]) as name`.execute(trx);
    for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(trx);
    for (const trigger of triggers) await sql`alter table stories disable trigger ${sql.id(trigger.name)}`.execute(trx);
    return { indexes, triggers: triggers.map((t) => t.name), replica: role[0]?.superuser === true };
  });
}

/**
 * Rebuilds the indexes and company_figures, `jobs` tasks at a time, longest first (the
 * figures, then the GIN indexes), then turns the triggers back on. Nothing writes
 * stories during a load, so the figures may be rebuilt before the triggers return.
 */
export async function endBulkLoad(db: Kysely<DB>, load: Pick<BulkLoad, "indexes" | "triggers">, opts: { jobs: number; maintenanceWorkMem: string; onTask?: (done: number, total: number) => void }): Promise<void> {
  const gin = (index: { definition: string }) => Number(index.definition.includes("USING gin"));
  const queue: ({ name: string; definition: string } | "figures")[] = ["figures", ...[...load.indexes].sort((a, b) => gin(b) - gin(a))];
  const total = queue.length;
  let done = 0;
  const worker = () =>
    onSession(db, { ...UNLIMITED, maintenance_work_mem: opts.maintenanceWorkMem }, async (connection) => {
      for (let task = queue.shift(); task; task = queue.shift()) {
        if (task === "figures") {
          await sql`select company_figures_rebuild()`.execute(connection);
          // The company pages' kept rows: every organisation and route queued for the figures worker (live until then).
          await sql`select company_pages_requeue_all()`.execute(connection);
          // And every kept rendering of a company page an app holds: the figures under it were rewritten.
          await bumpPageVersions(connection, [EVERY_PAGE]);
        } else {
          const exists = await sql<{ found: boolean }>`select to_regclass(${task.name}) is not null as found`.execute(connection);
          if (!exists.rows[0]!.found) await sql.raw(task.definition).execute(connection);
        }
        opts.onTask?.(++done, total);
      }
    });
  await Promise.all(Array.from({ length: Math.max(1, opts.jobs) }, worker));

  await db.transaction().execute(async (trx) => {
    for (const trigger of load.triggers) await sql`alter table stories enable trigger ${sql.id(trigger)}`.execute(trx);
    await sql`drop table if exists generate_data_restore`.execute(trx);
  });
}

/** Puts back what an interrupted run took away; true when there was something to repair. */
export async function restoreInterruptedLoad(db: Kysely<DB>, opts: { jobs: number; maintenanceWorkMem: string }): Promise<boolean> {
  const table = await sql<{ found: boolean }>`select to_regclass('generate_data_restore') is not null as found`.execute(db);
  if (!table.rows[0]!.found) return false;
  const { rows } = await sql<{ name: string; kind: "index" | "trigger"; definition: string | null }>`
    select name, kind, definition from generate_data_restore`.execute(db);
  await endBulkLoad(db, {
    indexes: rows.flatMap((r) => (r.kind === "index" && r.definition ? [{ name: r.name, definition: r.definition }] : [])),
    triggers: rows.filter((r) => r.kind === "trigger").map((r) => r.name),
  }, opts);
  return true;
}
