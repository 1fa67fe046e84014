// Banning: a banned member can still read, but cannot log in to post until the ban ends.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { logAction, userLabel } from "./log.js";

/** How long a ban can last, as the form offers them; their words are the catalogue's (moderation.banDurations). */
export const BAN_DURATIONS = ["1d", "7d", "30d", "365d", "forever"] as const;
export type BanDuration = (typeof BAN_DURATIONS)[number];
export const isBanDuration = (value: string): value is BanDuration => (BAN_DURATIONS as readonly string[]).includes(value);
/** Each duration in days; null is for good. */
const BAN_DAYS: Record<BanDuration, number | null> = { "1d": 1, "7d": 7, "30d": 30, "365d": 365, forever: null };

// "For good" is a date no one reaches; it keeps banned_until a plain timestamp on both databases.
export const FOREVER = new Date(Date.UTC(9999, 11, 31));
export const isForever = (until: Date) => until.getUTCFullYear() >= 9999;

export function banEnd(duration: BanDuration, now = new Date()): Date {
  const days = BAN_DAYS[duration];
  return days === null ? FOREVER : new Date(now.getTime() + days * 86_400_000);
}

export async function banUser(db: Kysely<DB>, user: { id: number; username: string }, moderatorId: number, duration: BanDuration, reason: string, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ banned_until: banEnd(duration, now), ban_reason: reason }).where("id", "=", user.id).execute();
    // Logged out everywhere: the next log-in attempt explains the ban.
    await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await logAction(trx, { moderatorId, action: "ban", targetType: "user", targetId: user.id, targetLabel: userLabel(user.username, duration), reason });
  });
}

export async function unbanUser(db: Kysely<DB>, user: { id: number; username: string }, moderatorId: number, reason: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ banned_until: null, ban_reason: null }).where("id", "=", user.id).execute();
    await logAction(trx, { moderatorId, action: "unban", targetType: "user", targetId: user.id, targetLabel: user.username, reason });
  });
}
