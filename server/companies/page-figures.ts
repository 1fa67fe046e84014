// What the figures worker keeps of each company page (migrations/0013): the
// histogram, monthly trend, response curve, "stepped in" and how-to-escalate
// rows of one organisation, and each route of the table across every
// organisation (organisation 0). Each is recomputed from the stories and steps
// with the pages' own definitions (breakdowns.ts, response-curve.ts,
// routes-to-escalate.ts), in one transaction that also deletes the queue rows
// it has seen, so a change committed meanwhile stays queued for the next round.
//
// Per part (migrations/0019), so that a change to one story of a big
// organisation costs what that story touches: its months of the trend (the
// rest of the page is whole, a pass over the organisation's stories), and each
// of its routes at its organisation and across organisations, read from
// route_steps. A page computed for the first time is computed whole.
import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import { histogramCounts, monthAround, steppedInCounts, trendMonths } from "./breakdowns.js";
import { inPeriod, KM_AGEING_MIN_SECONDS, PERIODS, type Period } from "./figures.js";
import { curveAndCrossing } from "./response-curve.js";
import { keptRouteGroups, type Route } from "./routes-to-escalate.js";
import { RESPONSE_WINDOW_HOURS, TWELVE_MONTHS_HOURS } from "./rules.js";
import { bumpPageVersions } from "./page-versions.js";
import { routeOf, withFigures, type CompanyPagesKey } from "./tables.js";

const periods = PERIODS;
/** Transaction-level advisory lock keys: one organisation's page (all its parts), one route across organisations. */
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
const routeKey = (r: { channel: string; written_to: string }) => `${r.channel}:${r.written_to}`;

/**
 * Recomputes the route rows of one organisation (0: across every organisation), of one
 * route or of all; returns, per route that has steps, when time will next change its rows.
 */
async function refreshRoutes(trx: Transaction<DB>, organisationId: number, route: Route | null): Promise<Map<string, { route: Route; stale: Date | null }>> {
  let old = withFigures(trx).deleteFrom("route_figures").where("organisation_id", "=", organisationId);
  if (route) old = old.where("channel", "=", route.channel).where("written_to", "=", route.writtenTo);
  await old.execute();
  const found = new Map<string, { route: Route; edges: Date[]; crossings: (number | null)[] }>();
  for (const period of periods) {
    const rows = await keptRouteGroups(trx, organisationId === 0 ? null : organisationId, period, route ?? undefined).execute();
    if (rows.length === 0) continue;
    await withFigures(trx).insertInto("route_figures").values(rows.map(({ km, first_written_at: _first, supported: _supported, ...r }) => ({
      ...r, organisation_id: organisationId, period, median_seconds: km[0] ?? null,
    }))).execute();
    for (const r of rows) {
      const entry = found.get(routeKey(r)) ?? { route: { channel: r.channel, writtenTo: r.written_to }, edges: [], crossings: [] };
      entry.crossings.push(r.km[2] ?? null);
      if (period === "12m") entry.edges.push(leavesTwelveMonths(r.first_written_at));
      found.set(routeKey(r), entry);
    }
  }
  return new Map([...found].map(([k, e]) => [k, { route: e.route, stale: staleAt(e.edges, e.crossings) }]));
}

/**
 * Recomputes one organisation's page apart from its routes: the histogram, curve and
 * stepped-in rows, and the trend's months (only those of `moments` when given);
 * returns when time will next change them.
 */
