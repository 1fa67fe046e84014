// What the figures worker keeps of each company page (migrations/0013): the
// histogram, monthly trend, response curve, "stepped in" and how-to-escalate
// rows of one organisation, and each route of the table across every
// organisation (organisation 0). Each is recomputed from the stories and steps
// with the pages' own definitions (breakdowns.ts, response-curve.ts,
// routes-to-escalate.ts), in one transaction that also deletes the queue rows
// it has seen, so a change committed meanwhile stays queued for the next round.
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import { histogramCounts, steppedInCounts, trendMonths } from "./breakdowns.js";
import { inPeriod, KM_AGEING_MIN_SECONDS, KM_OBSERVATION, PERIODS, type Period } from "./figures.js";
import { CURVE_TIMES, responseCurve } from "./response-curve.js";
import { routeGroups, type Route } from "./routes-to-escalate.js";
import { RESPONSE_WINDOW_HOURS, TWELVE_MONTHS_HOURS } from "./rules.js";
import { routeOf, withFigures, type CompanyPagesKey } from "./tables.js";

const periods = PERIODS;
/** Transaction-level advisory lock keys: one organisation's page, one route across organisations. */
const LOCK_ORGANISATION = 1719;
const LOCK_ROUTE = 1720;

/** The moment time alone changes the rows: the earliest window edge, or a silence outliving an answer time (at least a minute away). */
function staleAt(edges: (Date | null)[], crossingSeconds: (number | null)[]): Date | null {
  const crossings = crossingSeconds.filter((s): s is number => s !== null);
  const times = edges.filter((d): d is Date => d !== null).map((d) => d.getTime());
  if (crossings.length) times.push(Date.now() + Math.max(KM_AGEING_MIN_SECONDS, Math.min(...crossings)) * 1000);
  return times.length ? new Date(Math.min(...times)) : null;
}

const leavesTwelveMonths = (writtenAt: Date) => new Date(writtenAt.getTime() + TWELVE_MONTHS_HOURS * 3_600_000);

async function writeRoutes(trx: Transaction<DB>, organisationId: number, period: Period, rows: Awaited<ReturnType<ReturnType<typeof routeGroups>["execute"]>>) {
  if (rows.length === 0) return;
  await withFigures(trx).insertInto("route_figures").values(rows.map(({ km, first_written_at: _first, supported: _supported, ...r }) => ({
    ...r, organisation_id: organisationId, period, median_seconds: km[0] ?? null,
  }))).execute();
}

/** Recomputes one organisation's page rows; returns when time will next change them. */
export async function refreshOrganisationPage(trx: Transaction<DB>, organisationId: number): Promise<Date | null> {
  const fdb = withFigures(trx);
  for (const table of ["company_histogram", "company_trend", "company_curve", "company_stepped_in"] as const) {
    await fdb.deleteFrom(table).where("company_id", "=", organisationId).execute();
  }
  await fdb.deleteFrom("route_figures").where("organisation_id", "=", organisationId).execute();
  const routeCrossings: (number | null)[] = [];
  const routeEdges: Date[] = [];
  for (const period of periods) {
    const histogram = await histogramCounts(trx, organisationId, period);
    if (histogram.length) await fdb.insertInto("company_histogram").values(histogram.map((b) => ({ company_id: organisationId, period, ...b }))).execute();
    const months = await trendMonths(trx, organisationId, period);
    if (months.length) await fdb.insertInto("company_trend").values(months.map((m) => ({ company_id: organisationId, period, ...m }))).execute();
    const curve = await responseCurve(trx, organisationId, period);
    if (curve.some((p) => p.stillWaiting !== null)) {
      await fdb.insertInto("company_curve").values(curve.map((p) => ({ company_id: organisationId, period, seconds: p.seconds, still_waiting: p.stillWaiting, at_risk: p.atRisk }))).execute();
    }
    await fdb.insertInto("company_stepped_in")
      .columns(["other_party_id", "stories", "fixed", "company_id", "period"])
      .expression(steppedInCounts(trx, organisationId, period).select([sql<number>`${organisationId}::integer`.as("company_id"), sql<Period>`${period}::text`.as("period")]))
      .execute();
    const routes = await routeGroups(trx, organisationId, period).execute();
    await writeRoutes(trx, organisationId, period, routes);
    routeCrossings.push(...routes.map((r) => r.km[2] ?? null));
    if (period === "12m") routeEdges.push(...routes.map((r) => leavesTwelveMonths(r.first_written_at)));
  }
  // Ageing: a story leaving the 12 months or turning 30 days old unanswered; a silence outliving an answer time or a curve time.
  const curveTimes = [...CURVE_TIMES];
  const { rows } = await sql<{ twelve_months: Date | null; thirty_days: Date | null; crossing: number | null }>`
    select
      min(s.escalated_at) filter (where s.escalated_at > now() - make_interval(hours => ${TWELVE_MONTHS_HOURS})) + make_interval(hours => ${TWELVE_MONTHS_HOURS}) as twelve_months,
      min(s.escalated_at) filter (where s.first_response_at is null and s.escalated_at > now() - make_interval(hours => ${RESPONSE_WINDOW_HOURS})) + make_interval(hours => ${RESPONSE_WINDOW_HOURS}) as thirty_days,
      company_pages_next_crossing(array(
        select o from (select ${KM_OBSERVATION} as o from stories s where s.company_id = ${organisationId} and ${inPeriod("all")}
          union all select t * 2 from unnest(${curveTimes}::bigint[]) as t) x
        order by o)) as crossing
    from stories s where s.company_id = ${organisationId} and ${inPeriod("all")}`.execute(trx);
  const timing = rows[0];
  return staleAt([timing?.twelve_months ?? null, timing?.thirty_days ?? null, ...routeEdges], [timing?.crossing ?? null, ...routeCrossings]);
}

