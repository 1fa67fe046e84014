// Writing replies. The story's reply count and latest activity move in the
// same transaction as the reply itself.
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import { renderMarkdown } from "../lib/markdown.js";
import type { ContentLanguage } from "../lib/content-language.js";
import { notifyReply } from "../notifications/notify.js";
import { guessedLanguage } from "../stories/language.js";

export type PostReplyResult = { ok: true; id: number } | { ok: false; reason: "locked" | "no-parent" };

export async function postReply(
  db: Kysely<DB>,
  reply: { storyId: number; authorId: number; parentId: number | null; body: string; submissionKey: string | null; lang: ContentLanguage | null },
): Promise<PostReplyResult> {
  return db.transaction().execute(async (trx) => {
    // Row lock first: a moderator locking the thread and a reply arriving cannot cross, and
    // duplicates of one form (same submission key) queue here, so the later ones see the first reply.
    const story = await trx.selectFrom("stories").select(["locked_at", "lang"]).where("id", "=", reply.storyId).forUpdate().executeTakeFirstOrThrow();
    const earlier = await replyWithKey(trx, reply);
    if (earlier) return { ok: true, id: earlier.id };
    if (story.locked_at) return { ok: false, reason: "locked" };
    let depth = 0;
    if (reply.parentId !== null) {
      const parent = await trx.selectFrom("replies").select("depth").where("id", "=", reply.parentId).where("story_id", "=", reply.storyId).where("deleted_at", "is", null).executeTakeFirst();
      if (!parent) return { ok: false, reason: "no-parent" };
      depth = parent.depth + 1;
    }
    const inserted = await trx
      .insertInto("replies")
      // A reply too short to tell ("+1") is taken to be in its story's language.
      .values({ story_id: reply.storyId, parent_id: reply.parentId, author_id: reply.authorId, depth, lang: reply.lang ?? guessedLanguage(reply.body, story.lang), body_md: reply.body, body_html: renderMarkdown(reply.body), submission_key: reply.submissionKey })
      .onConflict((oc) => oc.column("submission_key").doNothing())
      .returning("id")
      .executeTakeFirst();
    // The same key sent to another story at the same moment: the one reply it made.
    if (!inserted) return { ok: true, id: (await trx.selectFrom("replies").select("id").where("submission_key", "=", reply.submissionKey).executeTakeFirstOrThrow()).id };
    await trx.updateTable("stories").set({ reply_count: sql`reply_count + 1`, last_activity_at: new Date() }).where("id", "=", reply.storyId).execute();
    await notifyReply(trx, inserted.id, reply);
    return { ok: true, id: inserted.id };
  });
}

function replyWithKey(trx: Transaction<DB>, reply: { submissionKey: string | null; authorId: number }) {
  if (!reply.submissionKey) return Promise.resolve(undefined);
  return trx.selectFrom("replies").select("id").where("submission_key", "=", reply.submissionKey).where("author_id", "=", reply.authorId).executeTakeFirst();
}

export async function editReply(db: Kysely<DB>, replyId: number, editorId: number, body: string, lang: ContentLanguage) {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("replies").select(["lang", "body_md", "body_html", "created_at", "edited_at"]).where("id", "=", replyId).executeTakeFirstOrThrow();
    const snapshot = { lang: before.lang, body_md: before.body_md, body_html: before.body_html, version_from: before.edited_at ?? before.created_at };
    await trx.insertInto("revisions").values({ reply_id: replyId, editor_id: editorId, snapshot: JSON.stringify(snapshot) }).execute();
    await trx.updateTable("replies").set({ lang, body_md: body, body_html: renderMarkdown(body), edited_at: new Date() }).where("id", "=", replyId).execute();
  });
}

/** Marks the reply deleted; the thread shows "[deleted]" in its place while it has answers. */
export async function deleteReply(db: Kysely<DB>, replyId: number, storyId: number) {
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable("replies").set({ deleted_at: new Date() }).where("id", "=", replyId).where("deleted_at", "is", null).executeTakeFirst();
    if (result.numUpdatedRows > 0n) {
      await trx.updateTable("stories").set({ reply_count: sql`greatest(reply_count - 1, 0)` }).where("id", "=", storyId).execute();
    }
  });
}
