// "How to escalate at X": for each first step a reader could take (channel ×
// role written to) at one organisation, or across all of them, how often that
// step got an answer (with its Wilson interval), how fast (Kaplan–Meier median
// of the step's own wait, silences censored at their age), how often the story
// ended resolved, and how often nobody answered there so the customer had to
// go further. Computed from story_steps with the same SQL functions as the
// figures (migrations/0002 and 0007).
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { Channel, Role } from "../lib/enums.js";
import { rate, type Period } from "./figures.js";

/** A route needs this many steps before the page recommends it or ranks it. */
export const MIN_ROUTE_STEPS = 5;

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
  /** At least MIN_ROUTE_STEPS steps: enough to say. */
  supported: boolean;
}

/**
 * The steps of visible stories written to the organisation (both the stories
 * escalated to it and those naming it as the other party), or every step when
 * organisationId is null, each with whether a later step followed it.
 */
function stepsOf(db: Kysely<DB>, organisationId: number | null) {
  const branch = (party: "company" | "other_party") => {
    let q = db
      .selectFrom("stories as s")
      .innerJoin("story_steps as p", "p.story_id", "s.id")
      .where("s.hidden_at", "is", null)
      .where("s.deleted_at", "is", null)
      .select([
        "p.party", "p.channel", "p.written_to", "p.written_at", "p.answered_at", "s.outcome",
        sql<boolean>`lead(p.position) over (partition by p.story_id order by p.position) is not null`.as("followed"),
      ]);
    if (organisationId !== null) q = q.where(party === "company" ? "s.company_id" : "s.other_party_id", "=", organisationId);
    return q;
  };
  if (organisationId === null) return db.selectFrom(branch("company").as("t")).selectAll();
  // Each branch keeps only the steps written to this organisation, after the window saw the whole story.
  return db
    .selectFrom(branch("company").as("t")).selectAll().where("t.party", "=", "company")
    .unionAll(db.selectFrom(branch("other_party").as("u")).selectAll().where("u.party", "=", "other_party"));
}

export async function routesToEscalate(db: Kysely<DB>, organisationId: number | null, period: Period): Promise<RouteRow[]> {
  const observation = sql`case when r.answered_at is null
    then greatest(0, floor(extract(epoch from (now() - r.written_at))))::bigint * 2 + 1
    else floor(extract(epoch from (r.answered_at - r.written_at)))::bigint * 2 end`;
  const rows = await db
    .selectFrom(stepsOf(db, organisationId).as("r"))
    .where(period === "12m" ? sql<boolean>`r.written_at > now() - interval '8760 hours'` : sql<boolean>`true`)
    .groupBy(["r.channel", "r.written_to"])
    .select([
      "r.channel", "r.written_to",
      sql<number>`count(*)::integer`.as("steps"),
      sql<number>`count(r.answered_at)::integer`.as("answered"),
      sql<number | null>`company_figures_wilson(count(r.answered_at), count(*))`.as("low"),
      sql<number | null>`company_figures_wilson_upper(count(r.answered_at), count(*))`.as("high"),
      sql<number | null>`(company_figures_km(array_agg(${observation} order by ${observation})))[1]`.as("median_seconds"),
      sql<number>`count(*) filter (where r.outcome in ('resolved', 'goodwill'))::integer`.as("resolved"),
      sql<number>`count(*) filter (where r.outcome <> 'pending')::integer`.as("closed"),
      sql<number>`count(*) filter (where r.answered_at is null and r.followed)::integer`.as("went_further"),
    ])
    .execute();
  const routes = rows.map((r): RouteRow => ({
    channel: r.channel, writtenTo: r.written_to, steps: r.steps, answered: r.answered, answeredShare: rate(r.answered, r.steps),
    answeredLow: r.low, answeredHigh: r.high, medianSeconds: r.median_seconds, resolved: r.resolved, closed: r.closed,
    resolvedShare: rate(r.resolved, r.closed), wentFurther: r.went_further, wentFurtherShare: rate(r.went_further, r.steps),
    supported: r.steps >= MIN_ROUTE_STEPS,
  }));
  // Best supported first: the routes with enough steps by the lower bound of their answered share, then the rest by size.
  return routes.sort((a, b) =>
    Number(b.supported) - Number(a.supported)
    || (a.supported ? (b.answeredLow ?? 0) - (a.answeredLow ?? 0) : 0)
    || b.steps - a.steps
    || a.channel.localeCompare(b.channel) || a.writtenTo.localeCompare(b.writtenTo));
}