export async function refreshOrganisationPage(trx: Transaction<DB>, organisationId: number, moments: Date[] | null = null): Promise<Date | null> {
  const fdb = withFigures(trx);
  for (const table of ["company_histogram", "company_curve", "company_stepped_in"] as const) {
    await fdb.deleteFrom(table).where("company_id", "=", organisationId).execute();
  }
  let oldMonths = fdb.deleteFrom("company_trend").where("company_id", "=", organisationId);
  if (moments) oldMonths = oldMonths.where("month", "in", moments.map((m) => monthAround(m).label));
  await oldMonths.execute();
  // A silence outliving an answer time or a curve time (of all time: the 12 months' stories are among them).
  let crossing: number | null = null;
  for (const period of periods) {
    const histogram = await histogramCounts(trx, organisationId, period);
    if (histogram.length) await fdb.insertInto("company_histogram").values(histogram.map((b) => ({ company_id: organisationId, period, ...b }))).execute();
    const months = await trendMonths(trx, organisationId, period, moments ?? undefined);
    if (months.length) await fdb.insertInto("company_trend").values(months.map((m) => ({ company_id: organisationId, period, ...m }))).execute();
    const { points: curve, crossing: periodCrossing } = await curveAndCrossing(trx, organisationId, period);
    if (period === "all") crossing = periodCrossing;
    if (curve.some((p) => p.stillWaiting !== null)) {
      await fdb.insertInto("company_curve").values(curve.map((p) => ({ company_id: organisationId, period, seconds: p.seconds, still_waiting: p.stillWaiting, at_risk: p.atRisk }))).execute();
    }
    await fdb.insertInto("company_stepped_in")
      .columns(["other_party_id", "stories", "fixed", "company_id", "period"])
      .expression(steppedInCounts(trx, organisationId, period).select([sql<number>`${organisationId}::integer`.as("company_id"), sql<Period>`${period}::text`.as("period")]))
      .execute();
  }
  // Ageing: a story leaving the 12 months or turning 30 days old unanswered. Each the first of a range
  // of stories_company_escalated (migrations/0019), not a pass over the organisation's stories.
  const earliest = (after: RawBuilder<boolean>) => sql<Date | null>`(select s.escalated_at from stories s
    where s.company_id = ${organisationId} and ${inPeriod("all")} and ${after} order by s.escalated_at limit 1)`;
  const { rows } = await sql<{ twelve_months: Date | null; thirty_days: Date | null }>`
    select
      ${earliest(sql`s.escalated_at > now() - make_interval(hours => ${TWELVE_MONTHS_HOURS})`)} + make_interval(hours => ${TWELVE_MONTHS_HOURS}) as twelve_months,
      ${earliest(sql`s.first_response_at is null and s.escalated_at > now() - make_interval(hours => ${RESPONSE_WINDOW_HOURS})`)} + make_interval(hours => ${RESPONSE_WINDOW_HOURS}) as thirty_days`.execute(trx);
  const timing = rows[0];
  return staleAt([timing?.twelve_months ?? null, timing?.thirty_days ?? null], [crossing]);
}

/** Recomputes one route at one organisation, or across every organisation (0); returns when time will next change it. */
export async function refreshRoute(trx: Transaction<DB>, organisationId: number, route: Route): Promise<Date | null> {
  return (await refreshRoutes(trx, organisationId, route)).get(routeKey({ channel: route.channel, written_to: route.writtenTo }))?.stale ?? null;
}

interface KeptPart {
  key: CompanyPagesKey;
  stale: Date | null;
}

/** Records that pages (or routes) were computed now, and when time will change each. */
async function keep(trx: Transaction<DB>, parts: KeptPart[]): Promise<void> {
  const computedAt = new Date();
  await withFigures(trx).insertInto("company_pages_state")
    .values(parts.map(({ key, stale }) => ({ ...key, computed_at: computedAt, stale_at: stale })))
    .onConflict((oc) => oc.columns(["organisation_id", "channel", "written_to"]).doUpdateSet((eb) => ({
      computed_at: eb.ref("excluded.computed_at"), stale_at: eb.ref("excluded.stale_at"),
    })))
    .execute();
}

/** An organisation's whole page, every route at it included, each part with its own state. */
export async function refreshWholePage(trx: Transaction<DB>, organisationId: number): Promise<void> {
  const page: KeptPart = { key: { organisation_id: organisationId, channel: "", written_to: "" }, stale: await refreshOrganisationPage(trx, organisationId) };
  const routes = [...(await refreshRoutes(trx, organisationId, null)).values()].map(({ route, stale }): KeptPart => ({
    key: { organisation_id: organisationId, channel: route.channel, written_to: route.writtenTo }, stale,
  }));
  await keep(trx, [page, ...routes]);
}

