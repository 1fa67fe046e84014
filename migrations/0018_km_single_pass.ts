// The Kaplan–Meier functions of 0007 and 0013 in one pass over the sorted
// observations, with the same results to the last bit.
//
// They walked the array by subscript, testing each observation in two nested
// loops (and the crossings in a second, backward pass); at 100,000
// observations, the biggest organisation's, that interpretive work was much of
// a figures round. Now each observation is read once (FOREACH) and a group of
// tied times is settled when the next time begins: the same multiplications in
// the same order, so every stored median, p90 and curve point stays as it is.
// The crossing (seconds until a silence's age passes the next answer time) is
// found on the way: a time with answers is that far from the latest silence
// before it. A last element below every time (-3 / 2 = -1) settles the final
// group inside the loop.
//
// company_pages_curve() is new: the company page's response curve, the stories
// still at risk at each of its times and the crossing in that same pass (the
// page used to sort the observations three times and test each one ten times
// more for the counts).
//
// down() drops only the new one, not the three it redefines: the earlier bodies computed the same values, only slower.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // {median, p90, seconds until ageing can move either (null: never)}, as in 0007.
  await sql`
    create or replace function company_figures_km(p_obs bigint[]) returns float8[]
    language plpgsql immutable as $$
    declare
      at_risk integer := coalesce(array_length(p_obs, 1), 0);
      o bigint; t bigint; cur bigint; d integer := 0; c integer := 0;
      s float8 := 1; median float8; p90 float8; last_silence bigint; soonest bigint;
    begin
      if at_risk = 0 then return array[null, null, null]::float8[]; end if;
      cur := p_obs[1] / 2;
      foreach o in array p_obs || (-3)::bigint loop
        t := o / 2;
        if t <> cur then
          if d > 0 then
            -- Answer times past the p90 cannot move either quantile.
            if last_silence is not null and p90 is null and (soonest is null or cur - last_silence < soonest) then
              soonest := cur - last_silence;
            end if;
            s := s * (1 - d::float8 / at_risk);
            if median is null and s <= 0.5 + 1e-9 then median := cur; end if;
            if p90 is null and s <= 0.1 + 1e-9 then p90 := cur; end if;
          end if;
          if c > 0 then last_silence := cur; end if;
          at_risk := at_risk - d - c; d := 0; c := 0; cur := t;
        end if;
        if o % 2 = 0 then d := d + 1; else c := c + 1; end if;
      end loop;
      return array[median, p90, soonest]::float8[];
    end $$`.execute(db);

  // S(t) at each of the given times (sorted), as in 0007.
  await sql`
    create or replace function company_figures_km_curve(p_obs bigint[], p_times bigint[]) returns float8[]
    language plpgsql immutable as $$
    declare
      at_risk integer := coalesce(array_length(p_obs, 1), 0);
      k integer := 1; m integer := coalesce(array_length(p_times, 1), 0);
      o bigint; t bigint; cur bigint; d integer := 0; c integer := 0;
      s float8 := 1; result float8[] := '{}';
    begin
      if at_risk > 0 then
        cur := p_obs[1] / 2;
        while k <= m and p_times[k] < cur loop result := result || s; k := k + 1; end loop;
        foreach o in array p_obs || (-3)::bigint loop
          t := o / 2;
          if t <> cur then
            if d > 0 then s := s * (1 - d::float8 / at_risk); end if;
            at_risk := at_risk - d - c; d := 0; c := 0; cur := t;
            while k <= m and p_times[k] < t loop result := result || s; k := k + 1; end loop;
          end if;
          if o % 2 = 0 then d := d + 1; else c := c + 1; end if;
        end loop;
      end if;
      while k <= m loop result := result || s; k := k + 1; end loop;
      return result;
    end $$`.execute(db);

  // Seconds until a silence's age first passes a later even value (an answer time, or a point the caller adds), as in 0013.
  await sql`
    create or replace function company_pages_next_crossing(p_obs bigint[]) returns bigint
    language plpgsql immutable as $$
    declare
      o bigint; t bigint; cur bigint; d integer := 0; c integer := 0; last_silence bigint; soonest bigint;
    begin
      if coalesce(array_length(p_obs, 1), 0) = 0 then return null; end if;
      cur := p_obs[1] / 2;
      foreach o in array p_obs || (-3)::bigint loop
        t := o / 2;
        if t <> cur then
          if d > 0 and last_silence is not null and (soonest is null or cur - last_silence < soonest) then
            soonest := cur - last_silence;
          end if;
          if c > 0 then last_silence := cur; end if;
          d := 0; c := 0; cur := t;
        end if;
        if o % 2 = 0 then d := d + 1; else c := c + 1; end if;
      end loop;
      return soonest;
    end $$`.execute(db);

  // The response curve from sorted observations: S(t) at each of the given times (sorted), as
  // company_figures_km_curve; then at each time the observations of at least that long (at risk);
  // then the crossing, as company_pages_next_crossing would give it with the times added as answers.
  await sql`
    create function company_pages_curve(p_obs bigint[], p_times bigint[]) returns float8[]
    language plpgsql immutable as $$
    declare
      at_risk integer := coalesce(array_length(p_obs, 1), 0);
      k integer := 1; m integer := coalesce(array_length(p_times, 1), 0);
      o bigint; t bigint; cur bigint; d integer := 0; c integer := 0; s float8 := 1;
      curve float8[] := '{}'; risk float8[] := '{}';
      -- The group settled last, its size, and the latest silence before it.
      last_t bigint; last_size integer := 0; last_silence bigint; silence_before bigint;
      soonest bigint; below bigint;
    begin
      foreach o in array coalesce(p_obs, '{}') || (-3)::bigint loop
        t := o / 2;
        if t <> cur or cur is null then
          if cur is not null then
            if d > 0 then
              if last_silence is not null and (soonest is null or cur - last_silence < soonest) then soonest := cur - last_silence; end if;
              s := s * (1 - d::float8 / at_risk);
            end if;
            silence_before := last_silence;
            if c > 0 then last_silence := cur; end if;
            at_risk := at_risk - d - c; last_t := cur; last_size := d + c; d := 0; c := 0;
          end if;
          cur := t;
          -- Each time before the next group (none at the end: the last element's t is -1).
          while k <= m and (p_times[k] < t or t = -1) loop
            curve := curve || s;
            risk := risk || (at_risk + case when last_t = p_times[k] then last_size else 0 end)::float8;
            below := case when last_t = p_times[k] then silence_before else last_silence end;
            if below is not null and (soonest is null or p_times[k] - below < soonest) then soonest := p_times[k] - below; end if;
            k := k + 1;
          end loop;
        end if;
        if o % 2 = 0 then d := d + 1; else c := c + 1; end if;
      end loop;
      return curve || risk || soonest::float8;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function company_pages_curve(bigint[], bigint[])`.execute(db);
}
