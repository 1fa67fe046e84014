// One number that moves whenever anything a list, home or search page shows
// changes, so those pages can be reused until it does (server/lib/kept-pages.ts).
// Every write that bumps a thread's version (story_versions, 0008_1) or an
// organisation's (organisations.version) also stamps the row with the next
// value of the content_changes sequence; the site's version is the largest
// stamp, read through an index on each. Stamping the row that the write already
// locks adds no lock of its own: no single counter row for every writer to
// queue on. A new story gets its story_versions row (and stamp) on insert.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence content_changes`.execute(db);
  await sql`alter table story_versions add column changed bigint`.execute(db);
  await sql`create index story_versions_changed on story_versions (changed)`.execute(db);
  await sql`alter table organisations add column changed bigint`.execute(db);
  await sql`create index organisations_changed on organisations (changed)`.execute(db);
  await sql`
    create or replace function story_versions_bump() returns trigger language plpgsql as $$
    declare stamp bigint := nextval('content_changes');
    begin
      if tg_table_name = 'stories' then
        insert into story_versions (story_id, version, changed)
        select id, 1, stamp from new_rows
        on conflict (story_id) do update set version = story_versions.version + 1, changed = stamp;
      elsif tg_op = 'DELETE' then
        insert into story_versions (story_id, version, changed)
        select distinct o.story_id, 1, stamp from old_rows o join stories s on s.id = o.story_id
        on conflict (story_id) do update set version = story_versions.version + 1, changed = stamp;
      else
        insert into story_versions (story_id, version, changed)
        select distinct story_id, 1, stamp from new_rows
        on conflict (story_id) do update set version = story_versions.version + 1, changed = stamp;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger story_versions_story_insert after insert on stories referencing new table as new_rows for each statement execute function story_versions_bump()`.execute(db);
  await sql`
    create or replace function organisations_version_bump() returns trigger language plpgsql as $$
    begin
      new.version := old.version + 1;
      new.changed := nextval('content_changes');
      return new;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function organisations_version_bump() returns trigger language plpgsql as $$
    begin
      new.version := old.version + 1;
      return new;
    end $$`.execute(db);
  await sql`drop trigger story_versions_story_insert on stories`.execute(db);
  await sql`
    create or replace function story_versions_bump() returns trigger language plpgsql as $$
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
  await sql`alter table organisations drop column changed`.execute(db);
  await sql`alter table story_versions drop column changed`.execute(db);
  await sql`drop sequence content_changes`.execute(db);
}
