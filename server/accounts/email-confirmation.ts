// Confirming an address: adding or changing one queues a mail with a link;
// following the link makes it the member's address, marked confirmed. Until
// then the earlier confirmed address (if any) stays, and gets the mail.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { compose } from "../mail/compose.js";
import type { MailLinks } from "../mail/links.js";
import { CONFIRM_VALID_HOURS, confirmEmailMail } from "../mail/messages/confirm-email.js";
import { enqueueMail } from "../mail/outbox.js";
import { messages } from "../i18n/index.js";
import { hashToken, newMailToken } from "./tokens.js";

export const CONFIRM_PATH = "/settings/email/confirm";

export async function requestConfirmation(db: Kysely<DB>, links: MailLinks, user: { id: number; username: string }, email: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // One pending address at a time: the newest request wins.
    await trx.deleteFrom("email_confirmations").where("user_id", "=", user.id).execute();
    const { token, hash } = newMailToken();
    await trx.insertInto("email_confirmations").values({ token_hash: hash, user_id: user.id, email, expires_at: new Date(now.getTime() + CONFIRM_VALID_HOURS * 3_600_000) }).execute();
    const { locale } = await trx.selectFrom("users").select("locale").where("id", "=", user.id).executeTakeFirstOrThrow();
    const mail = compose(confirmEmailMail(messages(locale).mail, { username: user.username, confirmUrl: links.url(`${CONFIRM_PATH}?token=${token}`, locale) }), links.accountFooter(locale));
    await enqueueMail(trx, { userId: user.id, to: email, kind: "confirm_email", ...mail });
  });
}

/** Confirms the address the token was sent to; returns it, or undefined for an unknown or expired token. */
export async function confirmEmail(db: Kysely<DB>, token: string, now = new Date()): Promise<{ userId: number; email: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    const pending = await trx.deleteFrom("email_confirmations").where("token_hash", "=", hashToken(token)).returning(["user_id", "email", "expires_at"]).executeTakeFirst();
    if (!pending || pending.expires_at <= now) return undefined;
    await trx.updateTable("users").set({ email: pending.email, email_verified_at: now }).where("id", "=", pending.user_id).where("deleted_at", "is", null).execute();
    return { userId: pending.user_id, email: pending.email };
  });
}

export async function pendingConfirmation(db: Kysely<DB>, userId: number, now = new Date()) {
  return db.selectFrom("email_confirmations").select(["email", "expires_at"]).where("user_id", "=", userId).where("expires_at", ">", now).executeTakeFirst();
}
