// Rate-limit counters shared by every Escalator instance (one limit across all
// of them, not one per process). UNLOGGED: a crash may forget the last minute's
// counts, which is harmless, and the counters cost no WAL (nor replica traffic).
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create unlogged table rate_limit_hits (
      key text primary key,
      hits integer not null,
      resets_at timestamptz not null
    )`.execute(db);
  await sql`create index rate_limit_hits_resets_at on rate_limit_hits (resets_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table rate_limit_hits`.execute(db);
}
