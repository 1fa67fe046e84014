// The nudges' read (server/mail/nudges.ts): stories that became due for a nudge in the
// last week, as an index range on when each became due, so a round costs the same at a
// million stories as at a hundred, however many were nudged before.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index stories_nudge_no_response on stories ((greatest(escalated_at, created_at)), id)
    where first_response_at is null and outcome in ('pending', 'no_response') and deleted_at is null and hidden_at is null`.execute(db);
  await sql`create index stories_nudge_no_outcome on stories ((greatest(first_response_at, created_at)), id)
    where first_response_at is not null and outcome = 'pending' and deleted_at is null and hidden_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index stories_nudge_no_outcome`.execute(db);
  await sql`drop index stories_nudge_no_response`.execute(db);
}
