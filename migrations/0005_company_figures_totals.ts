// How many organisations each leaderboard scope lists, and how many of them are
// ranked, kept beside company_figures so a leaderboard page reads its page
// count from one row instead of counting ~10,000 index entries per request.
//
// Statement triggers on company_figures apply each statement's net change, so
// every writer (the worker's refresh, the rebuild, a cascade from organisations)
// keeps the totals exact without knowing about them. Every writer of the totals
// first takes one transaction-level advisory lock (1718): two workers committing
// at once then queue instead of deadlocking on the same few total rows. That
// lock is held until commit, so company_figures_refresh now computes a scope's
// figures before it writes any row: the lock covers two short writes, not the
// recomputation of a big organisation.
import { sql, type Kysely } from "kysely";

const FIGURE_COLUMNS = `company_id, period, country, channel, stories, answered_in_30_days, response_eligible,
  answered, median_seconds, p90_seconds, resolved, closed, response_lower_bound, resolution_lower_bound, stale_at`;

// The 0002 version, restored by down().
const REFRESH_0002 = `
  declare r record;
  begin
    delete from company_figures f
    where f.company_id = p_company
      and (f.country, f.channel) in (select * from unnest(p_countries, p_channels));
    for r in select distinct u.country, u.channel from unnest(p_countries, p_channels) as u(country, channel) loop
      insert into company_figures (${FIGURE_COLUMNS})
      select ${FIGURE_COLUMNS}
      from company_figures_computed c
      where c.company_id = p_company and c.country = r.country and c.channel = r.channel;
    end loop;
  end`;

// Compute first (one scope per query, each read through stories_company_figures), then write.
const REFRESH_0005 = `
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
    insert into company_figures (${FIGURE_COLUMNS})
    select ${FIGURE_COLUMNS} from unnest(v_rows);
  end`;

function refresh(body: string) {
  return sql`
    create or replace function company_figures_refresh(p_company integer, p_countries text[], p_channels text[]) returns void
    language plpgsql as $$${sql.raw(body)}$$`;
}

/** Adds (sign 1) or removes (sign -1) a transition table's rows from the totals. */
function applyRows(table: string, sign: 1 | -1): string {
  return `
    insert into company_figures_totals as t (period, country, channel, organisations, ranked)
    select d.period, d.country, d.channel, ${sign} * count(*), ${sign} * count(*) filter (where d.ranked)
    from ${table} d
    group by d.period, d.country, d.channel
    order by d.period, d.country, d.channel
    on conflict (period, country, channel) do update
      set organisations = t.organisations + excluded.organisations, ranked = t.ranked + excluded.ranked;`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table company_figures_totals (
      period text not null,
      country text not null,
      channel text not null,
      -- No check (>= 0): a check applies to the proposed row, a negative delta, before ON CONFLICT.
      organisations integer not null,
      ranked integer not null,
      primary key (period, country, channel)
    )`.execute(db);

  await sql`
    create function company_figures_count() returns trigger
    language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(1718);
      if tg_op = 'TRUNCATE' then
        delete from company_figures_totals;
        return null;
      end if;
      if tg_op in ('DELETE', 'UPDATE') then ${sql.raw(applyRows("old_rows", -1))}
      end if;
      if tg_op in ('INSERT', 'UPDATE') then ${sql.raw(applyRows("new_rows", 1))}
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger company_figures_count_insert after insert on company_figures referencing new table as new_rows for each statement execute function company_figures_count()`.execute(db);
  await sql`create trigger company_figures_count_update after update on company_figures referencing old table as old_rows new table as new_rows for each statement execute function company_figures_count()`.execute(db);
  await sql`create trigger company_figures_count_delete after delete on company_figures referencing old table as old_rows for each statement execute function company_figures_count()`.execute(db);
  await sql`create trigger company_figures_count_truncate after truncate on company_figures for each statement execute function company_figures_count()`.execute(db);

  await refresh(REFRESH_0005).execute(db);

  // The rows that exist already.
  await sql`
    insert into company_figures_totals (period, country, channel, organisations, ranked)
    select period, country, channel, count(*), count(*) filter (where ranked)
    from company_figures group by period, country, channel`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await refresh(REFRESH_0002).execute(db);
  for (const trigger of ["insert", "update", "delete", "truncate"]) {
    await sql`drop trigger if exists ${sql.raw(`company_figures_count_${trigger}`)} on company_figures`.execute(db);
  }
  await sql`drop function if exists company_figures_count()`.execute(db);
  await sql`drop table if exists company_figures_totals`.execute(db);
}
