// The daily digest. A member's digest goes out once their oldest waiting
// notification is a day old, and takes everything waiting; so nothing waits
// longer than a day and nobody gets more than one digest a day.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { messages } from "../i18n/index.js";
import { compose } from "./compose.js";
import type { MailLinks } from "./links.js";
import { digestMail } from "./messages/digest.js";
import { notificationDetails } from "./notification-details.js";
import { enqueueMail } from "./outbox.js";

export const DIGEST_EVERY_MS = 24 * 3_600_000;

/** Queues the digests due at `now`; returns how many. */
export async function sendDigests(db: Kysely<DB>, links: MailLinks, now: Date): Promise<number> {
  const due = await db
    .selectFrom("notifications")
    .select("user_id")
    .where("digest_due", "=", true)
    .groupBy("user_id")
    .having(sql<Date>`min(created_at)`, "<=", new Date(now.getTime() - DIGEST_EVERY_MS))
    .execute();
  let sent = 0;
  for (const { user_id: userId } of due) {
    sent += await db.transaction().execute(async (trx) => {
      // Row locks: a second process doing the same finds nothing left to take.
      const taken = await trx
        .updateTable("notifications")
        .set({ digest_due: false })
        .where("user_id", "=", userId)
        .where("digest_due", "=", true)
        .where("created_at", "<=", now)
        .returning("id")
        .execute();
      const lines = await notificationDetails(trx, taken.map((t) => t.id), links);
      const user = await trx.selectFrom("users").select(["email", "email_verified_at", "locale"]).where("id", "=", userId).where("deleted_at", "is", null).executeTakeFirst();
      if (!lines.length || !user?.email || !user.email_verified_at) return 0;
      const mail = compose(digestMail(messages(user.locale).mail, lines), links.subscribedFooter(userId, "digest", user.locale));
      await enqueueMail(trx, { userId, to: user.email, kind: "digest", ...mail });
      return 1;
    });
  }
  return sent;
}
