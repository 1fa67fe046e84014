// Banning: a banned member can still read, but cannot log in to post until the ban ends.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { logAction } from "./log.js";

export const BAN_DURATIONS: Record<string, { label: string; days: number | null }> = {
  "1d": { label: "1 day", days: 1 },
  "7d": { label: "7 days", days: 7 },
  "30d": { label: "30 days", days: 30 },
  "365d": { label: "1 year", days: 365 },
  forever: { label: "for good", days: null },
};

// "For good" is a date no one reaches; it keeps banned_until a plain timestamp on both databases.
export const FOREVER = new Date(Date.UTC(9999, 11, 31));
export const isForever = (until: Date) => until.getUTCFullYear() >= 9999;

export function banEnd(duration: string, now = new Date()): Date | undefined {
  const choice = BAN_DURATIONS[duration];
  if (!choice || !Object.hasOwn(BAN_DURATIONS, duration)) return undefined;
  return choice.days === null ? FOREVER : new Date(now.getTime() + choice.days * 86_400_000);
}

export async function banUser(db: Kysely<DB>, user: { id: number; username: string }, moderatorId: number, until: Date, reason: string, durationLabel: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ banned_until: until, ban_reason: reason }).where("id", "=", user.id).execute();
    // Logged out everywhere: the next log-in attempt explains the ban.
    await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await logAction(trx, { moderatorId, action: "ban", targetType: "user", targetId: user.id, targetLabel: `${user.username} (${durationLabel})`, reason });
  });
}

export async function unbanUser(db: Kysely<DB>, user: { id: number; username: string }, moderatorId: number, reason: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ banned_until: null, ban_reason: null }).where("id", "=", user.id).execute();
    await logAction(trx, { moderatorId, action: "unban", targetType: "user", targetId: user.id, targetLabel: user.username, reason });
  });
}
