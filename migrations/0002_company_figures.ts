// Company figures kept exact and cheap to read at a million stories.
//
// company_figures holds, per organisation escalated to, one row per period
// ('12m' = escalated in the last 365 days, 'all') and scope (all stories, one
// country, one channel, one country × channel; '' means "any"). The view
// company_figures_computed is the single SQL definition of every figure; the
// table is only ever filled from it:
// - statement triggers on stories only queue the touched (organisation, country,
//   channel) in company_figures_queue, a cheap insert that never waits, so
//   posting does not pay for recomputing a big organisation;
// - a worker in the app (server/companies/worker.ts) calls
//   company_figures_work_one() a few times a second: it recomputes one
//   organisation's queued scopes under an advisory lock (so two processes never
//   recompute it at once) and deletes just the queue rows it read, so a change
//   committed meanwhile stays queued for the next round;
// - time changes figures too (a story leaves the 12-month window; an unanswered
//   story turns 30 days old and enters the response-rate denominator), so each
//   row stores stale_at, the next moment ageing changes it, and the same worker
//   recomputes the rows that are due.
// Windows use hours, not calendar units, so the edges never depend on a time zone.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Wilson score interval, lower bound at 95 %: ranks 90/100 above 5/5.
  await sql`
    create function company_figures_wilson(k bigint, n bigint) returns double precision
    language sql immutable as $$
      -- z = 1.959963984540054 (95 %), z² = 3.841458820694124
      -- greatest(): rounding would otherwise make 0 of n a bound of -1e-17.
      select case when n = 0 then null else greatest(0,
        ((k::float8 / n) + 3.841458820694124 / (2 * n)
          - 1.959963984540054 * sqrt((k::float8 / n) * (1 - k::float8 / n) / n + 3.841458820694124 / (4.0 * n * n)))
        / (1 + 3.841458820694124 / n)) end
    $$`.execute(db);

  // The figures, as DESIGN.md defines them (shown on /companies#definitions):
  // one row per organisation and scope (all stories, one country, one channel,
  // one country × channel; '' = any) with both periods' figures side by side,
  // the 12 months as a FILTER. The four scope kinds are four UNION ALL branches
  // of the same aggregates, so a WHERE on company_id, country and channel is
  // pushed into each branch and read from stories_company_figures: recomputing
  // one organisation's touched scopes reads only those stories, once.
  const figureColumns = (prefix: string, period: string | null) => {
    const where = (cond: string) => `filter (where ${[period, cond].filter(Boolean).join(" and ")})`;
    return [
      `count(*) ${where("true")}::integer as ${prefix}_stories`,
      `count(*) ${where("s.response_seconds <= 2592000")}::integer as ${prefix}_answered_in_30_days`,
      `count(*) ${where("(s.escalated_at <= now() - interval '720 hours' or s.first_response_at is not null)")}::integer as ${prefix}_response_eligible`,
      `count(s.response_seconds) ${where("true")}::integer as ${prefix}_answered`,
      // Two percentile_cont over the same ordering share one sort.
      `percentile_cont(0.5) within group (order by s.response_seconds) ${where("true")} as ${prefix}_median_seconds`,
      `percentile_cont(0.9) within group (order by s.response_seconds) ${where("true")} as ${prefix}_p90_seconds`,
      `count(*) ${where("s.outcome in ('resolved', 'goodwill')")}::integer as ${prefix}_resolved`,
      `count(*) ${where("s.outcome <> 'pending'")}::integer as ${prefix}_closed`,
      `min(s.escalated_at) ${where("true")} as ${prefix}_first_escalated_at`,
    ].join(",\n      ");
  };
  const aggregates = [
    figureColumns("a", null),
    figureColumns("y", "s.escalated_at > now() - interval '8760 hours'"),
    // The next moment ageing changes a figure: an unanswered story turning 30 days old.
    "min(s.escalated_at) filter (where s.first_response_at is null and s.escalated_at > now() - interval '720 hours') as young_unanswered_at",
  ].join(",\n      ");
  const branch = (country: string, channel: string, groupBy: string) => `
    select s.company_id, ${country} as country, ${channel} as channel,
      ${aggregates}
    from stories s
    where s.hidden_at is null and s.deleted_at is null
    group by ${groupBy}`;
  await sql`
    create view company_figure_scopes as
    ${sql.raw([
      branch("''::text", "''::text", "s.company_id"),
      branch("s.country", "''::text", "s.company_id, s.country"),
      branch("''::text", "s.channel", "s.company_id, s.channel"),
      branch("s.country", "s.channel", "s.company_id, s.country, s.channel"),
    ].join("\n    union all"))}`.execute(db);

  // One row per period: 'all', and '12m' when the scope has a story in it.
  const periodColumns = ["stories", "answered_in_30_days", "response_eligible", "answered", "median_seconds", "p90_seconds", "resolved", "closed"];
  const periodValues = (prefix: string, period: string, staleAt: string) =>
    `('${period}', ${periodColumns.map((c) => `g.${prefix}_${c}`).join(", ")}, ${staleAt})`;
  await sql`
    create view company_figures_computed as
    select g.company_id, p.period, g.country, g.channel,
      p.stories, p.answered_in_30_days, p.response_eligible, p.answered, p.median_seconds, p.p90_seconds, p.resolved, p.closed,
      company_figures_wilson(p.answered_in_30_days, p.response_eligible) as response_lower_bound,
      company_figures_wilson(p.resolved, p.closed) as resolution_lower_bound,
      p.stale_at
    from company_figure_scopes g
    cross join lateral (values
      ${sql.raw(periodValues("a", "all", "g.young_unanswered_at + interval '720 hours'"))},
      ${sql.raw(periodValues("y", "12m", "least(g.y_first_escalated_at + interval '8760 hours', g.young_unanswered_at + interval '720 hours')"))}
    ) as p(period, ${sql.raw(periodColumns.join(", "))}, stale_at)
    where p.stories > 0`.execute(db);

  await db.schema
    .createTable("company_figures")
    .addColumn("company_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("period", "text", (c) => c.notNull().check(sql`period in ('12m', 'all')`))
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("stories", "integer", (c) => c.notNull())
    .addColumn("answered_in_30_days", "integer", (c) => c.notNull())
    .addColumn("response_eligible", "integer", (c) => c.notNull())
    .addColumn("answered", "integer", (c) => c.notNull())
    .addColumn("median_seconds", "float8")
    .addColumn("p90_seconds", "float8")
    .addColumn("resolved", "integer", (c) => c.notNull())
    .addColumn("closed", "integer", (c) => c.notNull())
    .addColumn("response_lower_bound", "float8")
    .addColumn("resolution_lower_bound", "float8")
    .addColumn("stale_at", "timestamptz")
    .addColumn("ranked", "boolean", (c) => c.notNull().generatedAlwaysAs(sql`stories >= 5`).stored())
    .addPrimaryKeyConstraint("company_figures_pk", ["company_id", "period", "country", "channel"])
    .execute();
  // One index per leaderboard order, so a page reads 50 rows, not 10,000.
  const orders: Record<string, string> = {
    response: "response_lower_bound desc nulls last, stories desc, company_id",
    resolution: "resolution_lower_bound desc nulls last, stories desc, company_id",
    median: "median_seconds asc nulls last, stories desc, company_id",
    p90: "p90_seconds asc nulls last, stories desc, company_id",
    stories: "stories desc, company_id",
  };
  for (const [name, order] of Object.entries(orders)) {
    await sql`create index ${sql.raw(`company_figures_by_${name}`)} on company_figures (period, country, channel, ranked desc, ${sql.raw(order)})`.execute(db);
  }
  await sql`create index company_figures_due on company_figures (stale_at) where stale_at is not null`.execute(db);
  // The worker's recomputation, and the company page's breakdowns (breakdowns.ts:
  // histogram, monthly trend, what worked, stepped in), read one organisation's
  // stories from this index alone, never from the table's pages.
  await sql`
    create index stories_company_figures on stories (company_id, country, channel)
    include (escalated_at, first_response_at, response_seconds, outcome, escalated_to, other_party_id, response_bucket)
    where hidden_at is null and deleted_at is null`.execute(db);
  await sql`create index stories_other_party_figures on stories (other_party_id) include (company_id, outcome, escalated_at) where other_party_id is not null and hidden_at is null and deleted_at is null`.execute(db);

  // Recomputes the given scopes (country[i], channel[i]) of one organisation,
  // one scope per query so each reads only its own stories through the index.
  await sql`
    create function company_figures_refresh(p_company integer, p_countries text[], p_channels text[]) returns void
    language plpgsql as $$
    declare r record;
    begin
      delete from company_figures f
      where f.company_id = p_company
        and (f.country, f.channel) in (select * from unnest(p_countries, p_channels));
      for r in select distinct u.country, u.channel from unnest(p_countries, p_channels) as u(country, channel) loop
        insert into company_figures (company_id, period, country, channel, stories, answered_in_30_days, response_eligible,
          answered, median_seconds, p90_seconds, resolved, closed, response_lower_bound, resolution_lower_bound, stale_at)
        select company_id, period, country, channel, stories, answered_in_30_days, response_eligible,
          answered, median_seconds, p90_seconds, resolved, closed, response_lower_bound, resolution_lower_bound, stale_at
        from company_figures_computed c
        where c.company_id = p_company and c.country = r.country and c.channel = r.channel;
      end loop;
    end $$`.execute(db);

  // Changes waiting for the worker; append-only, so queueing never waits on a row lock.
  await sql`
    create table company_figures_queue (
      id bigint generated always as identity primary key,
      company_id integer not null,
      country text not null,
      channel text not null
    )`.execute(db);
  await sql`create index company_figures_queue_company on company_figures_queue (company_id, id)`.execute(db);

  // Statement-level: one queue row per touched organisation, country and channel, however many rows a statement touches.
  await sql`
    create function company_figures_after_stories() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into company_figures_queue (company_id, country, channel)
        select distinct company_id, country, channel from new_rows where hidden_at is null and deleted_at is null;
      elsif tg_op = 'DELETE' then
        insert into company_figures_queue (company_id, country, channel)
        select distinct company_id, country, channel from old_rows where hidden_at is null and deleted_at is null;
      else
        -- Only edits that change a figure: a new reply bumping reply_count does not.
        insert into company_figures_queue (company_id, country, channel)
        select distinct v.company_id, v.country, v.channel
        from old_rows o join new_rows n on n.id = o.id
        cross join lateral (values (o.company_id, o.country, o.channel), (n.company_id, n.country, n.channel)) as v(company_id, country, channel)
        where (o.company_id, o.country, o.channel, o.escalated_at, o.first_response_at, o.outcome, o.hidden_at is null, o.deleted_at is null)
          is distinct from (n.company_id, n.country, n.channel, n.escalated_at, n.first_response_at, n.outcome, n.hidden_at is null, n.deleted_at is null);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger company_figures_insert after insert on stories referencing new table as new_rows for each statement execute function company_figures_after_stories()`.execute(db);
  await sql`create trigger company_figures_update after update on stories referencing old table as old_rows new table as new_rows for each statement execute function company_figures_after_stories()`.execute(db);
  await sql`create trigger company_figures_delete after delete on stories referencing old table as old_rows for each statement execute function company_figures_after_stories()`.execute(db);

  // One round of the worker, in its caller's transaction: picks an organisation
  // with queued changes or rows that ageing has made due, recomputes those scopes
  // and deletes the queue rows it read. Returns the organisation, or null when
  // there is nothing to do. Without p_wait it skips organisations another
  // transaction holds; with it, it waits for them (a flush that must see all).
  await sql`
    create function company_figures_work_one(p_wait boolean) returns integer
    language plpgsql as $$
    declare r record; v_company integer; v_ids bigint[];
    begin
      -- The oldest changes first; a few candidates, in case other workers hold some.
      for r in
        select c.company_id from (
          (select q.company_id from company_figures_queue q group by q.company_id order by min(q.id) limit 16)
          union all
          (select f.company_id from company_figures f where f.stale_at <= now() limit 16)
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
    end $$`.execute(db);

  // The whole table from scratch: for bulk loads that ran with the triggers disabled.
  await sql`
    create function company_figures_rebuild() returns void
    language plpgsql as $$
    begin
      lock table company_figures in exclusive mode;
      -- Every change queued so far is in the stories the insert below reads (a later snapshot).
      delete from company_figures_queue;
      delete from company_figures;
      insert into company_figures (company_id, period, country, channel, stories, answered_in_30_days, response_eligible,
        answered, median_seconds, p90_seconds, resolved, closed, response_lower_bound, resolution_lower_bound, stale_at)
      select company_id, period, country, channel, stories, answered_in_30_days, response_eligible,
        answered, median_seconds, p90_seconds, resolved, closed, response_lower_bound, resolution_lower_bound, stale_at
      from company_figures_computed;
    end $$`.execute(db);

  // Stories that existed before this migration.
  await sql`select company_figures_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ["company_figures_insert", "company_figures_update", "company_figures_delete"]) {
    await sql`drop trigger if exists ${sql.raw(trigger)} on stories`.execute(db);
  }
  for (const fn of ["company_figures_rebuild()", "company_figures_work_one(boolean)", "company_figures_after_stories()", "company_figures_refresh(integer, text[], text[])"]) {
    await sql`drop function if exists ${sql.raw(fn)}`.execute(db);
  }
  await sql`drop index if exists stories_company_figures`.execute(db);
  await sql`drop index if exists stories_other_party_figures`.execute(db);
  await db.schema.dropTable("company_figures_queue").ifExists().execute();
  await db.schema.dropTable("company_figures").ifExists().execute();
  await sql`drop view if exists company_figures_computed`.execute(db);
  await sql`drop view if exists company_figure_scopes`.execute(db);
  await sql`drop function if exists company_figures_wilson(bigint, bigint)`.execute(db);
}
