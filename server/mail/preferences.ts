// What mail a member wants, per kind: off, immediately, or in the daily
// digest. A member who never chose gets DEFAULT_DELIVERY. Only a confirmed
// address (users.email_verified_at) receives anything at all.
import type { Locale } from "../i18n/index.js";
import type { Kysely } from "kysely";
import type { DB, MailDelivery, NotificationKind } from "../db/schema.js";

export const MAIL_KINDS = {
  story_replies: "Replies to my stories",
  reply_replies: "Replies to my replies",
  quotes: "Someone quotes me",
  mentions: "Someone mentions @me",
  followed_stories: "Stories I follow (replies and timeline updates)",
  followed_companies: "Companies I follow (new stories and official responses)",
} as const;
export type MailKind = keyof typeof MAIL_KINDS;
export const isMailKind = (kind: string): kind is MailKind => Object.hasOwn(MAIL_KINDS, kind);

/** The nudge is one more preference, on (immediate) or off, never in a digest. */
export const NUDGE = "nudge";
export type PreferenceKind = MailKind | typeof NUDGE;
export const isPreferenceKind = (kind: string): kind is PreferenceKind => kind === NUDGE || isMailKind(kind);

export const DELIVERIES: Record<MailDelivery, string> = { off: "Off", immediate: "Right away", digest: "Daily digest" };
export const isDelivery = (value: string): value is MailDelivery => Object.hasOwn(DELIVERIES, value);

export const DEFAULT_DELIVERY: Record<PreferenceKind, MailDelivery> = {
  story_replies: "immediate",
  reply_replies: "immediate",
  quotes: "immediate",
  mentions: "immediate",
  followed_stories: "digest",
  followed_companies: "digest",
  nudge: "immediate",
};

/** Which preference decides the mail for a notification. */
export function mailKindOf(kind: NotificationKind, isTopLevelReply: boolean): MailKind {
  switch (kind) {
    case "reply":
      return isTopLevelReply ? "story_replies" : "reply_replies";
    case "quote":
      return "quotes";
    case "mention":
      return "mentions";
    case "followed_story":
    case "story_timeline":
      return "followed_stories";
    case "company_story":
    case "company_official":
      return "followed_companies";
  }
}

export async function listPreferences(db: Kysely<DB>, userId: number): Promise<Record<PreferenceKind, MailDelivery>> {
  const rows = await db.selectFrom("mail_preferences").select(["kind", "delivery"]).where("user_id", "=", userId).execute();
  const chosen = { ...DEFAULT_DELIVERY };
  for (const row of rows) if (row.kind in chosen) chosen[row.kind as PreferenceKind] = row.delivery;
  return chosen;
}

export async function setPreference(db: Kysely<DB>, userId: number, kind: PreferenceKind, delivery: MailDelivery): Promise<void> {
  await db
    .insertInto("mail_preferences")
    .values({ user_id: userId, kind, delivery })
    .onConflict((oc) => oc.columns(["user_id", "kind"]).doUpdateSet({ delivery }))
    .execute();
}

export interface MailRecipient {
  userId: number;
  username: string;
  email: string;
  delivery: MailDelivery;
  /** The language their mail is written in (users.locale). */
  locale: Locale;
}

/** The members among userIds with a confirmed address, and how they want this kind of mail. */
export async function recipientsFor(db: Kysely<DB>, userIds: number[], kind: PreferenceKind): Promise<MailRecipient[]> {
  if (!userIds.length) return [];
  const rows = await db
    .selectFrom("users as u")
    .leftJoin("mail_preferences as p", (join) => join.onRef("p.user_id", "=", "u.id").on("p.kind", "=", kind))
    .select(["u.id", "u.username", "u.email", "u.locale", "p.delivery"])
    .where("u.id", "in", userIds)
    .where("u.email", "is not", null)
    .where("u.email_verified_at", "is not", null)
    .where("u.deleted_at", "is", null)
    .execute();
  return rows.map((r) => ({ userId: r.id, username: r.username, email: r.email!, locale: r.locale, delivery: r.delivery ?? DEFAULT_DELIVERY[kind] }));
}
