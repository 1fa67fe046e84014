// Notifications: one per recipient per reply (the unique index also serves the
// cascade when a reply is deleted), a partial index so the header's unread
// count reads only unread rows, and (user_id, id) for the keyset-paged list.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("notifications_reply_user").on("notifications").columns(["reply_id", "user_id"]).unique().execute();
  await db.schema.createIndex("notifications_unread").on("notifications").columns(["user_id"]).where(sql<boolean>`read_at is null`).execute();
  await db.schema.createIndex("notifications_user_id").on("notifications").columns(["user_id", "id desc"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ["notifications_user_id", "notifications_unread", "notifications_reply_user"]) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
}
