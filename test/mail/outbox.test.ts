// The outbox: two app processes on one database send a queued mail once; a
// mail the SMTP server keeps refusing is retried with back-off, then marked
// failed and listed for admins, who can send it again.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/connect.js";
import type { DB } from "../../server/db/schema.js";
import { enqueueMail, MAX_ATTEMPTS, RETRY_MINUTES } from "../../server/mail/outbox.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent, signedUp } from "../helpers/browser-agent.js";
import { createTestDatabase } from "../helpers/database.js";
import { attr } from "../helpers/html.js";
import { mailConfig } from "../helpers/mail-app.js";
import { startMailbox, type Mailbox } from "../helpers/mailbox.js";

const MINUTE = 60_000;

describe("mail outbox", () => {
  let mailbox: Mailbox;
  let database: Database;
  let db: Kysely<DB>;
  let first: TestApp, second: TestApp;
  beforeAll(async () => {
    mailbox = await startMailbox();
    database = await createTestDatabase();
    db = database.db;
    first = await createTestApp({ database, config: mailConfig(mailbox) });
    second = await createTestApp({ database, config: mailConfig(mailbox) });
  });
  afterAll(async () => {
    await first?.app.close();
    await second?.app.close();
    await database?.close();
    await mailbox?.close();
  });
  const queue = (to: string, subject: string) => enqueueMail(db, { userId: null, to, kind: "test", subject, text: "Hello.", html: "<p>Hello.</p>" });

  it("sends each queued mail exactly once when two app processes work the queue at the same moment", async () => {
    for (let i = 1; i <= 20; i++) await queue(`reader${i}@example.test`, `Mail number ${i}`);
    const [a, b] = await Promise.all([first.app.mail.runOnce(), second.app.mail.runOnce()]);
    expect(a + b).toBe(20);
    expect(mailbox.received.map((m) => m.subject).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Mail number ${i + 1}`).sort());
    await Promise.all([first.app.mail.runOnce(), second.app.mail.runOnce()]);
    expect(mailbox.received).toHaveLength(20);
    const statuses = await db.selectFrom("mail_outbox").select("status").distinct().execute();
    expect(statuses.map((s) => s.status)).toEqual(["sent"]);
  });

  it("retries a refused mail with growing waits, then marks it failed and shows it to admins", async () => {
    // An SMTP server that is not there: every attempt fails.
    const dead = await startMailbox();
    await dead.close();
    const failing = await createTestApp({ database, config: { ...mailConfig(dead) } });
    try {
      await queue("unlucky@example.test", "A mail that cannot go");
      let now = Date.now();
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        expect(await failing.app.mail.runOnce(new Date(now))).toBe(0);
        const row = await db.selectFrom("mail_outbox").select(["status", "attempts", "next_attempt_at", "last_error"]).where("subject", "=", "A mail that cannot go").executeTakeFirstOrThrow();
        expect(row.attempts).toBe(attempt);
        expect(row.last_error).toBeTruthy();
        if (attempt < MAX_ATTEMPTS) {
          expect(row.status).toBe("queued");
          expect(row.next_attempt_at.getTime()).toBe(now + RETRY_MINUTES[attempt - 1]! * MINUTE);
          // Not before its time.
          await failing.app.mail.runOnce(new Date(now + RETRY_MINUTES[attempt - 1]! * MINUTE - 1000));
          expect((await db.selectFrom("mail_outbox").select("attempts").where("subject", "=", "A mail that cannot go").executeTakeFirstOrThrow()).attempts).toBe(attempt);
          now += RETRY_MINUTES[attempt - 1]! * MINUTE;
        } else {
          expect(row.status).toBe("failed");
        }
      }
    } finally {
      await failing.app.close();
    }

    const admin = await signedUp(first.app, "mail_admin");
    await db.updateTable("users").set({ role: "admin" }).where("username_key", "=", "mail_admin").execute();
    const page = await admin.get("/admin/mail");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("A mail that cannot go");
    expect(page.body).toContain("unlucky@example.test");
    const member = await signedUp(first.app, "plain_member");
    expect((await member.get("/admin/mail")).statusCode).toBe(403);
    expect((await new Agent(first.app).get("/admin/mail")).statusCode).toBe(303);

    // Sent again by the admin, it goes through the working server.
    const retry = attr(page.body, 'form[action$="/retry"]', "action");
    expect(retry).toMatch(/^\/admin\/mail\/\d+\/retry$/);
    expect((await admin.post(String(retry), {}, { formPage: "/admin/mail" })).statusCode).toBe(303);
    await first.app.mail.runOnce();
    expect(mailbox.to("unlucky@example.test").map((m) => m.subject)).toEqual(["A mail that cannot go"]);
    expect((await admin.get("/admin/mail")).body).toContain("Nothing failed.");
  });
});

describe("mail without SMTP_URL", () => {
  let dataDir: string;
  let t: TestApp;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "escalator-outbox-"));
    t = await createTestApp({ config: { dataDir, mail: { smtpUrl: undefined, from: "Escalator <escalator@example.test>", publicUrl: "http://localhost:80", pollMs: 0 } } });
  });
  afterAll(async () => {
    await t?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("writes each mail into the data folder's outbox/ as an .eml file", async () => {
    await enqueueMail(t.database.db, { userId: null, to: "local@example.test", kind: "password_reset", subject: "Reset your Escalator password", text: "Choose a new password\nhttp://localhost:80/reset-password?token=x", html: "<p>x</p>" });
    expect(await t.app.mail.runOnce()).toBe(1);
    const files = await readdir(join(dataDir, "outbox"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/password_reset\.eml$/);
    const eml = await readFile(join(dataDir, "outbox", files[0]!), "utf8");
    expect(eml).toContain("Subject: Reset your Escalator password");
    expect(eml).toContain("To: local@example.test");
  });
});
