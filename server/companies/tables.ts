// The tables migrations/0002 and 0005 add, typed like server/db/schema.ts. Kept here so
// the shared DB interface stays untouched; queries reach it through withFigures.
import type { ColumnType, Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export type Period = "12m" | "all";

export interface CompanyFiguresTable {
  company_id: number;
  period: Period;
  /** '' = every country. */
  country: string;
  /** '' = every channel. */
  channel: string;
  stories: number;
  answered_in_30_days: number;
  response_eligible: number;
  answered: number;
  median_seconds: number | null;
  p90_seconds: number | null;
  resolved: number;
  closed: number;
  response_lower_bound: number | null;
  resolution_lower_bound: number | null;
  stale_at: Date | null;
  ranked: ColumnType<boolean, never, never>;
}

/** migrations/0005: per leaderboard scope, how many organisations it lists and ranks. */
export interface CompanyFiguresTotalsTable {
  period: Period;
  country: string;
  channel: string;
  organisations: number;
  ranked: number;
}

// A type, not an interface: withTables needs an index-signature-compatible record.
type FiguresTables = {
  company_figures: CompanyFiguresTable;
  company_figures_totals: CompanyFiguresTotalsTable;
};

export type FiguresDB = DB & FiguresTables;

export function withFigures(db: Kysely<DB>): Kysely<FiguresDB> {
  return db.withTables<FiguresTables>();
}
