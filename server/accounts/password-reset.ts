// Password reset: a request by username or address queues a mail (to a
// confirmed address only) with a single-use link valid RESET_VALID_MINUTES;
// using it sets the password and ends every session of the account. The
// request's answer never says whether an account matched.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { normaliseUsername } from "../lib/usernames.js";
import { compose } from "../mail/compose.js";
import type { MailLinks } from "../mail/links.js";
import { passwordResetMail } from "../mail/messages/password-reset.js";
import { enqueueMail } from "../mail/outbox.js";
import { messages } from "../i18n/index.js";
import { hashToken, newMailToken } from "./tokens.js";

export const RESET_VALID_MINUTES = 60;
export const RESET_PATH = "/reset-password";

/** Queues a reset mail for each account the username or address names; says nothing about them. */
export async function requestPasswordReset(db: Kysely<DB>, links: MailLinks, account: string, now = new Date()): Promise<void> {
  const users = await db
    .selectFrom("users")
    .select(["id", "username", "email", "locale"])
    .where((eb) => eb.or([eb("username_key", "=", normaliseUsername(account)), eb(sql<string>`lower(email)`, "=", account.toLowerCase())]))
    .where("email", "is not", null)
    .where("email_verified_at", "is not", null)
    .where("deleted_at", "is", null)
    .execute();
  for (const user of users) {
    await db.transaction().execute(async (trx) => {
      const { token, hash } = newMailToken();
      await trx.insertInto("password_resets").values({ token_hash: hash, user_id: user.id, expires_at: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000) }).execute();
      const mail = compose(
        passwordResetMail(messages(user.locale).mail, { username: user.username, resetUrl: links.url(`${RESET_PATH}?token=${token}`, user.locale), validMinutes: RESET_VALID_MINUTES }),
        links.accountFooter(user.locale),
      );
      await enqueueMail(trx, { userId: user.id, to: user.email!, kind: "password_reset", ...mail });
    });
  }
}

/** The account a still-usable token resets, or undefined. */
export async function findPasswordReset(db: Kysely<DB>, token: string, now = new Date()) {
  return db
    .selectFrom("password_resets as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["u.id", "u.username", "u.banned_until"])
    .where("r.token_hash", "=", hashToken(token))
    .where("r.used_at", "is", null)
    .where("r.expires_at", ">", now)
    .where("u.deleted_at", "is", null)
    .executeTakeFirst();
}

/** Uses the token once: sets the password and ends every session; undefined when the token is spent or expired. */
export async function resetPassword(db: Kysely<DB>, token: string, passwordHash: string, now = new Date()): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("token_hash", "=", hashToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .returning("user_id")
      .executeTakeFirst();
    if (!used) return undefined;
    await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", used.user_id).execute();
    // Every other link mailed for this account is spent too, and every session ends.
    await trx.updateTable("password_resets").set({ used_at: now }).where("user_id", "=", used.user_id).where("used_at", "is", null).execute();
    await trx.deleteFrom("sessions").where("user_id", "=", used.user_id).execute();
    return used.user_id;
  });
}
