// The public moderation log: every action, with its moderator and reason.
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../db/schema.js";

export const TARGET_TYPES = ["story", "reply", "user", "organisation"] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
export const isTargetType = (value: string): value is TargetType => (TARGET_TYPES as readonly string[]).includes(value);

/** Every action a log line can record; pages word them from the catalogue (moderation.log.actions). */
export const MODERATION_ACTIONS = ["dismiss", "hide", "restore", "lock", "unlock", "delete", "redact", "ban", "unban", "rename", "merge", "parent"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
export const isModerationAction = (value: string): value is ModerationAction => (MODERATION_ACTIONS as readonly string[]).includes(value);

// A line's label holds names only, never words of a language: the public log is read in
// English and German, and each page words the action and the target's kind itself (log-words.ts).
/** A reply, by its author and its story. */
export const replyLabel = (author: string, storyTitle: string) => `${author} · “${storyTitle}”`;
/** An organisation's rename, merge or new parent: from → to ("—" for no parent). */
export const changeLabel = (from: string, to: string | null) => `${from} → ${to ?? "—"}`;
/** A banned member with the ban's duration key ("short_fuse (7d)"); usernames have no spaces, so it reads back. */
export const userLabel = (username: string, duration: string) => `${username} (${duration})`;
export const USER_LABEL = /^(\S+) \(([a-z0-9]+)\)$/;

export interface LogEntry {
  moderatorId: number;
  action: ModerationAction;
  targetType: TargetType;
  targetId: number;
  targetLabel: string;
  reason: string;
}

export async function logAction(trx: Kysely<DB> | Transaction<DB>, entry: LogEntry) {
  await trx
    .insertInto("moderation_log")
    .values({ moderator_id: entry.moderatorId, action: entry.action, target_type: entry.targetType, target_id: entry.targetId, target_label: entry.targetLabel, reason: entry.reason })
    .execute();
}

export const LOG_PAGE_SIZE = 50;

/** One page of the log, newest first; `before` is the id of the last line seen. */
export async function listLog(db: Kysely<DB>, before?: number, limit = LOG_PAGE_SIZE) {
  let query = db
    .selectFrom("moderation_log as l")
    .innerJoin("users as m", "m.id", "l.moderator_id")
    .select(["l.id", "l.action", "l.target_type", "l.target_id", "l.target_label", "l.reason", "l.created_at", "m.username as moderator"])
    // Where the target still exists (and is public), the line links to it.
    .select((eb) => [
      eb.selectFrom("stories as s").whereRef("s.id", "=", "l.target_id").where("l.target_type", "=", "story").where("s.deleted_at", "is", null).select(sql<string>`'/stories/' || s.id || '/' || s.slug`.as("p")).as("story_path"),
      eb.selectFrom("replies as r").innerJoin("stories as s", "s.id", "r.story_id").whereRef("r.id", "=", "l.target_id").where("l.target_type", "=", "reply").where("r.deleted_at", "is", null).where("s.deleted_at", "is", null).select(sql<string>`'/stories/' || s.id || '/' || s.slug || '#reply-' || r.id`.as("p")).as("reply_path"),
      eb.selectFrom("users as u").whereRef("u.id", "=", "l.target_id").where("l.target_type", "=", "user").where("u.deleted_at", "is", null).select(sql<string>`'/u/' || u.username`.as("p")).as("user_path"),
      eb.selectFrom("organisations as o").whereRef("o.id", "=", "l.target_id").where("l.target_type", "=", "organisation").select(sql<string>`'/companies/' || o.slug`.as("p")).as("organisation_path"),
    ])
    .orderBy("l.id", "desc")
    .limit(limit + 1);
  if (before !== undefined) query = query.where("l.id", "<", before);
  const rows = await query.execute();
  const lines = rows.slice(0, limit).map(({ story_path, reply_path, user_path, organisation_path, ...line }) => ({
    ...line,
    href: story_path ?? reply_path ?? (user_path ? encodeURI(user_path) : null) ?? organisation_path ?? null,
  }));
  return { lines, nextBefore: rows.length > limit ? lines[lines.length - 1]!.id : null };
}

export type LogLine = Awaited<ReturnType<typeof listLog>>["lines"][number];
