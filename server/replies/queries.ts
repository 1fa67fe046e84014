// Reading a thread's replies, oldest first; thread.ts nests them.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export async function listReplies(db: Kysely<DB>, storyId: number) {
  return db
    .selectFrom("replies as r")
    .innerJoin("users as u", "u.id", "r.author_id")
    .where("r.story_id", "=", storyId)
    .select(["r.id", "r.parent_id", "r.body_html", "r.body_md", "r.created_at", "r.edited_at", "r.deleted_at", "r.hidden_at", "r.hidden_reason", "r.author_id", "u.username as author_username"])
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
}

export type ReplyRow = Awaited<ReturnType<typeof listReplies>>[number];