async function pageKept(trx: Transaction<DB>, organisationId: number): Promise<boolean> {
  const row = await withFigures(trx).selectFrom("company_pages_state").select("computed_at")
    .where("organisation_id", "=", organisationId).where("channel", "=", "").where("written_to", "=", "")
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The oldest queued pages first, then those time has made due, most overdue first; a few candidates,
 * in case other workers hold some. Ordered by stale_at so that the read is always a range of
 * company_pages_due: a plan by row estimates scanned the whole table on every poll when the
 * statistics were old (no autovacuum), though almost nothing was due.
 */
async function candidates(trx: Transaction<DB>): Promise<CompanyPagesKey[]> {
  const { rows } = await sql<CompanyPagesKey>`
    (select organisation_id, channel, written_to from company_pages_queue group by 1, 2, 3 order by min(id) limit 16)
    union all
    (select organisation_id, channel, written_to from company_pages_state where stale_at <= now() order by stale_at limit 16)`.execute(trx);
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

/** Still queued, or due by time: what a round that waited for another's lock finds may already be done. */
async function stillDue(trx: Transaction<DB>, key: CompanyPagesKey): Promise<boolean> {
  const { rows } = await sql<{ due: boolean }>`
    select exists (select 1 from company_pages_queue q
        where (q.organisation_id, q.channel, q.written_to) = (${key.organisation_id}, ${key.channel}, ${key.written_to}))
      or exists (select 1 from company_pages_state k
        where (k.organisation_id, k.channel, k.written_to) = (${key.organisation_id}, ${key.channel}, ${key.written_to}) and k.stale_at <= now()) as due`.execute(trx);
  return rows[0]?.due === true;
}

/** A part to recompute, locked for this transaction: one nobody holds, or with wait the first held one once it is free and still due. */
async function claim(trx: Transaction<DB>, wait: boolean): Promise<CompanyPagesKey | undefined> {
  for (;;) {
    const found = await candidates(trx);
    for (const candidate of found) {
      if (await lock(trx, candidate, false)) return candidate;
    }
    if (!wait || !found[0]) return undefined;
    await lock(trx, found[0], true);
    // Unless the round that held it did it meanwhile; then look again.
    if (await stillDue(trx, found[0])) return found[0];
  }
}

/**
 * One round: recomputes one queued or due page part (an organisation's page, one
 * route at it, or a route across organisations) and returns whether there was one.
 * It takes a part nobody else holds; with wait, when every candidate is held, it
 * waits for one (a flush that must see all).
 */
export async function workOnePage(db: Kysely<DB>, wait: boolean): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // A round's queries are big enough for the JIT to cost more than it saves (1.6 s of 6 s at a million stories),
    // and its sorts of a big organisation's 100,000 observations fit in memory with room to spare.
    await sql`set local jit = off`.execute(trx);
    await sql`set local work_mem = '64MB'`.execute(trx);
    const key = await claim(trx, wait);
    if (!key) return false;
    const organisationId = key.organisation_id;
    const route = routeOf(key);
    const whole = organisationId > 0 && !(await pageKept(trx, organisationId));
    // Read after taking the lock: a worker that held it has committed, and its rows are gone.
    let queue = withFigures(trx).selectFrom("company_pages_queue").select(["id", "escalated_at"]).where("organisation_id", "=", organisationId);
    if (!whole) queue = queue.where("channel", "=", key.channel).where("written_to", "=", key.written_to);
    const queued = await queue.execute();
    if (whole) {
      await refreshWholePage(trx, organisationId);
    } else if (route) {
      await keep(trx, [{ key, stale: await refreshRoute(trx, organisationId, route) }]);
    } else {
      // Queued for some stories only: their months of the trend. Time, or a requeue, asks for every month.
      const moments = queued.flatMap((q) => (q.escalated_at ? [q.escalated_at] : []));
      const stale = await refreshOrganisationPage(trx, organisationId, queued.length > 0 && moments.length === queued.length ? moments : null);
      await keep(trx, [{ key, stale }]);
    }
    if (queued.length) await withFigures(trx).deleteFrom("company_pages_queue").where("id", "in", queued.map((q) => q.id)).execute();
    // Last: the page's (or, for organisation 0, /companies/how's) kept renderings go with this commit.
    await bumpPageVersions(trx, [organisationId]);
    return true;
  });
}
