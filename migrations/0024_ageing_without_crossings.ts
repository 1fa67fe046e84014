// When a stored figure next falls due by time alone: only when waiting can
// change it.
//
// 1. A figure whose Kaplan–Meier estimate cannot change as its silences age is
// not due by time at all. company_figures_km returns null for "no silence comes
// before an answer time that could move the median or p90", and the stored
// figures' view (0011, as 0007 before it) turned that null into the 60-second
// floor, because greatest(null, 60) is 60. Every such scope (one answered
// story, say) was recomputed every minute for nothing: after `npm run generate`,
// 470,000 of the 580,000 stored rows had one to four stories and were due
// within the minute, and the figures worker spent a whole core on them forever.
// Now the null stays null; the 30-day and 12-month edges still make a row due.
//
// 2. A silence passing an answer time moves the median only when it lifts S at
// the median above ½ (the p90: above 0.1). One more observation at risk at an
// answer time t_j (d_j answers of n_j at risk) multiplies S from t_j on by
// 1 + d_j / ((n_j + 1)(n_j − d_j)), so raises ln S by at most
// y_j = d_j / ((n_j + 1)(n_j − d_j)), and less for each further one there. So
// neither quantile can move while the y_j of every crossing still to come add
// up to less than the margin ln((½ + ε) / S(median)) (and ln((0.1 + ε) / S(p90))).
// After Δ seconds, a silence now of age a has crossed the answer times in
// (a, a + Δ]: the walk keeps the running sum Y of y_j by answer time, and the
// moment is the longest Δ of 60 s · 2^k (k ≤ 20) at which Σ Y(a + Δ) − Y(a),
// over the silences below the quantile, is under half the margin — never
// sooner than the first crossing, as before, and null when even every crossing
// to come stays under it. A big scope's median, which one silence moves by a
// few parts in a billion, is then due tens of minutes or hours later instead of
// every minute; a small one's at its first crossing, as before. An answer time where S falls to 0 is
// crossed only by its own rule: the first silence reaching it may move it.
// Medians and p90s are computed as in 0022, to the last bit.
//
// 3. The worker's step reads the due rows most overdue first: ordered by stale_at,
// the read is always a range of company_figures_due. Planned by row estimates it
// was a scan of the whole table on every poll (4 a second) when the statistics
// were old, as on a server without autovacuum: 110 ms each, with nothing due.
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


/** {median, p90, seconds until ageing can move either (null: never)}: 0022's walk, and the moment as above. */
const KM_WITH_MARGINS = sql`
  create or replace function company_figures_km(p_obs bigint[]) returns float8[]
  language plpgsql immutable as $$
  declare
    n integer := coalesce(array_length(p_obs, 1), 0);
    i integer := 0; o bigint;
    -- The answer time not settled yet (× 2), its answers and the observations at risk then.
    grp bigint := -1; d integer := 0; risk integer := 1;
    s float8 := 1; median float8; p90 float8; last_silence bigint; soonest bigint;
    -- The settled answer times (seconds) and the running acc of their y_j; the silences
    -- (seconds) and how many answer times each is already at risk at.
    g integer := 0; times bigint[] := '{}'; ys float8[] := '{}'; total float8 := 0;
    m integer := 0; sil bigint[] := '{}'; sil_g integer[] := '{}';
    q_g integer[] := '{}'; q_s float8[] := '{}'; q_thr float8[] := '{}';
    k integer; j integer; lo integer; hi integer; mid integer;
    qg integer; q bigint; margin float8; acc float8; delta bigint; latest bigint;
    moment float8; answer float8;
  begin
    if n = 0 then return array[null, null, null]::float8[]; end if;
    foreach o in array p_obs loop
      if o % 2 <> 0 then
        last_silence := o / 2;
        m := m + 1; sil[m] := o / 2; sil_g[m] := g;
      elsif o = grp then
        d := d + 1;
      else
        s := s * (1 - d::float8 / risk);
        if g > 0 then
          -- S reaching 0 here is handled by its own rule below (y_j would be infinite).
          if risk > d then total := total + d::float8 / ((risk + 1)::float8 * (risk - d)); end if;
          times[g] := grp / 2; ys[g] := total;
        end if;
        if s <= 0.5 + 1e-9 then
          if median is null then median := grp / 2; q_g := q_g || g; q_s := q_s || s; q_thr := q_thr || (0.5 + 1e-9)::float8; end if;
          if s <= 0.1 + 1e-9 then p90 := grp / 2; q_g := q_g || g; q_s := q_s || s; q_thr := q_thr || (0.1 + 1e-9)::float8; exit; end if;
        end if;
        -- Answer times past the p90 cannot move either quantile (the walk has stopped by then).
        if last_silence is not null and (soonest is null or o / 2 - last_silence < soonest) then soonest := o / 2 - last_silence; end if;
        grp := o; risk := n - i; d := 1; g := g + 1;
      end if;
      i := i + 1;
    end loop;
    if p90 is null then
      s := s * (1 - d::float8 / risk);
      if g > 0 then
        if risk > d then total := total + d::float8 / ((risk + 1)::float8 * (risk - d)); end if;
        times[g] := grp / 2; ys[g] := total;
      end if;
      if s <= 0.5 + 1e-9 then
        if median is null then median := grp / 2; q_g := q_g || g; q_s := q_s || s; q_thr := q_thr || (0.5 + 1e-9)::float8; end if;
        if s <= 0.1 + 1e-9 then p90 := grp / 2; q_g := q_g || g; q_s := q_s || s; q_thr := q_thr || (0.1 + 1e-9)::float8; end if;
      end if;
    end if;
    -- The moment: the sooner of the two quantiles' (each null when ageing cannot move it).
    for k in 1 .. coalesce(array_length(q_g, 1), 0) loop
      qg := q_g[k]; q := times[qg]; answer := null;
      if q_s[k] <= 0 then
        -- S is 0 from q on: the first silence to reach q may move it.
        latest := null;
        for j in 1 .. m loop
          if sil[j] < q then latest := sil[j]; end if;
        end loop;
        if latest is not null then answer := q - latest; end if;
      else
        margin := ln(q_thr[k] / q_s[k]) / 2;
        -- Every crossing still to come, at once.
        acc := 0;
        for j in 1 .. m loop
          if sil[j] < q then acc := acc + ys[qg] - coalesce(ys[sil_g[j]], 0); end if;
        end loop;
        if acc >= margin then
          if margin < 1e-12 then
            answer := soonest;
          else
            -- The largest step of 60 s · 2^step (0–20) whose crossings stay under the margin.
            answer := soonest;
            lo := 0; hi := 20;
            while lo <= hi loop
              mid := (lo + hi) / 2; delta := 60::bigint << mid; acc := 0;
              for j in 1 .. m loop
                if sil[j] < q then
                  -- Y at min(a + Δ, q): the last answer time at or before it, by bisection.
                  if sil[j] + delta >= q then
                    acc := acc + ys[qg] - coalesce(ys[sil_g[j]], 0);
                  else
                    declare l integer := greatest(sil_g[j], 1); h integer := qg; c integer;
                    begin
                      if times[l] > sil[j] + delta then l := 0; h := 0; end if;
                      while l < h loop
                        c := (l + h + 1) / 2;
                        if times[c] <= sil[j] + delta then l := c; else h := c - 1; end if;
                      end loop;
                      if l > 0 then acc := acc + ys[l] - coalesce(ys[sil_g[j]], 0); end if;
                    end;
                  end if;
                end if;
                exit when acc >= margin;
              end loop;
              if acc < margin then answer := greatest(answer, delta); lo := mid + 1; else hi := mid - 1; end if;
            end loop;
          end if;
        end if;
      end if;
      if answer is not null and (moment is null or answer < moment) then moment := answer; end if;
    end loop;
    return array[median, p90, moment]::float8[];
  end $$`;

