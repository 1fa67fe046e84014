// Members flag a story or a reply once each, with a reason and an optional note.
import { sql, type Kysely } from "kysely";
import type { DB, FlagReason } from "../db/schema.js";

/** In the order the flag form offers them; their words are the catalogue's (moderation.flagReasons). */
export const FLAG_REASONS = ["spam", "abuse", "personal_data", "off_topic", "misleading"] as const satisfies readonly FlagReason[];

export const isFlagReason = (value: string): value is FlagReason => (FLAG_REASONS as readonly string[]).includes(value);

export type FlagTarget = { kind: "story"; id: number } | { kind: "reply"; id: number };

/** Adds the member's flag; false when they had already flagged this item. */
export async function addFlag(db: Kysely<DB>, target: FlagTarget, userId: number, reason: FlagReason, note: string | null): Promise<boolean> {
  const column = target.kind === "story" ? "story_id" : "reply_id";
  const result = await db
    .insertInto("flags")
    .values({ [column]: target.id, user_id: userId, reason, note })
    .onConflict((oc) => oc.columns([column, "user_id"]).where(column, "is not", null).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function hasFlagged(db: Kysely<DB>, target: FlagTarget, userId: number): Promise<boolean> {
  const column = target.kind === "story" ? "story_id" : "reply_id";
  const row = await db.selectFrom("flags").select("id").where(column, "=", target.id).where("user_id", "=", userId).executeTakeFirst();
  return Boolean(row);
}

export async function listFlags(db: Kysely<DB>, target: FlagTarget) {
  const column = target.kind === "story" ? "story_id" : "reply_id";
  return db
    .selectFrom("flags as f")
    .innerJoin("users as u", "u.id", "f.user_id")
    .where(`f.${column}`, "=", target.id)
    .select(["f.id", "f.reason", "f.note", "f.created_at", "f.resolved_at", "u.username"])
    .orderBy("f.id")
    .execute();
}

/** The queue: items with open flags, oldest first flag first. */
export async function flagQueue(db: Kysely<DB>, limit = 100) {
  const stories = await db
    .selectFrom("flags as f")
    .innerJoin("stories as s", "s.id", "f.story_id")
    .innerJoin("users as a", "a.id", "s.author_id")
    .where("f.resolved_at", "is", null)
    .groupBy(["s.id", "a.username"])
    .select((eb) => [
      "s.id", "s.slug", "s.title", "s.lang", "s.hidden_at", "s.locked_at", "a.username as author",
      eb.fn.countAll<number>().as("flag_count"),
      eb.fn.min("f.created_at").as("first_flagged_at"),
      sql<FlagReason[]>`array_agg(f.reason order by f.id)`.as("reasons"),
    ])
    .orderBy("first_flagged_at")
    .limit(limit)
    .execute();
  const replies = await db
    .selectFrom("flags as f")
    .innerJoin("replies as r", "r.id", "f.reply_id")
    .innerJoin("stories as s", "s.id", "r.story_id")
    .innerJoin("users as a", "a.id", "r.author_id")
    .where("f.resolved_at", "is", null)
    .groupBy(["r.id", "s.id", "a.username"])
    .select((eb) => [
      "r.id", "r.body_html", "r.hidden_at", "r.deleted_at", "s.id as story_id", "s.slug as story_slug", "s.title as story_title", "s.lang as story_lang", "a.username as author",
      eb.fn.countAll<number>().as("flag_count"),
      eb.fn.min("f.created_at").as("first_flagged_at"),
      sql<FlagReason[]>`array_agg(f.reason order by f.id)`.as("reasons"),
    ])
    .orderBy("first_flagged_at")
    .limit(limit)
    .execute();
  return { stories, replies };
}
