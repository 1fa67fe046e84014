// Creating notifications, inside the transaction of what caused them. For a
// reply: one per recipient, of the most specific kind (quote > mention >
// reply > official response > followed story); never to the reply's author.
// Edits notify nobody. A story's followers also hear of its timeline updates,
// a company's followers of its new stories. Their mail is decided later, by
// the mail worker (mail/dispatch.ts), from notifications.mail_pending.
import type { Kysely } from "kysely";
import type { DB, NotificationKind } from "../db/schema.js";
import { mentionedUsernames, quotedUsernames } from "./mentions.js";

export type { NotificationKind };
type ReplyNotificationKind = Extract<NotificationKind, "reply" | "quote" | "mention" | "followed_story" | "company_official">;

const SPECIFICITY: Record<ReplyNotificationKind, number> = { followed_story: 1, company_official: 2, reply: 3, mention: 4, quote: 5 };

export async function notifyReply(
  trx: Kysely<DB>,
  replyId: number,
  reply: { storyId: number; authorId: number; parentId: number | null; body: string },
): Promise<void> {
  const recipients = new Map<number, ReplyNotificationKind>();
  const add = (userId: number, kind: ReplyNotificationKind) => {
    const had = recipients.get(userId);
    if (userId !== reply.authorId && (!had || SPECIFICITY[kind] > SPECIFICITY[had])) recipients.set(userId, kind);
  };

  const story = await trx.selectFrom("stories").select(["author_id", "company_id"]).where("id", "=", reply.storyId).executeTakeFirstOrThrow();
  const followers = await trx.selectFrom("story_follows").select("user_id").where("story_id", "=", reply.storyId).execute();
  for (const f of followers) add(f.user_id, "followed_story");

  // An official response (the replier speaks for the story's company) reaches the company's followers.
  const official = await trx.selectFrom("representatives").select("user_id").where("user_id", "=", reply.authorId).where("organisation_id", "=", story.company_id).executeTakeFirst();
  if (official) {
    const companyFollowers = await trx.selectFrom("company_follows").select("user_id").where("organisation_id", "=", story.company_id).execute();
    for (const f of companyFollowers) add(f.user_id, "company_official");
  }

  // Answered directly: the parent reply's author, or the story's for a top-level reply.
  if (reply.parentId === null) add(story.author_id, "reply");
  else {
    const parent = await trx.selectFrom("replies").select("author_id").where("id", "=", reply.parentId).executeTakeFirst();
    if (parent) add(parent.author_id, "reply");
  }

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
    .values([...recipients].map(([userId, kind]) => ({ user_id: userId, kind, story_id: reply.storyId, reply_id: replyId })))
    .onConflict((oc) => oc.columns(["reply_id", "user_id"]).doNothing())
    .execute();
}

/** A new story: the followers of its company hear of it. */
export async function notifyNewStory(trx: Kysely<DB>, story: { id: number; authorId: number; companyId: number }): Promise<void> {
  const followers = await trx.selectFrom("company_follows").select("user_id").where("organisation_id", "=", story.companyId).where("user_id", "<>", story.authorId).execute();
  if (!followers.length) return;
  await trx.insertInto("notifications").values(followers.map((f) => ({ user_id: f.user_id, kind: "company_story" as const, story_id: story.id }))).execute();
}

/** The author updated the story's timeline: its followers hear of it. */
export async function notifyTimeline(trx: Kysely<DB>, story: { id: number; authorId: number }): Promise<void> {
  const followers = await trx.selectFrom("story_follows").select("user_id").where("story_id", "=", story.id).where("user_id", "<>", story.authorId).execute();
  if (!followers.length) return;
  await trx.insertInto("notifications").values(followers.map((f) => ({ user_id: f.user_id, kind: "story_timeline" as const, story_id: story.id }))).execute();
}
