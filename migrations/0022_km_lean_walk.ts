// The Kaplan–Meier walks of 0018 with less work per observation, and the same
// results to the last bit.
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
// down() restores 0018's bodies.
import { sql, type Kysely } from "kysely";
import { up as up0018 } from "./0018_km_single_pass.js";

export async function up(db: Kysely<any>): Promise<void> {
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
}
