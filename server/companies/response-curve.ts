// The response curve of a company page: the Kaplan–Meier share of stories still
// waiting for a first response, at fixed times after the escalation. The same
// estimator as the median (migrations/0007), over the same stories. The figures
// worker keeps it (page-figures.ts, company_curve); pages read it from there.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { inPeriod, KM_OBSERVATION, type Period } from "./figures.js";

const H = 3600;
const D = 24 * H;
/** The times after the escalation the curve is read at; pages word them in their own language. */
export const CURVE_TIMES: readonly number[] = [H, 4 * H, 12 * H, D, 2 * D, 3 * D, 7 * D, 14 * D, 30 * D, 90 * D];

export interface CurvePoint {
  seconds: number;
  /** Kaplan–Meier share still waiting after that long; null without stories. */
  stillWaiting: number | null;
  /** Stories still at risk then: unanswered and observed at least that long. */
  atRisk: number;
}

export async function responseCurve(db: Kysely<DB>, companyId: number, period: Period): Promise<CurvePoint[]> {
  return (await curveAndCrossing(db, companyId, period)).points;
}

/**
 * The curve, and the seconds until a story's age passes an answer time or a curve time
 * (when time alone changes it; null: never), from one pass over the sorted observations
 * (company_pages_curve, migrations/0018).
 */
export async function curveAndCrossing(db: Kysely<DB>, companyId: number, period: Period): Promise<{ points: CurvePoint[]; crossing: number | null }> {
  const times = [...CURVE_TIMES];
  const observations = db.selectFrom("stories as s").where("s.company_id", "=", companyId).where(inPeriod(period)).select(KM_OBSERVATION.as("o"));
  const row = await db
    .selectFrom(observations.as("x"))
    .select(sql<(number | null)[]>`company_pages_curve(array_agg(x.o order by x.o), ${sql.val(times)}::bigint[])`.as("curve"))
    .executeTakeFirst();
  // S(t) at each time, then the stories still at risk at each, then the crossing.
  const at = (i: number) => row?.curve[i] ?? null;
  return {
    points: CURVE_TIMES.map((seconds, i) => ({ seconds, stillWaiting: at(i), atRisk: at(times.length + i) ?? 0 })),
    crossing: at(2 * times.length),
  };
}

/** The curve from stored points (company_curve); a time without a point has no stories. */
export function curveOf(points: { seconds: number; still_waiting: number | null; at_risk: number }[]): CurvePoint[] {
  const bySeconds = new Map(points.map((p) => [p.seconds, p]));
  return CURVE_TIMES.map((seconds) => ({ seconds, stillWaiting: bySeconds.get(seconds)?.still_waiting ?? null, atRisk: bySeconds.get(seconds)?.at_risk ?? 0 }));
}
