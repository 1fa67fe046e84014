// A stored figure whose Kaplan–Meier estimate cannot change as its silences age
// is not due again by time: company_figures_km returns null for "no silence
// comes before an answer time that could move the median or p90", and the
// stored figures' view (0011, as 0007 before it) turned that null into the
// 60-second floor, because greatest(null, 60) is 60. Every scope without such a
// silence (one answered story, say) was recomputed every minute for nothing:
// after `npm run generate`, 470,000 of the 580,000 stored rows had one to four
// stories and were due within the minute, and the figures worker spent a whole
// core on them forever. Now the null stays null, so only the 30-day and
// 12-month edges (and real crossings, still never sooner than 60 s) make a row due.
//
// The view is 0011's (with 0022's rules row), only the ageing term changed; the
// stored rows are recomputed once so their moments are right at once.
import { sql, type Kysely } from "kysely";

const ageing = (km: string) => `case when ${km}[3] is not null then now() + greatest(${km}[3], 60) * interval '1 second' end`;

function computedView(ageingOf: (km: string) => string) {
  return sql`
    create or replace view company_figures_computed as
    select g.company_id, p.period, g.country, g.channel,
      p.stories, p.answered_in_30_days, p.response_eligible, p.answered, p.median_seconds, p.p90_seconds, p.resolved, p.closed,
      company_figures_wilson(p.answered_in_30_days::bigint, p.response_eligible::bigint) as response_lower_bound,
      company_figures_wilson(p.resolved::bigint, p.closed::bigint) as resolution_lower_bound,
      p.stale_at,
      p.stories >= r.min_ranked_stories as ranked
    from company_figure_scopes g
    cross join (select id, response_window_seconds, twelve_months_hours, min_ranked_stories, resolved_outcomes, open_outcomes from figure_rules limit 1) r
    cross join lateral (values
      ('all'::text, g.a_stories, g.a_answered_in_30_days, g.a_response_eligible, g.a_answered, g.a_km[1], g.a_km[2], g.a_resolved, g.a_closed,
        least(g.young_unanswered_at + r.response_window_seconds * interval '1 second', ${sql.raw(ageingOf("g.a_km"))})),
      ('12m'::text, g.y_stories, g.y_answered_in_30_days, g.y_response_eligible, g.y_answered, g.y_km[1], g.y_km[2], g.y_resolved, g.y_closed,
        least(g.y_first_escalated_at + r.twelve_months_hours * interval '1 hour', g.young_unanswered_at + r.response_window_seconds * interval '1 second', ${sql.raw(ageingOf("g.y_km"))}))
    ) as p(period, stories, answered_in_30_days, response_eligible, answered, median_seconds, p90_seconds, resolved, closed, stale_at)
    where p.stories > 0`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await computedView(ageing).execute(db);
  await sql`select company_figures_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await computedView((km) => `now() + greatest(${km}[3], 60) * interval '1 second'`).execute(db);
  await sql`select company_figures_rebuild()`.execute(db);
}
