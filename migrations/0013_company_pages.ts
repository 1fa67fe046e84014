// The company page's breakdowns and "how to escalate", kept by the figures worker.
//
// A big organisation's page used to aggregate its 100,000 stories and their
// steps per rendering: the response-time histogram, the monthly trend, the
// response curve, "stepped in" and the how-to-escalate table; /companies/how
// read every step of every story. These tables hold those results, one set of
// rows per organisation and period; route_figures with organisation_id 0 is
// the table across every organisation, one row per route (channel × role).
//
// The SQL definitions stay in the application (server/companies/breakdowns.ts,
// response-curve.ts, routes-to-escalate.ts, with the rules of rules.ts as
// parameters); server/companies/page-figures.ts runs them and writes these rows.
// Here, only what must happen inside the database:
// - statement triggers on stories and story_steps queue what a change touches
//   in company_pages_queue: the organisations (company and other party, before
//   and after) and, for the table across organisations, the routes of the
//   story's steps. Like company_figures_queue, an append-only insert that never
//   waits on a big organisation's recomputation;
// - company_pages_state records when each organisation's (or route's) rows were
//   computed and when time alone will change them (stale_at: a story leaving the
//   12 months, an unanswered one turning 30 days old, a silence outliving an
//   answer time of the Kaplan–Meier estimates), so the worker recomputes them then.
//   An organisation without a state row has never been computed: its page is
//   computed live, so a page is never wrong while the worker catches up.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // organisation_id > 0 with '' route: that organisation's page; 0 with a route: that route across every organisation.
  await sql`
    create table company_pages_queue (
      id bigint generated always as identity primary key,
      organisation_id integer not null,
      channel text not null default '',
      written_to text not null default ''
    )`.execute(db);
  await sql`create index company_pages_queue_key on company_pages_queue (organisation_id, channel, written_to, id)`.execute(db);

  await sql`
    create table company_pages_state (
      organisation_id integer not null,
      channel text not null,
      written_to text not null,
      computed_at timestamptz not null,
      stale_at timestamptz,
      primary key (organisation_id, channel, written_to)
    )`.execute(db);
  await sql`create index company_pages_due on company_pages_state (stale_at) where stale_at is not null`.execute(db);

  const company = sql`company_id integer not null references organisations (id) on delete cascade, period text not null check (period in ('12m', 'all'))`;
  await sql`create table company_histogram (${company}, bucket text not null, stories integer not null, primary key (company_id, period, bucket))`.execute(db);
  await sql`
    create table company_trend (${company},
      month text not null, stories integer not null, answered_in_30_days integer not null, response_eligible integer not null,
      median_seconds float8, primary key (company_id, period, month))`.execute(db);
  await sql`
    create table company_curve (${company},
      seconds bigint not null, still_waiting float8, at_risk integer not null, primary key (company_id, period, seconds))`.execute(db);
  await sql`
    create table company_stepped_in (${company},
      other_party_id integer not null references organisations (id) on delete cascade,
      stories integer not null, fixed integer not null, primary key (company_id, period, other_party_id))`.execute(db);
  // The page's order (most fixed first), so the first ten are read from the index.
  await sql`create index company_stepped_in_order on company_stepped_in (company_id, period, fixed desc, stories desc)`.execute(db);
  await sql`
    create table route_figures (
      organisation_id integer not null,
      period text not null check (period in ('12m', 'all')),
      channel text not null,
      written_to text not null,
      steps integer not null,
      answered integer not null,
      answered_low float8,
      answered_high float8,
      median_seconds float8,
      resolved integer not null,
      closed integer not null,
      went_further integer not null,
      primary key (organisation_id, period, channel, written_to)
    )`.execute(db);

  // What the worker reads, index-only: an organisation's visible stories with their
  // ids (to reach their steps), each story's steps, and one route's steps with their
  // stories' visibility and outcome.
  await sql`create index stories_company_steps on stories (company_id) include (id, outcome) where hidden_at is null and deleted_at is null`.execute(db);
  await sql`create index stories_visible_outcome on stories (id) include (outcome) where hidden_at is null and deleted_at is null`.execute(db);
  await sql`create index story_steps_story on story_steps (story_id, position) include (party, channel, written_to, written_at, answered_at)`.execute(db);
  await sql`create index story_steps_route_stories on story_steps (channel, written_to) include (story_id, position, written_at, answered_at)`.execute(db);

  // Seconds until the age of a censored observation (sorted, as company_figures_km
  // takes them) first passes an even value above it: an event time, or a time
  // the caller adds as a point of its curve. Null: never.
  await sql`
    create function company_pages_next_crossing(p_obs bigint[]) returns bigint
    language plpgsql immutable as $$
    declare
      j integer := coalesce(array_length(p_obs, 1), 0);
      t bigint; next_event bigint; soonest bigint;
    begin
      while j >= 1 loop
        t := p_obs[j] / 2;
        if p_obs[j] % 2 = 1 then
          if next_event is not null and next_event > t and (soonest is null or next_event - t < soonest) then
            soonest := next_event - t;
          end if;
        else
          next_event := t;
        end if;
        j := j - 1;
      end loop;
      return soonest;
    end $$`.execute(db);

  // Statement-level, like company_figures_after_stories: what a statement touched, once.
  // Named company_figures_… so that a bulk load (server/bench/bulk-load.ts) turns them off with the others.
  await sql`
    create function company_pages_after_stories() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into company_pages_queue (organisation_id)
        select distinct v.id from new_rows n cross join lateral (values (n.company_id), (n.other_party_id)) as v(id) where v.id is not null;
      elsif tg_op = 'DELETE' then
        -- Its steps went with it (their own trigger queues the routes).
        insert into company_pages_queue (organisation_id)
        select distinct v.id from old_rows o cross join lateral (values (o.company_id), (o.other_party_id)) as v(id) where v.id is not null;
      else
        insert into company_pages_queue (organisation_id)
        select distinct v.id
        from old_rows o join new_rows n on n.id = o.id
        cross join lateral (values (o.company_id), (o.other_party_id), (n.company_id), (n.other_party_id)) as v(id)
        where v.id is not null
          and (o.company_id, o.other_party_id, o.escalated_at, o.first_response_at, o.outcome, o.hidden_at is null, o.deleted_at is null)
            is distinct from (n.company_id, n.other_party_id, n.escalated_at, n.first_response_at, n.outcome, n.hidden_at is null, n.deleted_at is null);
        -- The table across organisations counts visible stories' steps and their outcome.
        insert into company_pages_queue (organisation_id, channel, written_to)
        select distinct 0, p.channel, p.written_to
        from old_rows o join new_rows n on n.id = o.id join story_steps p on p.story_id = n.id
        where (o.outcome, o.hidden_at is null, o.deleted_at is null) is distinct from (n.outcome, n.hidden_at is null, n.deleted_at is null);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger company_figures_pages_insert after insert on stories referencing new table as new_rows for each statement execute function company_pages_after_stories()`.execute(db);
  await sql`create trigger company_figures_pages_update after update on stories referencing old table as old_rows new table as new_rows for each statement execute function company_pages_after_stories()`.execute(db);
  await sql`create trigger company_figures_pages_delete after delete on stories referencing old table as old_rows for each statement execute function company_pages_after_stories()`.execute(db);

  const queueSteps = (rows: string) => `
        insert into company_pages_queue (organisation_id, channel, written_to)
        select distinct 0, r.channel, r.written_to from ${rows} r;
        insert into company_pages_queue (organisation_id)
        select distinct v.id
        from (select distinct story_id from ${rows}) r join stories s on s.id = r.story_id
        cross join lateral (values (s.company_id), (s.other_party_id)) as v(id) where v.id is not null;`;
  await sql`
    create function company_pages_after_steps() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then ${sql.raw(queueSteps("old_rows"))}
      end if;
      if tg_op in ('INSERT', 'UPDATE') then ${sql.raw(queueSteps("new_rows"))}
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger company_pages_steps_insert after insert on story_steps referencing new table as new_rows for each statement execute function company_pages_after_steps()`.execute(db);
  await sql`create trigger company_pages_steps_update after update on story_steps referencing old table as old_rows new table as new_rows for each statement execute function company_pages_after_steps()`.execute(db);
  await sql`create trigger company_pages_steps_delete after delete on story_steps referencing old table as old_rows for each statement execute function company_pages_after_steps()`.execute(db);

  // Everything from scratch (after a bulk load with the triggers off, and for the
  // stories that exist now): forget what was computed and queue every organisation
  // with stories and every route; until the worker gets to one, its page is computed live.
  await sql`
    create function company_pages_requeue_all() returns void
    language plpgsql as $$
    begin
      delete from company_pages_queue;
      delete from company_pages_state;
      delete from company_histogram;
      delete from company_trend;
      delete from company_curve;
      delete from company_stepped_in;
      delete from route_figures;
      insert into company_pages_queue (organisation_id)
      select id from (select company_id from stories union select other_party_id from stories where other_party_id is not null) as named(id)
      order by id;
      insert into company_pages_queue (organisation_id, channel, written_to)
      select distinct 0, channel, written_to from story_steps order by 2, 3;
    end $$`.execute(db);
  await sql`select company_pages_requeue_all()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ["insert", "update", "delete"]) {
    await sql`drop trigger if exists ${sql.raw(`company_figures_pages_${trigger}`)} on stories`.execute(db);
    await sql`drop trigger if exists ${sql.raw(`company_pages_steps_${trigger}`)} on story_steps`.execute(db);
  }
  for (const fn of ["company_pages_requeue_all()", "company_pages_after_steps()", "company_pages_after_stories()", "company_pages_next_crossing(bigint[])"]) {
    await sql`drop function if exists ${sql.raw(fn)}`.execute(db);
  }
  for (const index of ["stories_company_steps", "stories_visible_outcome", "story_steps_story", "story_steps_route_stories"]) {
    await sql`drop index if exists ${sql.raw(index)}`.execute(db);
  }
  for (const table of ["route_figures", "company_stepped_in", "company_curve", "company_trend", "company_histogram", "company_pages_state", "company_pages_queue"]) {
    await sql`drop table if exists ${sql.raw(table)}`.execute(db);
  }
}