/** Recomputes one route across every organisation; returns when time will next change it. */
export async function refreshRoute(trx: Transaction<DB>, route: Route): Promise<Date | null> {
  await withFigures(trx).deleteFrom("route_figures")
    .where("organisation_id", "=", 0).where("channel", "=", route.channel).where("written_to", "=", route.writtenTo).execute();
  const crossings: (number | null)[] = [];
  const edges: Date[] = [];
  for (const period of periods) {
    const rows = await routeGroups(trx, null, period, route).execute();
    await writeRoutes(trx, 0, period, rows);
    crossings.push(...rows.map((r) => r.km[2] ?? null));
    if (period === "12m") edges.push(...rows.map((r) => leavesTwelveMonths(r.first_written_at)));
  }
  return staleAt(edges, crossings);
}

/** The oldest queued pages first, then those time has made due; a few candidates, in case other workers hold some. */
async function candidates(trx: Transaction<DB>): Promise<CompanyPagesKey[]> {
  const { rows } = await sql<CompanyPagesKey>`
    (select organisation_id, channel, written_to from company_pages_queue group by 1, 2, 3 order by min(id) limit 16)
    union all
    (select organisation_id, channel, written_to from company_pages_state where stale_at <= now() limit 16)`.execute(trx);
  return rows;
}

async function lock(trx: Transaction<DB>, key: CompanyPagesKey, wait: boolean): Promise<boolean> {
  const [space, id] = key.organisation_id > 0
    ? [LOCK_ORGANISATION, sql`${key.organisation_id}::integer`]
    : [LOCK_ROUTE, sql`hashtext(${`${key.channel}:${key.written_to}`})`];
  if (wait) {
    await sql`select pg_advisory_xact_lock(${space}::integer, ${id})`.execute(trx);
    return true;
  }
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${space}::integer, ${id}) as locked`.execute(trx);
  return rows[0]?.locked === true;
}

/**
 * One round: recomputes one queued or due page (an organisation's, or a route
 * across organisations) and returns whether there was one. Without wait it skips
 * those another worker holds; with it, it waits for them (a flush that must see all).
 */
export async function workOnePage(db: Kysely<DB>, wait: boolean): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // A round's queries are big enough for the JIT to cost more than it saves (1.6 s of 6 s at a million stories).
    await sql`set local jit = off`.execute(trx);
    let key: CompanyPagesKey | undefined;
    for (const candidate of await candidates(trx)) {
      if (await lock(trx, candidate, wait)) {
        key = candidate;
        break;
      }
    }
    if (!key) return false;
    const fdb = withFigures(trx);
    // Read after taking the lock: a worker that held it has committed, and its rows are gone.
    const queued = await fdb.selectFrom("company_pages_queue").select("id")
      .where("organisation_id", "=", key.organisation_id).where("channel", "=", key.channel).where("written_to", "=", key.written_to)
      .execute();
    const route = routeOf(key);
    const stale = key.organisation_id > 0 ? await refreshOrganisationPage(trx, key.organisation_id) : route ? await refreshRoute(trx, route) : null;
    await fdb.insertInto("company_pages_state")
      .values({ ...key, computed_at: new Date(), stale_at: stale })
      .onConflict((oc) => oc.columns(["organisation_id", "channel", "written_to"]).doUpdateSet({ computed_at: new Date(), stale_at: stale }))
      .execute();
    if (queued.length) await fdb.deleteFrom("company_pages_queue").where("id", "in", queued.map((q) => q.id)).execute();
    return true;
  });
}
