// Deleting an account. The users row stays, renamed "[deleted member]" with
// no address, password or sessions, so the stories and replies the member
// leaves keep an author and their threads stay whole; with removePosts they
// are deleted too (the story triggers queue the figures, which follow within
// the figures worker's round). Everything else about the member goes at once.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { DELETED_MEMBER } from "../lib/paths.js";

export async function deleteAccount(db: Kysely<DB>, userId: number, opts: { removePosts: boolean }, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (opts.removePosts) {
      await trx.updateTable("stories").set({ deleted_at: now }).where("author_id", "=", userId).where("deleted_at", "is", null).execute();
      const replies = await trx.updateTable("replies").set({ deleted_at: now }).where("author_id", "=", userId).where("deleted_at", "is", null).returning("story_id").execute();
      const touched = [...new Set(replies.map((r) => r.story_id))];
      if (touched.length) {
        await trx
          .updateTable("stories as s")
          .set({ reply_count: sql<number>`(select count(*) from replies r where r.story_id = s.id and r.deleted_at is null)` })
          .where("s.id", "in", touched)
          .execute();
      }
    }
    for (const table of ["sessions", "notifications", "story_follows", "company_follows", "mail_outbox", "mail_preferences", "email_confirmations", "password_resets", "representatives"] as const) {
      await trx.deleteFrom(table).where("user_id", "=", userId).execute();
    }
    // The public moderation log keeps the action, not the name.
    await trx.updateTable("moderation_log").set({ target_label: DELETED_MEMBER }).where("target_type", "=", "user").where("target_id", "=", userId).execute();
    await trx
      .updateTable("users")
      .set({
        username: DELETED_MEMBER,
        // Not a key any typed username normalises to (usernames have no ":"), so /u/… finds nobody.
        username_key: `deleted:${userId}`,
        email: null,
        email_verified_at: null,
        password_hash: "!deleted",
        ban_reason: null,
        deleted_at: now,
      })
      .where("id", "=", userId)
      .execute();
    // Touching the member's rows bumps their threads' versions (migrations/0008_1), so no kept
    // rendering shows the old name.
    await trx.updateTable("stories").set({ author_id: userId }).where("author_id", "=", userId).execute();
    await trx.updateTable("replies").set({ author_id: userId }).where("author_id", "=", userId).execute();
  });
}
