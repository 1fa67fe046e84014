// The company page's breakdowns and how-to-escalate tables as the pages read
// them: the rows the figures worker keeps (page-figures.ts), a few index reads
// however many stories the organisation has. An organisation (or a route across
// organisations) the worker has not computed yet since the migration or a bulk
// load is computed live, so a page is never wrong while the worker catches up.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { everyMonth, fullHistogram, monthlyTrend, responseHistogram, steppedIn, type BucketCount, type MonthFigures, type SteppedInPage } from "./breakdowns.js";
import type { Period } from "./figures.js";
import { curveOf, responseCurve, type CurvePoint } from "./response-curve.js";
import { routeGroups, routesToEscalate, toRouteRows, type RouteRow } from "./routes-to-escalate.js";
import { figureRulesRow, routeOf, withFigures } from "./tables.js";

export interface CompanyPageFigures {
  histogram: BucketCount[];
  trend: MonthFigures[];
  curve: CurvePoint[];
  routes: RouteRow[];
}

/** Whether the worker has computed this organisation's page (it then keeps it within 2 s of every change). */
async function kept(db: Kysely<DB>, organisationId: number): Promise<boolean> {
  const row = await withFigures(db).selectFrom("company_pages_state").select("computed_at")
    .where("organisation_id", "=", organisationId).where("channel", "=", "").where("written_to", "=", "")
    .executeTakeFirst();
  return row !== undefined;
}

export async function companyPageFigures(db: Kysely<DB>, organisationId: number, period: Period): Promise<CompanyPageFigures> {
  if (!(await kept(db, organisationId))) {
    const [histogram, trend, curve, routes] = await Promise.all([
      responseHistogram(db, organisationId, period), monthlyTrend(db, organisationId, period),
      responseCurve(db, organisationId, period), routesToEscalate(db, organisationId, period),
    ]);
    return { histogram, trend, curve, routes };
  }
  const fdb = withFigures(db);
  const [histogram, months, points, routes] = await Promise.all([
    fdb.selectFrom("company_histogram").select(["bucket", "stories"]).where("company_id", "=", organisationId).where("period", "=", period).execute(),
    fdb.selectFrom("company_trend").select(["month", "stories", "answered_in_30_days", "response_eligible", "median_seconds"])
      .where("company_id", "=", organisationId).where("period", "=", period).orderBy("month").execute(),
    fdb.selectFrom("company_curve").select(["seconds", "still_waiting", "at_risk"]).where("company_id", "=", organisationId).where("period", "=", period).execute(),
    storedRoutes(db, organisationId, period),
  ]);
  return { histogram: fullHistogram(histogram), trend: everyMonth(months, period), curve: curveOf(points), routes: toRouteRows(routes) };
}

/** The how-to-escalate table of one organisation alone (its own page, …/routes). */
export async function routesAtOrganisation(db: Kysely<DB>, organisationId: number, period: Period): Promise<RouteRow[]> {
  if (!(await kept(db, organisationId))) return routesToEscalate(db, organisationId, period);
  return toRouteRows(await storedRoutes(db, organisationId, period));
}

function storedRoutes(db: Kysely<DB>, organisationId: number, period: Period) {
  return withFigures(db).selectFrom("route_figures as f")
    .crossJoin(figureRulesRow(db))
    .select(["f.channel", "f.written_to", "f.steps", "f.answered", "f.answered_low", "f.answered_high", "f.median_seconds", "f.resolved", "f.closed", "f.went_further"])
    // The rule as it is now, as routeGroups compares it.
    .select(sql<boolean>`f.steps >= rules.min_route_steps`.as("supported"))
    .where("f.organisation_id", "=", organisationId).where("f.period", "=", period)
    .execute();
}

/** The other parties whose failures this organisation was asked to fix, most fixed first, one slice. */
export async function steppedInPage(db: Kysely<DB>, organisationId: number, period: Period, slice: { limit: number; offset: number }): Promise<SteppedInPage> {
  if (!(await kept(db, organisationId))) return steppedIn(db, organisationId, period, slice);
  const fdb = withFigures(db);
  const [rows, count] = await Promise.all([
    fdb.selectFrom("company_stepped_in as c")
      .innerJoin("organisations as p", "p.id", "c.other_party_id")
      .select(["p.slug", "p.name", "c.stories", "c.fixed"])
      .where("c.company_id", "=", organisationId).where("c.period", "=", period)
      .orderBy("c.fixed", "desc").orderBy("c.stories", "desc").orderBy("p.name").orderBy("p.id")
      .limit(slice.limit).offset(slice.offset)
      .execute(),
    fdb.selectFrom("company_stepped_in").select(sql<number>`count(*)::integer`.as("total"))
      .where("company_id", "=", organisationId).where("period", "=", period)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/**
 * "Which channel works best overall": the kept routes across every organisation,
 * and, live, any route queued but not computed yet since the migration or a bulk load.
 */
export async function routesAcrossOrganisations(db: Kysely<DB>, period: Period): Promise<RouteRow[]> {
  const fdb = withFigures(db);
  const [stored, missing] = await Promise.all([
    storedRoutes(db, 0, period),
    fdb.selectFrom("company_pages_queue as q").select(["q.channel", "q.written_to"]).distinct()
      .where("q.organisation_id", "=", 0)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom("company_pages_state as k").select("k.computed_at")
        .whereRef("k.organisation_id", "=", "q.organisation_id").whereRef("k.channel", "=", "q.channel").whereRef("k.written_to", "=", "q.written_to"))))
      .execute(),
  ]);
  const live = [];
  for (const route of missing.map(routeOf)) {
    if (!route) continue;
    const rows = await routeGroups(db, null, period, route).execute();
    live.push(...rows.map(({ km, first_written_at: _first, ...r }) => ({ ...r, median_seconds: km[0] ?? null })));
  }
  return toRouteRows([...stored, ...live]);
}
