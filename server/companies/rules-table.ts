// Writes the figures' rules (rules.ts) into figure_rules, the one row the stored
// figures' SQL reads (migrations/0011), and recomputes every stored figure when
// that row changed. migrateToLatest calls it in its own transaction, under its
// lock, so the SQL follows rules.ts from the moment a migrated database is seen.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { bumpPageVersions, EVERY_PAGE } from "./page-versions.js";
import { FIGURE_RULES, type FigureRules } from "./rules.js";
import { withFigures } from "./tables.js";

/** Returns whether the row changed (and so every stored figure was recomputed). */
export async function writeFigureRules(db: Kysely<DB>, rules: FigureRules = FIGURE_RULES, log: (message: string) => void = () => {}): Promise<boolean> {
  const figures = withFigures(db);
  const row = { ...rules, resolved_outcomes: [...rules.resolved_outcomes], open_outcomes: [...rules.open_outcomes] };
  const stored = await figures.selectFrom("figure_rules").selectAll().executeTakeFirst();
  const keys = Object.keys(row) as (keyof typeof row)[];
  if (stored && keys.every((key) => JSON.stringify(stored[key]) === JSON.stringify(row[key]))) return false;
  await figures.insertInto("figure_rules").values(row).onConflict((c) => c.column("id").doUpdateSet(row)).execute();
  log(stored ? "The figures' rules changed: recomputing every stored figure." : "Recording the figures' rules and computing the stored figures from them.");
  await sql`select company_figures_rebuild()`.execute(db);
  // The company pages' kept rows too (migrations/0013): read live until the worker has recomputed them.
  if ((await sql<{ found: boolean }>`select to_regprocedure('company_pages_requeue_all()') is not null as found`.execute(db)).rows[0]?.found) {
    await sql`select company_pages_requeue_all()`.execute(db);
  }
  // And every kept rendering of a company page (migrations/0021), once the figures they show are rewritten.
  if ((await sql<{ found: boolean }>`select to_regclass('company_page_versions') is not null as found`.execute(db)).rows[0]?.found) {
    await bumpPageVersions(db, [EVERY_PAGE]);
  }
  return true;
}
