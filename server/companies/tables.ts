// The tables migrations/0002, 0005, 0011, 0013 and 0021 add, typed like server/db/schema.ts. Kept here so
// the shared DB interface stays untouched; queries reach it through withFigures.
import type { ColumnType, Generated, Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { Channel, Outcome, ResponseBucket, Role } from "../lib/enums.js";

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
  /** migrations/0017. */
  min_route_steps: number;
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

/** migrations/0013: what the figures worker keeps of each company page (page-figures.ts). */
interface CompanyPageRow {
  company_id: number;
  period: Period;
}
export interface CompanyHistogramTable extends CompanyPageRow {
  bucket: ResponseBucket;
  stories: number;
}
export interface CompanyTrendTable extends CompanyPageRow {
  month: string;
  stories: number;
  answered_in_30_days: number;
  response_eligible: number;
  median_seconds: number | null;
}
export interface CompanyCurveTable extends CompanyPageRow {
  seconds: number;
  still_waiting: number | null;
  at_risk: number;
}
export interface CompanySteppedInTable extends CompanyPageRow {
  other_party_id: number;
  stories: number;
  fixed: number;
}
export interface RouteFiguresTable {
  /** 0 = every organisation. */
  organisation_id: number;
  period: Period;
  channel: Channel;
  written_to: Role;
  steps: number;
  answered: number;
  answered_low: number | null;
  answered_high: number | null;
  median_seconds: number | null;
  resolved: number;
  closed: number;
  went_further: number;
}
/** An organisation's page (route '' × ''), or one route across every organisation (organisation 0). */
export interface CompanyPagesKey {
  organisation_id: number;
  channel: Channel | "";
  written_to: Role | "";
}

/** The route of a key for organisation 0 ('' × '' names an organisation's whole page). */
export function routeOf(key: Pick<CompanyPagesKey, "channel" | "written_to">): { channel: Channel; writtenTo: Role } | null {
  return key.channel === "" || key.written_to === "" ? null : { channel: key.channel, writtenTo: key.written_to };
}
export interface CompanyPagesQueueTable extends CompanyPagesKey {
  id: Generated<number>;
  /** migrations/0019: an organisation's page queued for one story, escalated then (its month of the trend); null = every month. */
  escalated_at: ColumnType<Date | null, Date | null | undefined, never>;
}
/** migrations/0019: each step of a visible story as the how-to-escalate tables count it. */
export interface RouteStepsTable {
  story_id: number;
  position: number;
  organisation_id: number | null;
  channel: Channel;
  written_to: Role;
  written_at: Date;
  answered_at: Date | null;
  outcome: Outcome;
  /** A later step followed this one. */
  followed: boolean;
}
export interface CompanyPagesStateTable extends CompanyPagesKey {
  computed_at: Date;
  stale_at: Date | null;
}
/** migrations/0021: moved by every write to what a company page (0: the leaderboard, /companies/how) shows. */
export interface CompanyPageVersionsTable {
  organisation_id: number;
  version: ColumnType<string | number, number, number>;
}

// A type, not an interface: withTables needs an index-signature-compatible record.
type FiguresTables = {
  company_figures: CompanyFiguresTable;
  company_figures_totals: CompanyFiguresTotalsTable;
  figure_rules: FigureRulesTable;
  company_histogram: CompanyHistogramTable;
  company_trend: CompanyTrendTable;
  company_curve: CompanyCurveTable;
  company_stepped_in: CompanySteppedInTable;
  route_figures: RouteFiguresTable;
  company_pages_queue: CompanyPagesQueueTable;
  company_pages_state: CompanyPagesStateTable;
  route_steps: RouteStepsTable;
  company_page_versions: CompanyPageVersionsTable;
};

export type FiguresDB = DB & FiguresTables;

export function withFigures(db: Kysely<DB>): Kysely<FiguresDB> {
  return db.withTables<FiguresTables>();
}

/** The one row of figure_rules as a join the planner knows is one row (a never-analysed tiny table is estimated at thousands; see migrations/0011). */
export function figureRulesRow(db: Kysely<DB>) {
  return withFigures(db).selectFrom("figure_rules").selectAll().limit(1).as("rules");
}
