// The figures' rules in one row the SQL reads, instead of literals in the SQL.
//
// The rules (30 days to count as answered, the 12-month window, at least 5
// stories to be ranked, which outcomes are resolved and which are still open)
// are named once, in server/companies/rules.ts. The frozen functions of 0002,
// 0005 and 0007 held the same numbers again as literals; this migration makes
// them read figure_rules instead:
// - figure_rules has at most one row. No migration writes it: the app writes it
//   from rules.ts right after migrating, in the migration's own transaction and
//   under its lock (server/companies/rules-table.ts), and recomputes every stored
//   figure when the row changed. So a rule changes in rules.ts alone, and a
//   migration never needs to know its value (migrations import no app code).
// - company_figure_scopes and company_figures_computed are recreated reading
//   figure_rules; the computed view now also says whether a row is ranked.
// - company_figures.ranked was generated (stories >= 5); a generated column can
//   only use immutable expressions, not a table, so it becomes a plain column
//   (keeping its values and indexes) written with each row from the view by
//   company_figures_refresh and company_figures_rebuild, redefined here.
// New SQL that needs a rule reads it from figure_rules the same way (a column
// added by its migration, a key added to FIGURE_RULES in rules.ts).
//
// No down(): undoing this would write the literals back into the SQL.
import { sql, type Kysely } from "kysely";

/** The observation of a story for the estimator, as in 0007: seconds × 2, + 1 when censored. */
const OBSERVATION = `case when s.first_response_at is null
  then greatest(0, floor(extract(epoch from (now() - s.escalated_at))))::bigint * 2 + 1
  else s.response_seconds * 2 end`;

// Rule values as SQL expressions over the row r of figure_rules.
const RESPONSE_WINDOW = "r.response_window_seconds * interval '1 second'";
const TWELVE_MONTHS = "r.twelve_months_hours * interval '1 hour'";
// The row as a join that the planner knows is one row: a tiny table that was
// never analysed is estimated at thousands of rows, and the inflated cost of
// every figure query then switched on JIT compilation (2.5 s a scope).
const RULES = "(select * from figure_rules limit 1) r";

function scopesView() {
  const figureColumns = (prefix: string, period: string | null) => {
    const where = (cond: string) => `filter (where ${[period, cond].filter(Boolean).join(" and ")})`;
    return [
      `count(*) ${where("true")}::integer as ${prefix}_stories`,
      `count(*) ${where("s.response_seconds <= r.response_window_seconds")}::integer as ${prefix}_answered_in_30_days`,
      `count(*) ${where(`(s.escalated_at <= now() - ${RESPONSE_WINDOW} or s.first_response_at is not null)`)}::integer as ${prefix}_response_eligible`,
      `count(s.response_seconds) ${where("true")}::integer as ${prefix}_answered`,
      `company_figures_km(array_agg(${OBSERVATION} order by ${OBSERVATION}) ${where("true")}) as ${prefix}_km`,
      `count(*) ${where("s.outcome = any(r.resolved_outcomes)")}::integer as ${prefix}_resolved`,
      `count(*) ${where("s.outcome <> all(r.open_outcomes)")}::integer as ${prefix}_closed`,
      `min(s.escalated_at) ${where("true")} as ${prefix}_first_escalated_at`,
    ].join(",\n      ");
  };
  const aggregates = [
    figureColumns("a", null),
    figureColumns("y", `s.escalated_at > now() - ${TWELVE_MONTHS}`),
    // The next moment ageing changes a figure: an unanswered story leaving the response window.
    `min(s.escalated_at) filter (where s.first_response_at is null and s.escalated_at > now() - ${RESPONSE_WINDOW}) as young_unanswered_at`,
  ].join(",\n      ");
  // The one row of figure_rules joins each branch; a WHERE on company_id, country
  // and channel is still pushed into every branch's read of stories_company_figures.
  const branch = (country: string, channel: string, groupBy: string) => `
    select s.company_id, ${country} as country, ${channel} as channel,
      ${aggregates}
    from stories s cross join ${RULES}
    where s.hidden_at is null and s.deleted_at is null
    group by ${groupBy}`;
  return sql`
    create view company_figure_scopes as
    ${sql.raw([
      branch("''::text", "''::text", "s.company_id"),
      branch("s.country", "''::text", "s.company_id, s.country"),
      branch("''::text", "s.channel", "s.company_id, s.channel"),
      branch("s.country", "s.channel", "s.company_id, s.country, s.channel"),
    ].join("\n    union all"))}`;
}

