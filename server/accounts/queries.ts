// Accounts and their sessions in the database.
import type { Locale } from "../i18n/index.js";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { UserRole } from "../lib/enums.js";
import { normaliseUsername } from "../lib/usernames.js";
import { hashToken } from "./session.js";

export async function findUserByUsername(db: Kysely<DB>, username: string) {
  return db
    .selectFrom("users")
    .select(["id", "username", "password_hash", "role", "banned_until", "ban_reason"])
    .where("username_key", "=", normaliseUsername(username))
    .executeTakeFirst();
}

/** Inserts the user, or returns null when the username is taken (in any case). */
/** locale: the language of the pages they signed up in, which their mail is written in (users.locale). */
export async function insertUser(db: Kysely<DB>, user: { username: string; email: string | null; passwordHash: string; role?: UserRole; locale?: Locale }) {
  const row = await db
    .insertInto("users")
    .values({ username: user.username, username_key: normaliseUsername(user.username), email: user.email, password_hash: user.passwordHash, role: user.role ?? "member", locale: user.locale })
    .onConflict((oc) => oc.column("username_key").doNothing())
    .returning(["id", "username"])
    .executeTakeFirst();
  return row ?? null;
}

/** Mail follows the language of the pages the member last changed their settings in. */
export async function rememberLocale(db: Kysely<DB>, userId: number, locale: Locale) {
  await db.updateTable("users").set({ locale }).where("id", "=", userId).where("locale", "<>", locale).execute();
}

export async function setPasswordHash(db: Kysely<DB>, userId: number, passwordHash: string) {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

export async function setRole(db: Kysely<DB>, username: string, role: UserRole) {
  const result = await db.updateTable("users").set({ role }).where("username_key", "=", normaliseUsername(username)).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listSessions(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "user_agent", "expires_at"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", new Date())
    .orderBy("last_seen_at", "desc")
    .execute();
}

/** Ends one of the user's sessions, given its stored id (the token's hash). */
export async function endSession(db: Kysely<DB>, userId: number, sessionHash: string) {
  await db.deleteFrom("sessions").where("user_id", "=", userId).where("id", "=", sessionHash).execute();
}

export async function endOtherSessions(db: Kysely<DB>, userId: number, currentToken: string) {
  await db.deleteFrom("sessions").where("user_id", "=", userId).where("id", "<>", hashToken(currentToken)).execute();
}
