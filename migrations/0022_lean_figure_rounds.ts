// The figures worker's round after a change to a big organisation, with less
// work for the same results to the last bit: the Kaplan–Meier walks of 0018,
// and the window bounds of the stored figures' scopes (0011).
//
// After a post to the biggest organisation (100,000 stories), the figures worker
// walks about half a million sorted observations: its figures (each scope, both
// windows), its response curve and the routes across organisations (a route has
// up to 140,000 steps). At a million stories that walking was about a third of
// the round's database time, and most of it was settling a "group" of tied times
// for every observation, although ties are rare.
// Now each observation costs what it changes:
// - a silence (odd) only becomes the latest silence; it leaves the stories at
//   risk by being counted, not by a settled group;
// - an answer (even) at a new time settles the previous answer time: at risk
//   were the observations from where that time began (n − i), as before, since
//   answers sort before silences of the same time; an answer at the same time
//   as the one before only adds to it;
// - company_figures_km stops once the p90 is reached: past it nothing it
//   returns can change (0018 went on walking, changing nothing).
// The survival factors are the same, multiplied in the same order (a first
// factor of 1 − 0/1 is exactly 1), so every median, p90, crossing and curve
// point stays as it was; test/companies/km-walk.test.ts holds them equal to
// 0018's functions on random observations with ties.
//
// company_figure_scopes (0011) compared every story with "now − 12 months" and
// "now − 30 days", computing both bounds again for each story and each of the
// nine aggregates that read them (now() is the transaction's, so every
// computation gave the same value): a third of the biggest organisation's
// scope. The bounds are now columns of the one row of rules the view joins,
// computed once; the view's columns, and each branch's index read, stay as
// they were.
//
// down() restores 0018's bodies and 0011's view.
import { sql, type Kysely } from "kysely";
import { up as up0018 } from "./0018_km_single_pass.js";

/** The observation of a story for the estimator, as in 0007 and 0011: seconds × 2, + 1 when censored. */
const OBSERVATION = `case when s.first_response_at is null
  then greatest(0, floor(extract(epoch from (now() - s.escalated_at))))::bigint * 2 + 1
  else s.response_seconds * 2 end`;

/**
 * 0011's company_figure_scopes; with bounded, the window bounds as columns of the rules row
 * (twelve_months_from, response_window_from), otherwise computed in each comparison as 0011 did.
 */
