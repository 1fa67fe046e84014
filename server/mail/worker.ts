// The mail worker, started with the app like the figures worker: every
// pollMs it decides new notifications' mail, queues due digests and nudges
// (once a minute), and sends what the outbox holds. Every step is safe to run
// in several processes at once (see dispatch.ts, digest.ts, nudges.ts, outbox.ts).
// Tests call runOnce(now) instead of waiting, with the time they need.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { sendDigests } from "./digest.js";
import { dispatchNotificationMail } from "./dispatch.js";
import { mailLinks, type MailLinks } from "./links.js";
import { sendNudges } from "./nudges.js";
import { claimNextMail, markAttemptFailed, markSent } from "./outbox.js";
import { createMailTransport, type MailTransport } from "./transport.js";

const SCHEDULED_EVERY_MS = 60_000;

export interface MailWorker {
  /** One full round at `now`: notifications, digests, nudges, then sending. Returns how many mails were sent. */
  runOnce(now?: Date): Promise<number>;
  links(): Promise<MailLinks>;
}

declare module "fastify" {
  interface FastifyInstance {
    mail: MailWorker;
  }
}

/** Sends every mail due at `now`; returns how many went out. */
export async function deliverDue(db: Kysely<DB>, transport: MailTransport, now: Date, onError: (err: unknown, id: number) => void): Promise<number> {
  let sent = 0;
  for (let mail = await claimNextMail(db, now); mail; mail = await claimNextMail(db, now)) {
    try {
      await transport.send(mail);
    } catch (err) {
      onError(err, mail.id);
      await markAttemptFailed(db, mail.id, err instanceof Error ? err.message : String(err), now);
      continue;
    }
    await markSent(db, mail.id, now);
    sent++;
  }
  return sent;
}

export default fp(async function mailWorker(app: FastifyInstance) {
  const transport = createMailTransport(app.config, app.log);
  let links: Promise<MailLinks> | undefined;
  const getLinks = () => {
    links ??= mailLinks(app.db, app.config.mail.publicUrl).catch((err: unknown) => {
      links = undefined;
      throw err;
    });
    return links;
  };
  let lastScheduled = 0;

  const runOnce = async (now = new Date(), scheduled = true) => {
    const l = await getLinks();
    while ((await dispatchNotificationMail(app.db, l)) > 0);
    if (scheduled) {
      await sendDigests(app.db, l, now);
      await sendNudges(app.db, l, now);
    }
    return deliverDue(app.db, transport, now, (err, id) => app.log.warn({ err, mail: id }, "mail not sent; retrying later"));
  };
  app.decorate("mail", { runOnce: (now?: Date) => runOnce(now), links: getLinks });

  const pollMs = app.config.mail.pollMs;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  let delay = pollMs;
  const tick = () => {
    const now = new Date();
    const scheduled = now.getTime() - lastScheduled >= SCHEDULED_EVERY_MS;
    running = runOnce(now, scheduled)
      .then(() => {
        if (scheduled) lastScheduled = now.getTime();
        delay = pollMs;
      })
      // A dropped connection or a dead SMTP server: try again later, logged less often.
      .catch((err: unknown) => {
        delay = Math.min(delay * 2, 60_000);
        app.log.error({ err, retryInMs: delay }, "mail worker");
      })
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, delay);
      });
  };

  app.addHook("onReady", async () => {
    if (pollMs > 0) timer = setTimeout(tick, pollMs);
  });
  app.addHook("onClose", async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    transport.close();
  });
});
