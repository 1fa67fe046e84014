// A number per company page that moves whenever what the page shows changes,
// so a rendering can be kept until it does (server/companies/kept-pages.ts).
//
// company_page_versions: one row per organisation (0: the leaderboard and the
// how-to-escalate table across organisations; -1: every page, moved when every
// stored figure is rewritten at once). Two kinds of writes move it, each in its
// own transaction:
// - the figures worker, when it writes an organisation's stored figures or page
//   rows (its own row and, for the figures, the leaderboard's row 0), as the
//   last statement of its round, so the row lock is held only while it commits;
// - any write to stories (a new story, an edit, a reply count, a hide, a merge
//   moving stories): the statement triggers below bump each touched company once
//   per statement, so the list of stories on its page follows at once;
// - following or unfollowing an organisation: a kept page holds who follows it,
//   so a member's follow form needs no query of its own.
// version + 1 under the row lock: two writers committing out of order still
// leave two different numbers, never the one a kept rendering was made with.
// A missing row reads as version 0; nothing is backfilled, so the migration is
// an empty table and five triggers at any size.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table company_page_versions (
      organisation_id integer primary key,
      version bigint not null
    )`.execute(db);
  await sql`
    create function company_page_versions_bump() returns trigger language plpgsql as $$
    begin
      -- In id order, so two statements touching the same companies lock them in the same order.
      if tg_table_name = 'company_follows' then
        insert into company_page_versions (organisation_id, version)
        select distinct organisation_id, 1 from changed_rows order by organisation_id
        on conflict (organisation_id) do update set version = company_page_versions.version + 1;
      elsif tg_op = 'INSERT' then
        insert into company_page_versions (organisation_id, version)
        select distinct company_id, 1 from new_rows order by company_id
        on conflict (organisation_id) do update set version = company_page_versions.version + 1;
      elsif tg_op = 'DELETE' then
        insert into company_page_versions (organisation_id, version)
        select distinct company_id, 1 from old_rows order by company_id
        on conflict (organisation_id) do update set version = company_page_versions.version + 1;
      else
        insert into company_page_versions (organisation_id, version)
        select company_id, 1 from (select company_id from new_rows union select company_id from old_rows) c order by company_id
        on conflict (organisation_id) do update set version = company_page_versions.version + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger company_page_versions_insert after insert on stories referencing new table as new_rows for each statement execute function company_page_versions_bump()`.execute(db);
  await sql`create trigger company_page_versions_update after update on stories referencing old table as old_rows new table as new_rows for each statement execute function company_page_versions_bump()`.execute(db);
  await sql`create trigger company_page_versions_delete after delete on stories referencing old table as old_rows for each statement execute function company_page_versions_bump()`.execute(db);
  await sql`create trigger company_page_versions_follow after insert on company_follows referencing new table as changed_rows for each statement execute function company_page_versions_bump()`.execute(db);
  await sql`create trigger company_page_versions_unfollow after delete on company_follows referencing old table as changed_rows for each statement execute function company_page_versions_bump()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger company_page_versions_unfollow on company_follows`.execute(db);
  await sql`drop trigger company_page_versions_follow on company_follows`.execute(db);
  await sql`drop trigger company_page_versions_delete on stories`.execute(db);
  await sql`drop trigger company_page_versions_update on stories`.execute(db);
  await sql`drop trigger company_page_versions_insert on stories`.execute(db);
  await sql`drop function company_page_versions_bump()`.execute(db);
  await sql`drop table company_page_versions`.execute(db);
}
