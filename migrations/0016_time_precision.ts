// A date without a time, wherever the form says the time is optional: the
// answer to a step and the resolution now remember, like the step itself,
// whether the poster gave the time of day. Until now both times were required,
// so every stored one is known. Pages show no more precision than was given.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table story_steps add column answered_time_known boolean not null default true`.execute(db);
  await sql`alter table stories add column first_response_time_known boolean not null default true`.execute(db);
  await sql`alter table stories add column resolved_time_known boolean not null default true`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table stories drop column resolved_time_known`.execute(db);
  await sql`alter table stories drop column first_response_time_known`.execute(db);
  await sql`alter table story_steps drop column answered_time_known`.execute(db);
}
