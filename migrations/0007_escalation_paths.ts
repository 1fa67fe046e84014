// Escalation paths, and medians that count the silence.
//
// story_steps: a story's path, one row per step (whom the customer wrote to, when,
// how, and what came of it). The step names its organisation as the story's
// company or other party, so a moderator's merge or an author's edit of the
// organisations carries the steps along. The story's headline facts (escalated
// at, channel, written to, first response, answered by) stay columns of stories,
// written from the path by the application in the same transaction; every story
// that exists becomes a one-step path here, so nothing changes for them.
//
// Median and p90 time to first response become Kaplan–Meier (product-limit)
// estimates: an answered story is an event at its response time, an unanswered
// one is censored at its age (now − escalated at), events before censorings at
// tied times. company_figures_km() computes them from the sorted observations;
// the views of 0002 are recreated with it, and the leaderboard reads the same
// stored rows as before.
//
// Ageing: a censored story's age grows with the clock, and the estimate changes
// when that age passes an event time (the story joins that event's risk set).
// company_figures_km() also returns how many seconds remain until the first
// such crossing that can move the median or p90 (event times up to the p90, or
// every event time while the p90 is not reached); the row's stale_at becomes
// that moment, but never sooner than 60 seconds after the computation, so a big
// organisation with many young unanswered stories is recomputed at most once a
// minute. Stored medians are therefore exact for the ages at their computation,
// at most 60 seconds old as time passes, and exact within the worker's round
// (well under 2 s) after any change to a story.
import { sql, type Kysely } from "kysely";

const CHANNELS = ["email", "phone", "letter", "web_form", "chat", "social_public", "social_dm", "in_store", "regulator", "media", "other"];
const ROLES = ["ceo", "executive", "executive_relations", "supervisor", "frontline", "pr_social", "unknown"];
const RESULTS = ["answered", "ignored", "deflected", "passed_upward", "resolved"];
const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** The observation of a story for the estimator: seconds × 2, + 1 when censored (so a sort puts events first at ties). */
const OBSERVATION = `case when s.first_response_at is null
  then greatest(0, floor(extract(epoch from (now() - s.escalated_at))))::bigint * 2 + 1
  else s.response_seconds * 2 end`;