function scopesView(bounded: boolean) {
  const twelveMonthsFrom = bounded ? "r.twelve_months_from" : "now() - r.twelve_months_hours * interval '1 hour'";
  const responseWindowFrom = bounded ? "r.response_window_from" : "now() - r.response_window_seconds * interval '1 second'";
  // The row as a join that the planner knows is one row (see 0011).
  const rules = bounded
    ? `(select f.*, now() - f.twelve_months_hours * interval '1 hour' as twelve_months_from,
        now() - f.response_window_seconds * interval '1 second' as response_window_from from figure_rules f limit 1) r`
    : "(select * from figure_rules limit 1) r";
  const figureColumns = (prefix: string, period: string | null) => {
    const where = (cond: string) => `filter (where ${[period, cond].filter(Boolean).join(" and ")})`;
    return [
      `count(*) ${where("true")}::integer as ${prefix}_stories`,
      `count(*) ${where("s.response_seconds <= r.response_window_seconds")}::integer as ${prefix}_answered_in_30_days`,
      `count(*) ${where(`(s.escalated_at <= ${responseWindowFrom} or s.first_response_at is not null)`)}::integer as ${prefix}_response_eligible`,
      `count(s.response_seconds) ${where("true")}::integer as ${prefix}_answered`,
      `company_figures_km(array_agg(${OBSERVATION} order by ${OBSERVATION}) ${where("true")}) as ${prefix}_km`,
      `count(*) ${where("s.outcome = any(r.resolved_outcomes)")}::integer as ${prefix}_resolved`,
      `count(*) ${where("s.outcome <> all(r.open_outcomes)")}::integer as ${prefix}_closed`,
      `min(s.escalated_at) ${where("true")} as ${prefix}_first_escalated_at`,
    ].join(",\n      ");
  };
  const aggregates = [
    figureColumns("a", null),
    figureColumns("y", `s.escalated_at > ${twelveMonthsFrom}`),
    `min(s.escalated_at) filter (where s.first_response_at is null and s.escalated_at > ${responseWindowFrom}) as young_unanswered_at`,
  ].join(",\n      ");
  const branch = (country: string, channel: string, groupBy: string) => `
    select s.company_id, ${country} as country, ${channel} as channel,
      ${aggregates}
    from stories s cross join ${rules}
    where s.hidden_at is null and s.deleted_at is null
    group by ${groupBy}`;
  return sql`
    create or replace view company_figure_scopes as
    ${sql.raw([
      branch("''::text", "''::text", "s.company_id"),
      branch("s.country", "''::text", "s.company_id, s.country"),
      branch("''::text", "s.channel", "s.company_id, s.channel"),
      branch("s.country", "s.channel", "s.company_id, s.country, s.channel"),
    ].join("\n    union all"))}`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await scopesView(true).execute(db);

  // {median, p90, seconds until ageing can move either (null: never)}, as in 0007 and 0018.
  await sql`
    create or replace function company_figures_km(p_obs bigint[]) returns float8[]
    language plpgsql immutable as $$
    declare
      n integer := coalesce(array_length(p_obs, 1), 0);
      i integer := 0; o bigint;
      -- The answer time not settled yet (× 2), its answers and the observations at risk then.
      grp bigint := -1; d integer := 0; risk integer := 1;
      s float8 := 1; median float8; p90 float8; last_silence bigint; soonest bigint;
    begin
      if n = 0 then return array[null, null, null]::float8[]; end if;
      foreach o in array p_obs loop
        if o % 2 <> 0 then
          last_silence := o / 2;
        elsif o = grp then
          d := d + 1;
        else
          s := s * (1 - d::float8 / risk);
          if s <= 0.5 + 1e-9 then
            if median is null then median := grp / 2; end if;
            if s <= 0.1 + 1e-9 then p90 := grp / 2; exit; end if;
          end if;
          -- Answer times past the p90 cannot move either quantile (the walk has stopped by then).
          if last_silence is not null and (soonest is null or o / 2 - last_silence < soonest) then soonest := o / 2 - last_silence; end if;
          grp := o; risk := n - i; d := 1;
        end if;
        i := i + 1;
      end loop;
      if p90 is null then
        s := s * (1 - d::float8 / risk);
        if s <= 0.5 + 1e-9 then
          if median is null then median := grp / 2; end if;
          if s <= 0.1 + 1e-9 then p90 := grp / 2; end if;
        end if;
      end if;
      return array[median, p90, soonest]::float8[];
    end $$`.execute(db);

  // The response curve, as in 0018: S(t) at each of the given times (sorted), then the
  // observations of at least that long at each (at risk), then the crossing.
  await sql`
    create or replace function company_pages_curve(p_obs bigint[], p_times bigint[]) returns float8[]
    language plpgsql immutable as $$
    declare
      obs bigint[] := coalesce(p_obs, '{}');
      n integer := coalesce(array_length(p_obs, 1), 0);
      k integer := 1; m integer := coalesce(array_length(p_times, 1), 0);
      i integer := 0; j integer; o bigint; tk bigint;
      grp bigint := -1; d integer := 0; risk integer := 1; s float8 := 1;
      -- The next curve time's last observation (× 2 + 1): an observation past it emits the point.
      bound bigint;
      -- The latest silence, and the latest one before it.
      last_silence bigint; silence_before bigint; below bigint;
      soonest bigint; curve float8[] := '{}'; at_risk float8[] := '{}';
    begin
      bound := case when m >= 1 then p_times[1] * 2 + 1 end;
      foreach o in array obs || (-3)::bigint loop
        -- The last element (below every time) emits the remaining points.
        if o > bound or (o = -3 and i = n) then
          -- Settle the answer time before the point (a later settlement multiplies by exactly 1).
          s := s * (1 - d::float8 / risk); d := 0; risk := 1;
          while k <= m and (p_times[k] * 2 + 1 < o or o = -3) loop
            tk := p_times[k];
            -- At risk: the observations of time tk or more, i.e. those not yet walked and those of time tk.
            j := i;
            while j >= 1 and obs[j] >= tk * 2 loop j := j - 1; end loop;
            curve := curve || s;
            at_risk := at_risk || (n - j)::float8;
            below := case when last_silence < tk then last_silence else silence_before end;
            if below is not null and (soonest is null or tk - below < soonest) then soonest := tk - below; end if;
            k := k + 1;
          end loop;
          bound := case when k <= m then p_times[k] * 2 + 1 end;
          exit when o = -3 and i = n;
        end if;
        if o % 2 <> 0 then
          if last_silence is distinct from o / 2 then silence_before := last_silence; last_silence := o / 2; end if;
        elsif o = grp then
          d := d + 1;
        else
          s := s * (1 - d::float8 / risk);
          if last_silence is not null and (soonest is null or o / 2 - last_silence < soonest) then soonest := o / 2 - last_silence; end if;
          grp := o; risk := n - i; d := 1;
        end if;
        i := i + 1;
      end loop;
      return curve || at_risk || soonest::float8;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function company_pages_curve(bigint[], bigint[])`.execute(db);
  await up0018(db);
  await scopesView(false).execute(db);
}
