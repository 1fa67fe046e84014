// Company pages recomputed per part: a change to one story of a big
// organisation no longer recomputes its whole page.
//
// 0013 queued an organisation's whole page for any change to one of its
// stories or steps; at 100,000 stories and 190,000 steps that took the figures
// worker 9–13 s, most of it the how-to-escalate table (every step of the
// organisation joined to its story, and a probe per step for a later one).
// Now:
// - route_steps keeps, per step of a visible story, what the how-to tables
//   count: the organisation written to, the route (channel × role), when, the
//   answer, the story's outcome, and whether a later step followed. The story
//   and step triggers rewrite a story's rows when it changes (a few rows, never
//   a big organisation's), so one route at one organisation, or one route
//   across every organisation, is an index range read.
// - A route at one organisation is a page part of its own: the key
//   (organisation, channel, role), queued by route_steps' triggers with the
//   route across organisations (organisation 0), kept and aged by its own row
//   of company_pages_state.
// - An organisation's page key ('' × '') is queued only for its own stories
//   (not for those naming it as the other party, which touch only its routes),
//   with the story's escalated_at, so the worker recomputes only those months
//   of the trend; a queue row without one (time, a requeue) means every month.
// A page computed for the first time is computed whole, routes included.
import { sql, type Kysely } from "kysely";

const ROUTE_STEP_COLUMNS = "story_id, position, organisation_id, channel, written_to, written_at, answered_at, outcome, followed";

