// "How to escalate at X": for each first step a reader could take (channel ×
// role written to) at one organisation, or across all of them, how often that
// step got an answer (with its Wilson interval), how fast (Kaplan–Meier median
// of the step's own wait, silences censored at their age), how often the story
// ended resolved, and how often nobody answered there so the customer had to
// go further. Computed from story_steps with the same SQL functions as the
// figures (migrations/0002 and 0007). The figures worker keeps the results in
// route_figures (page-figures.ts), reading the same steps from route_steps
// (migrations/0019), which the story triggers keep. The rules (rules.ts) are
// read from the row of figure_rules, as the stored figures read them.
import { sql, type AliasedSelectQueryBuilder, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { Channel, Role } from "../lib/enums.js";
import { rate, type Period } from "./figures.js";
import { figureRulesRow, withFigures, type RouteFiguresTable, type RouteStepsTable } from "./tables.js";

export interface RouteRow {
  channel: Channel;
  writtenTo: Role;
  steps: number;
  answered: number;
  answeredShare: number | null;
  /** Wilson score interval (95 %) of the answered share. */
  answeredLow: number | null;
  answeredHigh: number | null;
  medianSeconds: number | null;
  resolved: number;
  closed: number;
  resolvedShare: number | null;
  /** Steps nobody answered, after which the customer wrote to someone else. */
  wentFurther: number;
  wentFurtherShare: number | null;
  /** At least MIN_ROUTE_STEPS steps (rules.ts): enough to say. */
  supported: boolean;
}

export interface Route {
  channel: Channel;
  writtenTo: Role;
}

/**
 * The steps of visible stories written to the organisation (both the stories
 * escalated to it and those naming it as the other party), or every step when
 * organisationId is null; one route's steps only when route is given. Each
 * says whether a later step followed it.
 */
function stepsOf(db: Kysely<DB>, organisationId: number | null, route?: Route) {
  const branch = (party: "company" | "other_party" | null) => {
    let q = db
      .selectFrom("stories as s")
      .innerJoin("story_steps as p", "p.story_id", "s.id")
      .where("s.hidden_at", "is", null)
      .where("s.deleted_at", "is", null)
      .select([
        "p.channel", "p.written_to", "p.written_at", "p.answered_at", "s.outcome",
        // A probe of the primary key, so one route's steps are read without the rest of each story.
        sql<boolean>`exists (select 1 from story_steps n where n.story_id = p.story_id and n.position > p.position)`.as("followed"),
      ]);
    if (route) q = q.where("p.channel", "=", route.channel).where("p.written_to", "=", route.writtenTo);
    if (party === null || organisationId === null) return q;
    return q.where("p.party", "=", party).where(party === "company" ? "s.company_id" : "s.other_party_id", "=", organisationId);
  };
  if (organisationId === null) return branch(null);
  return branch("company").unionAll(branch("other_party"));
}

/** The same steps as route_steps keeps them: one index range per organisation's route, or per route. */
function keptStepsOf(db: Kysely<DB>, organisationId: number | null, route?: Route) {
  let q = withFigures(db).selectFrom("route_steps as p").select(["p.channel", "p.written_to", "p.written_at", "p.answered_at", "p.outcome", "p.followed"]);
  if (organisationId !== null) q = q.where("p.organisation_id", "=", organisationId);
  if (route) q = q.where("p.channel", "=", route.channel).where("p.written_to", "=", route.writtenTo);
  return q;
}

/** A step as both sources give it: the columns of route_steps that the groups read. */
type StepRow = Pick<RouteStepsTable, "channel" | "written_to" | "written_at" | "answered_at" | "outcome" | "followed">;

/** One row per route, as route_figures stores them; km is the Kaplan–Meier {median, p90, seconds until ageing can move them}. */
export function routeGroups(db: Kysely<DB>, organisationId: number | null, period: Period, route?: Route) {
  return groupRoutes(db, stepsOf(db, organisationId, route).as("r"), period);
}

/** The same groups from route_steps, as the figures worker computes them. */
export function keptRouteGroups(db: Kysely<DB>, organisationId: number | null, period: Period, route?: Route) {
  return groupRoutes(db, keptStepsOf(db, organisationId, route).as("r"), period);
}

function groupRoutes(db: Kysely<DB>, steps: AliasedSelectQueryBuilder<StepRow, "r">, period: Period) {
  const observation = sql`case when r.answered_at is null
    then greatest(0, floor(extract(epoch from (now() - r.written_at))))::bigint * 2 + 1
    else floor(extract(epoch from (r.answered_at - r.written_at)))::bigint * 2 end`;
  return withFigures(db)
    .selectFrom(steps)
    .crossJoin(figureRulesRow(db))
    .where(period === "12m" ? sql<boolean>`r.written_at > now() - make_interval(hours => rules.twelve_months_hours)` : sql<boolean>`true`)
    // The one row's rule, to compare each group's count with.
    .groupBy(["r.channel", "r.written_to", "rules.min_route_steps"])
    .select([
      "r.channel", "r.written_to",
      sql<number>`count(*)::integer`.as("steps"),
      sql<boolean>`count(*) >= rules.min_route_steps`.as("supported"),
      sql<number>`count(r.answered_at)::integer`.as("answered"),
      sql<number | null>`company_figures_wilson(count(r.answered_at), count(*))`.as("answered_low"),
      sql<number | null>`company_figures_wilson_upper(count(r.answered_at), count(*))`.as("answered_high"),
      sql<(number | null)[]>`company_figures_km(array_agg(${observation} order by ${observation}))`.as("km"),
      sql<number>`count(*) filter (where r.outcome = any(rules.resolved_outcomes))::integer`.as("resolved"),
      sql<number>`count(*) filter (where r.outcome <> all(rules.open_outcomes))::integer`.as("closed"),
      sql<number>`count(*) filter (where r.answered_at is null and r.followed)::integer`.as("went_further"),
      // When the oldest of them leaves the 12 months (the figures worker's ageing).
      sql<Date>`min(r.written_at)`.as("first_written_at"),
    ]);
}

/** A route's figures as route_figures holds them, with whether the rule's steps are met. */
export type RouteFigures = Omit<RouteFiguresTable, "organisation_id" | "period"> & {
  /** At least the rule's steps (figure_rules.min_route_steps). */
  supported: boolean;
};

/** The table's rows, best supported first. */
export function toRouteRows(rows: RouteFigures[]): RouteRow[] {
  const routes = rows.map((r): RouteRow => ({
    channel: r.channel, writtenTo: r.written_to, steps: r.steps, answered: r.answered, answeredShare: rate(r.answered, r.steps),
    answeredLow: r.answered_low, answeredHigh: r.answered_high, medianSeconds: r.median_seconds, resolved: r.resolved, closed: r.closed,
    resolvedShare: rate(r.resolved, r.closed), wentFurther: r.went_further, wentFurtherShare: rate(r.went_further, r.steps),
    supported: r.supported,
  }));
  // Best supported first: the routes with enough steps by the lower bound of their answered share, then the rest by size.
  return routes.sort((a, b) =>
    Number(b.supported) - Number(a.supported)
    || (a.supported ? (b.answeredLow ?? 0) - (a.answeredLow ?? 0) : 0)
    || b.steps - a.steps
    || a.channel.localeCompare(b.channel) || a.writtenTo.localeCompare(b.writtenTo));
}

/** Computed from the steps now (the worker's definition; pages read what it stored, company-page.ts). */
export async function routesToEscalate(db: Kysely<DB>, organisationId: number | null, period: Period): Promise<RouteRow[]> {
  const rows = await routeGroups(db, organisationId, period).execute();
  return toRouteRows(rows.map(({ km, first_written_at: _first, ...r }) => ({ ...r, median_seconds: km[0] ?? null })));
}
