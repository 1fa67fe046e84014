// Reading a thread's replies, oldest first; thread.ts nests them.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export async function listReplies(db: Kysely<DB>, storyId: number) {
  return db
    .selectFrom("replies as r")
    .innerJoin("users as u", "u.id", "r.author_id")
    .innerJoin("stories as s", "s.id", "r.story_id")
    // The author speaks for the story's company: an official response (shown first, with a badge).
    .leftJoin("representatives as rp", (join) => join.onRef("rp.user_id", "=", "r.author_id").onRef("rp.organisation_id", "=", "s.company_id"))
    .where("r.story_id", "=", storyId)
    .select(["r.id", "r.parent_id", "r.body_html", "r.body_md", "r.created_at", "r.edited_at", "r.deleted_at", "r.hidden_at", "r.hidden_reason", "r.author_id", "u.username as author_username"])
    .select(sql<boolean>`rp.user_id is not null`.as("official"))
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
}

export type ReplyRow = Awaited<ReturnType<typeof listReplies>>[number];

/** One reply with its author and story, whatever its state: callers decide who may see it (isPublicReply). */
export async function findReply(db: Kysely<DB>, id: number) {
  return db
    .selectFrom("replies as r")
    .innerJoin("users as u", "u.id", "r.author_id")
    .innerJoin("stories as s", "s.id", "r.story_id")
    .where("r.id", "=", id)
    .select([
      "r.id", "r.story_id", "r.parent_id", "r.author_id", "r.body_md", "r.body_html", "r.created_at", "r.edited_at", "r.deleted_at", "r.hidden_at",
      "u.username as author_username", "s.slug as story_slug", "s.title as story_title", "s.hidden_at as story_hidden_at", "s.deleted_at as story_deleted_at",
    ])
    .executeTakeFirst();
}

export type ReplyDetail = NonNullable<Awaited<ReturnType<typeof findReply>>>;

/** Whether everyone may read the reply: neither it nor its story is hidden or deleted. */
export function isPublicReply(reply: ReplyDetail): boolean {
  return !reply.deleted_at && !reply.hidden_at && !reply.story_hidden_at && !reply.story_deleted_at;
}
