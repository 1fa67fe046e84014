// The mail outbox in Postgres. Mail is queued inside the transaction that
// causes it and sent later by the worker (worker.ts). A row is claimed with
// FOR UPDATE SKIP LOCKED and leased while it is sent, so several app processes
// never send one mail twice; failures are retried with back-off and, after
// MAX_ATTEMPTS, marked failed for an admin to see (/admin/mail).
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { OutgoingMail } from "./transport.js";

/** Minutes to wait after the 1st, 2nd, … failed attempt. */
export const RETRY_MINUTES = [1, 5, 30, 120, 720];
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;
/** How long a process may take to hand one mail over before another may try. */
export const LEASE_MS = 5 * 60_000;

export interface QueuedMail {
  userId: number | null;
  to: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export async function enqueueMail(db: Kysely<DB>, mail: QueuedMail): Promise<void> {
  await db
    .insertInto("mail_outbox")
    .values({ user_id: mail.userId, to_address: mail.to, kind: mail.kind, subject: mail.subject, text_body: mail.text, html_body: mail.html, headers: JSON.stringify(mail.headers ?? {}) })
    .execute();
}

/** Claims the next due mail for this process, or returns undefined when none is due. */
export async function claimNextMail(db: Kysely<DB>, now: Date): Promise<OutgoingMail | undefined> {
  const { rows } = await sql<{ id: number; to_address: string; kind: string; subject: string; text_body: string; html_body: string; headers: Record<string, string> }>`
    update mail_outbox set status = 'sending', lease_until = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
    where id = (
      select id from mail_outbox
      where (status = 'queued' and next_attempt_at <= ${now}) or (status = 'sending' and lease_until < ${now})
      order by next_attempt_at, id
      limit 1
      for update skip locked)
    returning id, to_address, kind, subject, text_body, html_body, headers`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return { id: row.id, to: row.to_address, kind: row.kind, subject: row.subject, text: row.text_body, html: row.html_body, headers: row.headers };
}

export async function markSent(db: Kysely<DB>, id: number, now: Date): Promise<void> {
  await db.updateTable("mail_outbox").set({ status: "sent", sent_at: now, lease_until: null, last_error: null }).where("id", "=", id).execute();
}

/** Schedules the next attempt, or marks the mail failed after the last one. */
export async function markAttemptFailed(db: Kysely<DB>, id: number, error: string, now: Date): Promise<void> {
  const row = await db.selectFrom("mail_outbox").select("attempts").where("id", "=", id).executeTakeFirst();
  if (!row) return; // the member deleted their account meanwhile
  const wait = RETRY_MINUTES[row.attempts - 1];
  await db
    .updateTable("mail_outbox")
    .set(
      wait === undefined
        ? { status: "failed", lease_until: null, last_error: error.slice(0, 2000) }
        : { status: "queued", lease_until: null, last_error: error.slice(0, 2000), next_attempt_at: new Date(now.getTime() + wait * 60_000) },
    )
    .where("id", "=", id)
    .execute();
}

export async function listFailedMail(db: Kysely<DB>, limit = 100) {
  return db
    .selectFrom("mail_outbox")
    .select(["id", "to_address", "kind", "subject", "attempts", "last_error", "created_at"])
    .where("status", "=", "failed")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** An admin sends a failed mail again (after fixing the SMTP settings, say). */
export async function retryFailedMail(db: Kysely<DB>, id: number): Promise<boolean> {
  const result = await db
    .updateTable("mail_outbox")
    .set({ status: "queued", attempts: 0, next_attempt_at: new Date() })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
