// Creating a reply's notifications, inside the reply's own transaction.
// One per recipient per reply, of the most specific kind (quote > mention >
// reply); never to the reply's author. Edits notify nobody.
import type { Kysely } from "kysely";
import type { DB, NotificationsTable } from "../db/schema.js";
import { mentionedUsernames, quotedUsernames } from "./mentions.js";

export type NotificationKind = NotificationsTable["kind"];

const SPECIFICITY: Record<NotificationKind, number> = { reply: 1, mention: 2, quote: 3 };

export async function notifyReply(
  trx: Kysely<DB>,
  replyId: number,
  reply: { storyId: number; authorId: number; parentId: number | null; body: string },
): Promise<void> {
  const recipients = new Map<number, NotificationKind>();
  const add = (userId: number, kind: NotificationKind) => {
    const had = recipients.get(userId);
    if (userId !== reply.authorId && (!had || SPECIFICITY[kind] > SPECIFICITY[had])) recipients.set(userId, kind);
  };

  // Answered directly: the parent reply's author, or the story's for a top-level reply.
  const answered =
    reply.parentId === null
      ? await trx.selectFrom("stories").select("author_id").where("id", "=", reply.storyId).executeTakeFirst()
      : await trx.selectFrom("replies").select("author_id").where("id", "=", reply.parentId).executeTakeFirst();
  if (answered) add(answered.author_id, "reply");

  const quoted = quotedUsernames(reply.body);
  const mentioned = mentionedUsernames(reply.body);
  const keys = [...new Set([...quoted, ...mentioned])];
  if (keys.length) {
    const users = await trx.selectFrom("users").select(["id", "username_key"]).where("username_key", "in", keys).execute();
    for (const user of users) {
      if (mentioned.includes(user.username_key)) add(user.id, "mention");
      if (quoted.includes(user.username_key)) add(user.id, "quote");
    }
  }

  if (!recipients.size) return;
  await trx
    .insertInto("notifications")
    .values([...recipients].map(([userId, kind]) => ({ user_id: userId, kind, reply_id: replyId })))
    .onConflict((oc) => oc.columns(["reply_id", "user_id"]).doNothing())
    .execute();
}
