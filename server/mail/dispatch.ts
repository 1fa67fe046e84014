// Decides each new notification's mail: queued right away, left for the
// daily digest, or none (kind switched off, no confirmed address). The
// notifications are claimed with FOR UPDATE SKIP LOCKED and decided in one
// transaction with the mail they cause, so each is mailed once however many
// app processes run this.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { messages } from "../i18n/index.js";
import { compose } from "./compose.js";
import type { MailLinks } from "./links.js";
import { notificationMail } from "./messages/notification.js";
import { notificationDetails } from "./notification-details.js";
import { enqueueMail } from "./outbox.js";
import { mailKindOf, recipientsFor } from "./preferences.js";

const BATCH = 100;

/** Decides one batch; returns how many notifications it looked at (0 = none left). */
export async function dispatchNotificationMail(db: Kysely<DB>, links: MailLinks): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number }>`
      update notifications set mail_pending = false
      where id in (select id from notifications where mail_pending order by id limit ${BATCH} for update skip locked)
      returning id`.execute(trx);
    if (!rows.length) return 0;
    for (const n of await notificationDetails(trx, rows.map((r) => r.id), links)) {
      const kind = mailKindOf(n.kind, n.topLevel);
      const [recipient] = await recipientsFor(trx, [n.userId], kind);
      if (!recipient || recipient.delivery === "off") continue;
      if (recipient.delivery === "digest") {
        await trx.updateTable("notifications").set({ digest_due: true }).where("id", "=", n.id).execute();
        continue;
      }
      const mail = compose(notificationMail(messages(recipient.locale).mail, n), links.subscribedFooter(n.userId, kind, recipient.locale));
      await enqueueMail(trx, { userId: n.userId, to: recipient.email, kind, ...mail });
    }
    return rows.length;
  });
}