function computedView() {
  const columns = ["stories", "answered_in_30_days", "response_eligible", "answered", "median_seconds", "p90_seconds", "resolved", "closed"];
  const value = (prefix: string, column: string) => {
    if (column === "median_seconds") return `g.${prefix}_km[1]`;
    if (column === "p90_seconds") return `g.${prefix}_km[2]`;
    return `g.${prefix}_${column}`;
  };
  // The next moment the KM estimate can change by ageing alone, never sooner than a minute (as in 0007).
  const periodValues = (prefix: string, period: string, staleAt: string) =>
    `('${period}', ${columns.map((c) => value(prefix, c)).join(", ")}, least(${staleAt}, now() + greatest(g.${prefix}_km[3], 60) * interval '1 second'))`;
  return sql`
    create view company_figures_computed as
    select g.company_id, p.period, g.country, g.channel,
      p.stories, p.answered_in_30_days, p.response_eligible, p.answered, p.median_seconds, p.p90_seconds, p.resolved, p.closed,
      company_figures_wilson(p.answered_in_30_days, p.response_eligible) as response_lower_bound,
      company_figures_wilson(p.resolved, p.closed) as resolution_lower_bound,
      p.stale_at,
      p.stories >= r.min_ranked_stories as ranked
    from company_figure_scopes g
    cross join ${sql.raw(RULES)}
    cross join lateral (values
      ${sql.raw(periodValues("a", "all", `g.young_unanswered_at + ${RESPONSE_WINDOW}`))},
      ${sql.raw(periodValues("y", "12m", `g.y_first_escalated_at + ${TWELVE_MONTHS}, g.young_unanswered_at + ${RESPONSE_WINDOW}`))}
    ) as p(period, ${sql.raw(columns.join(", "))}, stale_at)
    where p.stories > 0`;
}

const FIGURE_COLUMNS = `company_id, period, country, channel, stories, answered_in_30_days, response_eligible,
  answered, median_seconds, p90_seconds, resolved, closed, response_lower_bound, resolution_lower_bound, stale_at, ranked`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table figure_rules (
      -- At most one row.
      id boolean primary key default true check (id),
      -- Answered "within 30 days": response_seconds at most this.
      response_window_seconds integer not null check (response_window_seconds > 0),
      -- "The last 12 months", by escalated at.
      twelve_months_hours integer not null check (twelve_months_hours > 0),
      -- Fewer stories in a scope: listed, unranked.
      min_ranked_stories integer not null check (min_ranked_stories >= 1),
      resolved_outcomes text[] not null,
      -- Not closed yet: outside the resolution rate.
      open_outcomes text[] not null
    )`.execute(db);

  await sql`alter table company_figures alter column ranked drop expression`.execute(db);

  // company_figures_refresh declares company_figures_computed[], resolved at call time (see 0007).
  await sql`drop view company_figures_computed`.execute(db);
  await sql`drop view company_figure_scopes`.execute(db);
  await scopesView().execute(db);
  await computedView().execute(db);

  // 0005's refresh (compute every scope first, then write), now with ranked.
  await sql`
    create or replace function company_figures_refresh(p_company integer, p_countries text[], p_channels text[]) returns void
    language plpgsql as $$
    declare r record; v_rows company_figures_computed[] := '{}';
    begin
      for r in select distinct u.country, u.channel from unnest(p_countries, p_channels) as u(country, channel) loop
        v_rows := v_rows || array(
          select c from company_figures_computed c
          where c.company_id = p_company and c.country = r.country and c.channel = r.channel);
      end loop;
      delete from company_figures f
      where f.company_id = p_company
        and (f.country, f.channel) in (select * from unnest(p_countries, p_channels));
      insert into company_figures (${sql.raw(FIGURE_COLUMNS)})
      select ${sql.raw(FIGURE_COLUMNS)} from unnest(v_rows);
    end $$`.execute(db);

  // 0002's rebuild, now with ranked.
  await sql`
    create or replace function company_figures_rebuild() returns void
    language plpgsql as $$
    begin
      lock table company_figures in exclusive mode;
      -- Every change queued so far is in the stories the insert below reads (a later snapshot).
      delete from company_figures_queue;
      delete from company_figures;
      insert into company_figures (${sql.raw(FIGURE_COLUMNS)})
      select ${sql.raw(FIGURE_COLUMNS)} from company_figures_computed;
    end $$`.execute(db);
}