export async function up(db: Kysely<any>): Promise<void> {
  // No foreign key to stories: a story's steps go with it (on delete cascade), and their trigger takes its rows away.
  await sql`
    create table route_steps (
      story_id integer not null,
      position integer not null,
      -- The story's company or other party, as the step names it.
      organisation_id integer,
      channel text not null,
      written_to text not null,
      written_at timestamptz not null,
      answered_at timestamptz,
      outcome text not null,
      -- The customer wrote again after this step.
      followed boolean not null,
      primary key (story_id, position)
    )`.execute(db);
  // One route at one organisation, or across every organisation; the 12 months are a range of each.
  await sql`create index route_steps_organisation on route_steps (organisation_id, channel, written_to, written_at) include (answered_at, outcome, followed)`.execute(db);
  await sql`create index route_steps_route on route_steps (channel, written_to, written_at) include (answered_at, outcome, followed)`.execute(db);
  // An organisation's stories by escalation: the 12 months, and the months of the trend a change touched.
  await sql`
    create index stories_company_escalated on stories (company_id, escalated_at)
    include (first_response_at, response_seconds, outcome, response_bucket, other_party_id)
    where hidden_at is null and deleted_at is null`.execute(db);

  // The rows route_steps holds, from the stories and steps (a filter on story_id reaches the steps' primary key).
  await sql`
    create view route_steps_computed as
    select p.story_id, p.position,
      case when p.party = 'company' then s.company_id else s.other_party_id end as organisation_id,
      p.channel, p.written_to, p.written_at, p.answered_at, s.outcome,
      p.position < max(p.position) over (partition by p.story_id) as followed
    from story_steps p join stories s on s.id = p.story_id
    where s.hidden_at is null and s.deleted_at is null`.execute(db);
  await sql`
    create function company_pages_route_steps(p_stories integer[]) returns void
    language plpgsql as $$
    begin
      delete from route_steps where story_id = any(p_stories);
      insert into route_steps (${sql.raw(ROUTE_STEP_COLUMNS)})
      select ${sql.raw(ROUTE_STEP_COLUMNS)} from route_steps_computed where story_id = any(p_stories);
    end $$`.execute(db);
  await sql`insert into route_steps (${sql.raw(ROUTE_STEP_COLUMNS)}) select ${sql.raw(ROUTE_STEP_COLUMNS)} from route_steps_computed`.execute(db);
  await sql`analyze route_steps`.execute(db);

  // What route_steps gains or loses queues that route at its organisation and across every
  // organisation; the organisation's first, so its page follows before the table across all.
  const queueRoutes = (rows: string) => `
        insert into company_pages_queue (organisation_id, channel, written_to)
        select * from (
          select distinct v.id, r.channel, r.written_to
          from ${rows} r cross join lateral (values (r.organisation_id), (0)) as v(id) where v.id is not null) k
        order by k.id = 0;`;
  await sql`
    create function company_pages_after_route_steps() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'DELETE' then ${sql.raw(queueRoutes("old_rows"))}
      else ${sql.raw(queueRoutes("new_rows"))}
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger company_pages_route_steps_insert after insert on route_steps referencing new table as new_rows for each statement execute function company_pages_after_route_steps()`.execute(db);
  await sql`create trigger company_pages_route_steps_delete after delete on route_steps referencing old table as old_rows for each statement execute function company_pages_after_route_steps()`.execute(db);

  // Steps: their stories' rows of route_steps again (0013's triggers call this function).
  await sql`
    create or replace function company_pages_after_steps() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        perform company_pages_route_steps(array(select distinct story_id from new_rows));
      elsif tg_op = 'DELETE' then
        perform company_pages_route_steps(array(select distinct story_id from old_rows));
      else
        perform company_pages_route_steps(array(select story_id from old_rows union select story_id from new_rows));
      end if;
      return null;
    end $$`.execute(db);

  // Stories: the company's page, with the escalated_at of each story before and after (0013's triggers call this function).
  await sql`alter table company_pages_queue add column escalated_at timestamptz`.execute(db);
  await sql`
    create or replace function company_pages_after_stories() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into company_pages_queue (organisation_id, escalated_at) select distinct company_id, escalated_at from new_rows;
      elsif tg_op = 'DELETE' then
        -- Their steps went with them, and the steps' trigger took their routes.
        insert into company_pages_queue (organisation_id, escalated_at) select distinct company_id, escalated_at from old_rows;
      else
        insert into company_pages_queue (organisation_id, escalated_at)
        select distinct v.id, v.escalated_at
        from old_rows o join new_rows n on n.id = o.id
        cross join lateral (values (o.company_id, o.escalated_at), (n.company_id, n.escalated_at)) as v(id, escalated_at)
        where (o.company_id, o.other_party_id, o.escalated_at, o.first_response_at, o.outcome, o.hidden_at is null, o.deleted_at is null)
          is distinct from (n.company_id, n.other_party_id, n.escalated_at, n.first_response_at, n.outcome, n.hidden_at is null, n.deleted_at is null);
        -- What route_steps copies from the story: its organisations, its outcome, whether it shows.
        perform company_pages_route_steps(array(
          select n.id from old_rows o join new_rows n on n.id = o.id
          where (o.company_id, o.other_party_id, o.outcome, o.hidden_at is null, o.deleted_at is null)
            is distinct from (n.company_id, n.other_party_id, n.outcome, n.hidden_at is null, n.deleted_at is null)));
      end if;
      return null;
    end $$`.execute(db);

  // Every route an organisation's page already holds gets its own state, aging as that page did.
  await sql`
    insert into company_pages_state (organisation_id, channel, written_to, computed_at, stale_at)
    select distinct f.organisation_id, f.channel, f.written_to, k.computed_at, k.stale_at
    from route_figures f join company_pages_state k on k.organisation_id = f.organisation_id and k.channel = '' and k.written_to = ''
    where f.organisation_id > 0
    on conflict do nothing`.execute(db);

  // As in 0013, and route_steps from scratch too (after a bulk load with the story triggers off).
  await sql`
    create or replace function company_pages_requeue_all() returns void
    language plpgsql as $$
    begin
      truncate route_steps;
      insert into route_steps (${sql.raw(ROUTE_STEP_COLUMNS)}) select ${sql.raw(ROUTE_STEP_COLUMNS)} from route_steps_computed;
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
      select distinct 0, channel, written_to from route_steps order by 2, 3;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // 0013's trigger functions as they were.
  await sql`
    create or replace function company_pages_after_stories() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into company_pages_queue (organisation_id)
        select distinct v.id from new_rows n cross join lateral (values (n.company_id), (n.other_party_id)) as v(id) where v.id is not null;
      elsif tg_op = 'DELETE' then
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
        insert into company_pages_queue (organisation_id, channel, written_to)
        select distinct 0, p.channel, p.written_to
        from old_rows o join new_rows n on n.id = o.id join story_steps p on p.story_id = n.id
        where (o.outcome, o.hidden_at is null, o.deleted_at is null) is distinct from (n.outcome, n.hidden_at is null, n.deleted_at is null);
      end if;
      return null;
    end $$`.execute(db);
  const queueSteps = (rows: string) => `
        insert into company_pages_queue (organisation_id, channel, written_to)
        select distinct 0, r.channel, r.written_to from ${rows} r;
        insert into company_pages_queue (organisation_id)
        select distinct v.id
        from (select distinct story_id from ${rows}) r join stories s on s.id = r.story_id
        cross join lateral (values (s.company_id), (s.other_party_id)) as v(id) where v.id is not null;`;
  await sql`
    create or replace function company_pages_after_steps() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then ${sql.raw(queueSteps("old_rows"))}
      end if;
      if tg_op in ('INSERT', 'UPDATE') then ${sql.raw(queueSteps("new_rows"))}
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function company_pages_requeue_all() returns void
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
  await sql`delete from company_pages_state where organisation_id > 0 and channel <> ''`.execute(db);
  await sql`delete from company_pages_queue where organisation_id > 0 and channel <> ''`.execute(db);
  await sql`alter table company_pages_queue drop column escalated_at`.execute(db);
  await sql`drop trigger company_pages_route_steps_insert on route_steps`.execute(db);
  await sql`drop trigger company_pages_route_steps_delete on route_steps`.execute(db);
  await sql`drop function company_pages_after_route_steps()`.execute(db);
  await sql`drop function company_pages_route_steps(integer[])`.execute(db);
  await sql`drop view route_steps_computed`.execute(db);
  await sql`drop table route_steps`.execute(db);
  await sql`drop index stories_company_escalated`.execute(db);
}
