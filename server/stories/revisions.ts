// Earlier texts of a story or its replies, newest first: the public history, or the
// moderators-only one (what a redaction removed).
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export type RevisionTarget = { story_id: number } | { reply_id: number };

export async function listRevisions(db: Kysely<DB>, target: RevisionTarget, { moderatorsOnly }: { moderatorsOnly: boolean }) {
  const [column, id] = "story_id" in target ? (["r.story_id", target.story_id] as const) : (["r.reply_id", target.reply_id] as const);
  return db
    .selectFrom("revisions as r")
    .innerJoin("users as u", "u.id", "r.editor_id")
    .where(column, "=", id)
    .where("r.moderators_only", "=", moderatorsOnly)
    .select(["r.id", "r.snapshot", "r.created_at", "u.username as editor"])
    .orderBy("r.id", "desc")
    .execute();
}