// The 0002 scopes view with either estimator ("km" here, "percentile" for down()).
function scopesView(estimator: "km" | "percentile") {
  const figureColumns = (prefix: string, period: string | null) => {
    const where = (cond: string) => `filter (where ${[period, cond].filter(Boolean).join(" and ")})`;
    const spread = estimator === "km"
      ? [`company_figures_km(array_agg(${OBSERVATION} order by ${OBSERVATION}) ${where("true")}) as ${prefix}_km`]
      : [
        `percentile_cont(0.5) within group (order by s.response_seconds) ${where("true")} as ${prefix}_median_seconds`,
        `percentile_cont(0.9) within group (order by s.response_seconds) ${where("true")} as ${prefix}_p90_seconds`,
      ];
    return [
      `count(*) ${where("true")}::integer as ${prefix}_stories`,
      `count(*) ${where("s.response_seconds <= 2592000")}::integer as ${prefix}_answered_in_30_days`,
      `count(*) ${where("(s.escalated_at <= now() - interval '720 hours' or s.first_response_at is not null)")}::integer as ${prefix}_response_eligible`,
      `count(s.response_seconds) ${where("true")}::integer as ${prefix}_answered`,
      ...spread,
      `count(*) ${where("s.outcome in ('resolved', 'goodwill')")}::integer as ${prefix}_resolved`,
      `count(*) ${where("s.outcome <> 'pending'")}::integer as ${prefix}_closed`,
      `min(s.escalated_at) ${where("true")} as ${prefix}_first_escalated_at`,
    ].join(",\n      ");
  };
  const aggregates = [
    figureColumns("a", null),
    figureColumns("y", "s.escalated_at > now() - interval '8760 hours'"),
    "min(s.escalated_at) filter (where s.first_response_at is null and s.escalated_at > now() - interval '720 hours') as young_unanswered_at",
  ].join(",\n      ");
  const branch = (country: string, channel: string, groupBy: string) => `
    select s.company_id, ${country} as country, ${channel} as channel,
      ${aggregates}
    from stories s
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

function computedView(estimator: "km" | "percentile") {
  const columns = ["stories", "answered_in_30_days", "response_eligible", "answered", "median_seconds", "p90_seconds", "resolved", "closed"];
  const value = (prefix: string, column: string) => {
    if (estimator === "km" && column === "median_seconds") return `g.${prefix}_km[1]`;
    if (estimator === "km" && column === "p90_seconds") return `g.${prefix}_km[2]`;
    return `g.${prefix}_${column}`;
  };
  // The next moment the KM estimate can change by ageing alone, never sooner than a minute.
  const ageing = (prefix: string) => (estimator === "km" ? `, now() + greatest(g.${prefix}_km[3], 60) * interval '1 second'` : "");
  const periodValues = (prefix: string, period: string, staleAt: string) =>
    `('${period}', ${columns.map((c) => value(prefix, c)).join(", ")}, least(${staleAt}${ageing(prefix)}))`;
  return sql`
    create view company_figures_computed as
    select g.company_id, p.period, g.country, g.channel,
      p.stories, p.answered_in_30_days, p.response_eligible, p.answered, p.median_seconds, p.p90_seconds, p.resolved, p.closed,
      company_figures_wilson(p.answered_in_30_days, p.response_eligible) as response_lower_bound,
      company_figures_wilson(p.resolved, p.closed) as resolution_lower_bound,
      p.stale_at
    from company_figure_scopes g
    cross join lateral (values
      ${sql.raw(periodValues("a", "all", "g.young_unanswered_at + interval '720 hours'"))},
      ${sql.raw(periodValues("y", "12m", "g.y_first_escalated_at + interval '8760 hours', g.young_unanswered_at + interval '720 hours'"))}
    ) as p(period, ${sql.raw(columns.join(", "))}, stale_at)
    where p.stories > 0`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table story_steps (
      story_id integer not null references stories(id) on delete cascade,
      -- 1, 2, 3 … in the order it happened.
      position integer not null check (position >= 1),
      party text not null check (party in ('company', 'other_party')),
      written_at timestamptz not null,
      -- The poster gave only a date: pages show the day, not midnight.
      written_time_known boolean not null default false,
      channel text not null check (channel in (${list(CHANNELS)})),
      written_to text not null check (written_to in (${list(ROLES)})),
      answered_at timestamptz,
      answered_by text check (answered_by in (${list(ROLES)})),
      result text check (result in (${list(RESULTS)})),
      primary key (story_id, position),
      constraint story_steps_answer_after_step check (answered_at is null or answered_at >= written_at),
      constraint story_steps_ignored_unanswered check (result is distinct from 'ignored' or answered_at is null)
    )`.execute(db);
  // "How to escalate at X": every step of a route at one organisation, read from the index.
  await sql`create index story_steps_route on story_steps (channel, written_to) include (party, written_at, answered_at, result)`.execute(db);

  // Every story so far: one step to the company with the story's own facts.
  await sql`
    insert into story_steps (story_id, position, party, written_at, written_time_known, channel, written_to, answered_at, answered_by, result)
    select id, 1, 'company', escalated_at, escalated_time_known, channel, escalated_to, first_response_at, answered_by,
      case
        when first_response_at is not null and outcome in ('resolved', 'goodwill') then 'resolved'
        when first_response_at is not null and outcome = 'deflected' then 'deflected'
        when first_response_at is not null then 'answered'
        when outcome = 'pending' then null
        else 'ignored' end
    from stories`.execute(db);

  // Wilson score interval, upper bound at 95 % (0002 has the lower one).
  await sql`
    create function company_figures_wilson_upper(k bigint, n bigint) returns double precision
    language sql immutable as $$
      select case when n = 0 then null else least(1,
        ((k::float8 / n) + 3.841458820694124 / (2 * n)
          + 1.959963984540054 * sqrt((k::float8 / n) * (1 - k::float8 / n) / n + 3.841458820694124 / (4.0 * n * n)))
        / (1 + 3.841458820694124 / n)) end
    $$`.execute(db);

  // Kaplan–Meier from observations sorted ascending (seconds × 2, + 1 when censored):
  // returns {median, p90, seconds until ageing can change either (null: never)}.
  // S(t) ≤ q is tested with a tolerance of 1e-9, so that a product such as
  // 3/4 × 2/3 that is exactly 1/2 is not missed by floating-point rounding.
  await sql`
    create function company_figures_km(p_obs bigint[]) returns float8[]
    language plpgsql immutable as $$
    declare
      n integer := coalesce(array_length(p_obs, 1), 0);
      i integer := 1; j integer;
      at_risk integer := n; s float8 := 1; t bigint; d integer; c integer;
      median float8; p90 float8; horizon float8; next_event bigint; soonest bigint;
    begin
      if n = 0 then return array[null, null, null]::float8[]; end if;
      while i <= n loop
        t := p_obs[i] / 2; d := 0; c := 0;
        while i <= n and p_obs[i] / 2 = t loop
          if p_obs[i] % 2 = 0 then d := d + 1; else c := c + 1; end if;
          i := i + 1;
        end loop;
        if d > 0 then
          s := s * (1 - d::float8 / at_risk);
          if median is null and s <= 0.5 + 1e-9 then median := t; end if;
          if p90 is null and s <= 0.1 + 1e-9 then p90 := t; end if;
        end if;
        at_risk := at_risk - d - c;
      end loop;
      -- Backwards: each censoring's next event time above its age; event times past the p90 cannot move either quantile.
      horizon := coalesce(p90, 'infinity'::float8);
      j := n;
      while j >= 1 loop
        t := p_obs[j] / 2;
        if p_obs[j] % 2 = 1 then
          if next_event is not null and next_event <= horizon and (soonest is null or next_event - t < soonest) then
            soonest := next_event - t;
          end if;
        else
          next_event := t;
        end if;
        j := j - 1;
      end loop;
      return array[median, p90, soonest]::float8[];
    end $$`.execute(db);

  // S(t) of the same observations at each of the given times (the company page's response curve).
  await sql`
    create function company_figures_km_curve(p_obs bigint[], p_times bigint[]) returns float8[]
    language plpgsql immutable as $$
    declare
      n integer := coalesce(array_length(p_obs, 1), 0);
      i integer := 1; k integer := 1; m integer := coalesce(array_length(p_times, 1), 0);
      at_risk integer := n; s float8 := 1; t bigint; d integer; c integer;
      result float8[] := '{}';
    begin
      while i <= n loop
        t := p_obs[i] / 2;
        while k <= m and p_times[k] < t loop result := result || s; k := k + 1; end loop;
        d := 0; c := 0;
        while i <= n and p_obs[i] / 2 = t loop
          if p_obs[i] % 2 = 0 then d := d + 1; else c := c + 1; end if;
          i := i + 1;
        end loop;
        if d > 0 then s := s * (1 - d::float8 / at_risk); end if;
        at_risk := at_risk - d - c;
      end loop;
      while k <= m loop result := result || s; k := k + 1; end loop;
      return result;
    end $$`.execute(db);

  // company_figures_refresh (0005) declares company_figures_computed[]; plpgsql
  // resolves that type at call time, so the views can be recreated under it.
  await sql`drop view company_figures_computed`.execute(db);
  await sql`drop view company_figure_scopes`.execute(db);
  await scopesView("km").execute(db);
  await computedView("km").execute(db);
  await sql`select company_figures_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop view company_figures_computed`.execute(db);
  await sql`drop view company_figure_scopes`.execute(db);
  await scopesView("percentile").execute(db);
  await computedView("percentile").execute(db);
  await sql`select company_figures_rebuild()`.execute(db);
  await sql`drop function company_figures_km_curve(bigint[], bigint[])`.execute(db);
  await sql`drop function company_figures_km(bigint[])`.execute(db);
  await sql`drop function company_figures_wilson_upper(bigint, bigint)`.execute(db);
  await sql`drop table story_steps`.execute(db);
}
