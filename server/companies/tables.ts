// The tables migrations/0002, 0005 and 0011 add, typed like server/db/schema.ts. Kept here so
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
  /** Written by the SQL alone (migrations/0011), from the view. */
  ranked: ColumnType<boolean, never, never>;
}

/** migrations/0011: the one row of the figures' rules that the stored figures' SQL reads. */
export interface FigureRulesTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  response_window_seconds: number;
  twelve_months_hours: number;
  min_ranked_stories: number;
  resolved_outcomes: string[];
  open_outcomes: string[];
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
  figure_rules: FigureRulesTable;
};

export type FiguresDB = DB & FiguresTables;

export function withFigures(db: Kysely<DB>): Kysely<FiguresDB> {
  return db.withTables<FiguresTables>();
}
