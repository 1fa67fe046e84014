// What the read path needs to reuse renderings and to page long threads.
//
// story_versions: a number per story that every write touching what its
// thread shows bumps in the same transaction: the story row (edit, timeline,
// hide, lock, delete, me-too count, a merge moving it to another organisation),
// its replies (post, edit, delete, hide, redact). Statement triggers with
// transition tables bump each touched story once per statement, so a bulk load
// or a merge of 100,000 stories costs one upsert per story, not per row.
// organisations.version does the same for a name or its representatives,
// which a thread shows but which live outside the story. A page's cache key
// holds both; a request reads them in one primary-key lookup.
//
// replies.thread_path: the reply's place in its thread in display order (a
// depth-first walk, answers under their parent in posting order), as the
// parent's path plus the reply's zero-padded id, in the "C" collation. Pages of
// a long thread are keyset ranges of it; a reply's answers are the paths
// between `path || '.'` and `path || '/'`.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table story_versions (
      story_id integer primary key references stories (id) on delete cascade,
      version bigint not null
    )`.execute(db);
  await sql`
    create function story_versions_bump() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'stories' then
        insert into story_versions (story_id, version)
        select id, 1 from new_rows
        on conflict (story_id) do update set version = story_versions.version + 1;
      elsif tg_op = 'DELETE' then
        insert into story_versions (story_id, version)
        select distinct o.story_id, 1 from old_rows o join stories s on s.id = o.story_id
        on conflict (story_id) do update set version = story_versions.version + 1;
      else
        insert into story_versions (story_id, version)
        select distinct story_id, 1 from new_rows
        on conflict (story_id) do update set version = story_versions.version + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger story_versions_story_update after update on stories referencing new table as new_rows for each statement execute function story_versions_bump()`.execute(db);
  await sql`create trigger story_versions_reply_insert after insert on replies referencing new table as new_rows for each statement execute function story_versions_bump()`.execute(db);
  await sql`create trigger story_versions_reply_update after update on replies referencing new table as new_rows for each statement execute function story_versions_bump()`.execute(db);
  await sql`create trigger story_versions_reply_delete after delete on replies referencing old table as old_rows for each statement execute function story_versions_bump()`.execute(db);

  await sql`alter table organisations add column version bigint not null default 0`.execute(db);
  await sql`
    create function organisations_version_bump() returns trigger language plpgsql as $$
    begin
      new.version := old.version + 1;
      return new;
    end $$`.execute(db);
  await sql`create trigger organisations_version before update on organisations for each row execute function organisations_version_bump()`.execute(db);
  await sql`
    create function representatives_version_bump() returns trigger language plpgsql as $$
    begin
      update organisations set version = version + 1 where id = coalesce(new.organisation_id, old.organisation_id);
      return null;
    end $$`.execute(db);
  await sql`create trigger representatives_version after insert or update or delete on representatives for each row execute function representatives_version_bump()`.execute(db);

  await sql`alter table replies add column thread_path text collate "C"`.execute(db);
  await sql`
    with recursive walk as (
      select id, lpad(id::text, 10, '0') as path from replies where parent_id is null
      union all
      select r.id, w.path || '.' || lpad(r.id::text, 10, '0') from replies r join walk w on r.parent_id = w.id
    )
    update replies r set thread_path = walk.path from walk where walk.id = r.id`.execute(db);
  await sql`alter table replies alter column thread_path set not null`.execute(db);
  await sql`
    create function replies_thread_path() returns trigger language plpgsql as $$
    begin
      new.thread_path := coalesce((select p.thread_path || '.' from replies p where p.id = new.parent_id), '') || lpad(new.id::text, 10, '0');
      return new;
    end $$`.execute(db);
  await sql`create trigger replies_thread_path before insert on replies for each row execute function replies_thread_path()`.execute(db);
  await sql`create index replies_thread on replies (story_id, thread_path)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index replies_thread`.execute(db);
  await sql`drop trigger replies_thread_path on replies`.execute(db);
  await sql`drop function replies_thread_path()`.execute(db);
  await sql`alter table replies drop column thread_path`.execute(db);
  await sql`drop trigger representatives_version on representatives`.execute(db);
  await sql`drop function representatives_version_bump()`.execute(db);
  await sql`drop trigger organisations_version on organisations`.execute(db);
  await sql`drop function organisations_version_bump()`.execute(db);
  await sql`alter table organisations drop column version`.execute(db);
  for (const name of ["story_versions_story_update on stories", "story_versions_reply_insert on replies", "story_versions_reply_update on replies", "story_versions_reply_delete on replies"]) {
    await sql.raw(`drop trigger ${name}`).execute(db);
  }
  await sql`drop function story_versions_bump()`.execute(db);
  await sql`drop table story_versions`.execute(db);
}
