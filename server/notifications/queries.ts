// Reading and marking a member's notifications. A notification whose reply or
// story has since been deleted or hidden is neither listed nor counted (the
// header's unread count is read with the session: session_lookup() in
// migrations/0023, which applies the same rule as visibleOf here). Some
// are about a story itself (a timeline update, a new story): no reply then.
import { sql, type Expression, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/** The header shows "99+" past this; counting further would only cost time. */
export const UNREAD_CAP = 100;
export const PAGE_SIZE = 25;

function visibleOf(db: Kysely<DB>, userId: number | Expression<number>) {
  return db
    .selectFrom("notifications as n")
    .innerJoin("stories as s", "s.id", "n.story_id")
    .leftJoin("replies as r", "r.id", "n.reply_id")
    .where("n.user_id", "=", userId)
    .where((eb) => eb.or([eb("n.reply_id", "is", null), eb.and([eb("r.deleted_at", "is", null), eb("r.hidden_at", "is", null)])]))
    .where("s.deleted_at", "is", null)
    .where("s.hidden_at", "is", null);
}

/** One page, newest first; `before` is the last id of the previous page. */
export async function listNotifications(db: Kysely<DB>, userId: number, before: number | undefined) {
  let query = visibleOf(db, userId)
    .innerJoin("users as u", (join) => join.on(sql<boolean>`u.id = coalesce(r.author_id, s.author_id)`))
    .select(["n.id", "n.kind", "n.created_at", "n.read_at", "n.reply_id", "r.parent_id", "r.body_md", "r.lang", "s.id as story_id", "s.slug as story_slug", "s.title as story_title", "s.lang as story_lang", "u.username as actor"])
    .orderBy("n.id", "desc")
    .limit(PAGE_SIZE + 1);
  if (before !== undefined) query = query.where("n.id", "<", before);
  const rows = await query.execute();
  return { notifications: rows.slice(0, PAGE_SIZE), nextBefore: rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1]!.id : null };
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>["notifications"][number];

/** The member's own notification with where it points, or undefined (someone else's is not found either). */
export async function findNotification(db: Kysely<DB>, userId: number, id: number) {
  return db
    .selectFrom("notifications as n")
    .innerJoin("stories as s", "s.id", "n.story_id")
    .where("n.id", "=", id)
    .where("n.user_id", "=", userId)
    .select(["n.id", "n.reply_id", "s.id as story_id", "s.slug as story_slug"])
    .executeTakeFirst();
}

export async function markRead(db: Kysely<DB>, userId: number, id: number): Promise<void> {
  await db.updateTable("notifications").set({ read_at: new Date() }).where("id", "=", id).where("user_id", "=", userId).where("read_at", "is", null).execute();
}

/** Marks everything read, up to the newest the member was shown (later arrivals stay unread). */
export async function markAllRead(db: Kysely<DB>, userId: number, upTo: number | undefined): Promise<void> {
  let query = db.updateTable("notifications").set({ read_at: new Date() }).where("user_id", "=", userId).where("read_at", "is", null);
  if (upTo !== undefined) query = query.where("id", "<=", upTo);
  await query.execute();
}