/** 0022's function, for down(). */
const KM_0022 = sql`
  create or replace function company_figures_km(p_obs bigint[]) returns float8[]
  language plpgsql immutable as $$
  declare
    n integer := coalesce(array_length(p_obs, 1), 0);
    i integer := 0; o bigint;
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
  end $$`;

/** 0002's worker step, its due rows read most overdue first (with p_order). */
const workOne = (order: string) => sql`
  create or replace function company_figures_work_one(p_wait boolean) returns integer
  language plpgsql as $$
  declare r record; v_company integer; v_ids bigint[];
  begin
    -- The oldest changes first; a few candidates, in case other workers hold some.
    for r in
      select c.company_id from (
        (select q.company_id from company_figures_queue q group by q.company_id order by min(q.id) limit 16)
        union all
        (select f.company_id from company_figures f where f.stale_at <= now() ${sql.raw(order)} limit 16)
      ) c
    loop
      if p_wait then
        perform pg_advisory_xact_lock(1717, r.company_id);
      elsif not pg_try_advisory_xact_lock(1717, r.company_id) then
        continue;
      end if;
      v_company := r.company_id;
      exit;
    end loop;
    if v_company is null then
      return null;
    end if;
    -- Read after taking the lock: a worker that held it has committed, and its rows are gone.
    select array_agg(q.id) into v_ids from company_figures_queue q where q.company_id = v_company;
    perform company_figures_refresh(v_company, array_agg(s.country), array_agg(s.channel))
    from (
      select scope.country, scope.channel
      from company_figures_queue q
      cross join lateral (values ('', ''), (q.country, ''), ('', q.channel), (q.country, q.channel)) as scope(country, channel)
      where q.id = any(v_ids)
      union
      select f.country, f.channel from company_figures f where f.company_id = v_company and f.stale_at <= now()
    ) s;
    delete from company_figures_queue q where q.id = any(v_ids);
    return v_company;
  end $$`;

export async function up(db: Kysely<any>): Promise<void> {
  await KM_WITH_MARGINS.execute(db);
  await workOne("order by f.stale_at").execute(db);
  await computedView(ageing).execute(db);
  await sql`select company_figures_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await KM_0022.execute(db);
  await workOne("").execute(db);
  await computedView((km) => `now() + greatest(${km}[3], 60) * interval '1 second'`).execute(db);
  await sql`select company_figures_rebuild()`.execute(db);
}
