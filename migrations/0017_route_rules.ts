// How to escalate reads its rules from figure_rules too (migrations/0011): the
// 12 months and the resolved and open outcomes it already shares with the
// stored figures, and now the steps a route needs before the table recommends
// or ranks it (server/companies/rules.ts, MIN_ROUTE_STEPS).
//
// The new column has no value a migration could know (migrations import no app
// code), so the row goes: the app writes it again from rules.ts right after
// migrating, in the same transaction and under the same lock
// (server/companies/rules-table.ts), and recomputes the stored figures from it.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from figure_rules`.execute(db);
  await sql`alter table figure_rules add column min_route_steps integer not null check (min_route_steps >= 1)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table figure_rules drop column min_route_steps`.execute(db);
}
