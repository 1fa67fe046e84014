// What moderators do to stories and replies. Each action and its log line are
// one transaction; the leaderboard's triggers see hides and deletes the same way.
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import { renderMarkdown } from "../lib/markdown.js";
import { logAction, replyLabel } from "./log.js";

export const STORY_ACTIONS = ["dismiss", "hide", "restore", "lock", "unlock", "delete", "redact"] as const;
export const REPLY_ACTIONS = ["dismiss", "hide", "restore", "delete", "redact"] as const;
export type StoryAction = (typeof STORY_ACTIONS)[number];
export type ReplyAction = (typeof REPLY_ACTIONS)[number];

async function resolveFlags(trx: Transaction<DB>, column: "story_id" | "reply_id", id: number) {
  await trx.updateTable("flags").set({ resolved_at: new Date() }).where(column, "=", id).where("resolved_at", "is", null).execute();
}

export async function moderateStory(
  db: Kysely<DB>,
  story: { id: number; title: string; body_md: string; body_html: string },
  moderatorId: number,
  action: StoryAction,
  reason: string,
  redactedBody?: string,
) {
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    const update = trx.updateTable("stories").where("id", "=", story.id);
    switch (action) {
      case "dismiss": break;
      case "hide": await update.set({ hidden_at: now, hidden_reason: reason }).execute(); break;
      case "restore": await update.set({ hidden_at: null, hidden_reason: null }).execute(); break;
      case "lock": await update.set({ locked_at: now }).execute(); break;
      case "unlock": await update.set({ locked_at: null }).execute(); break;
      case "delete": await update.set({ deleted_at: now }).execute(); break;
      case "redact": {
        // The text before redaction stays readable to moderators only.
        await trx.insertInto("revisions").values({ story_id: story.id, editor_id: moderatorId, moderators_only: true, snapshot: JSON.stringify({ body_md: story.body_md, body_html: story.body_html, redacted_at: now }) }).execute();
        await update.set({ body_md: redactedBody!, body_html: renderMarkdown(redactedBody!) }).execute();
        break;
      }
    }
    if (action !== "lock" && action !== "unlock" && action !== "redact") await resolveFlags(trx, "story_id", story.id);
    await logAction(trx, { moderatorId, action, targetType: "story", targetId: story.id, targetLabel: story.title, reason });
  });
}

export async function moderateReply(
  db: Kysely<DB>,
  reply: { id: number; story_id: number; story_title: string; author_username: string; body_md: string; body_html: string; deleted_at: Date | null },
  moderatorId: number,
  action: ReplyAction,
  reason: string,
  redactedBody?: string,
) {
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    const update = trx.updateTable("replies").where("id", "=", reply.id);
    switch (action) {
      case "dismiss": break;
      case "hide": await update.set({ hidden_at: now, hidden_reason: reason }).execute(); break;
      case "restore": await update.set({ hidden_at: null, hidden_reason: null }).execute(); break;
      case "delete": {
        const result = await update.set({ deleted_at: now }).where("deleted_at", "is", null).executeTakeFirst();
        if (result.numUpdatedRows > 0n) await trx.updateTable("stories").set({ reply_count: sql`greatest(reply_count - 1, 0)` }).where("id", "=", reply.story_id).execute();
        break;
      }
      case "redact": {
        await trx.insertInto("revisions").values({ reply_id: reply.id, editor_id: moderatorId, moderators_only: true, snapshot: JSON.stringify({ body_md: reply.body_md, body_html: reply.body_html, redacted_at: now }) }).execute();
        await update.set({ body_md: redactedBody!, body_html: renderMarkdown(redactedBody!) }).execute();
        break;
      }
    }
    if (action !== "redact") await resolveFlags(trx, "reply_id", reply.id);
    await logAction(trx, { moderatorId, action, targetType: "reply", targetId: reply.id, targetLabel: replyLabel(reply.author_username, reply.story_title), reason });
  });
}
