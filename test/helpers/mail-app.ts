// An app that mails a real SMTP server in the test process; its mail worker
// runs only when a test calls app.mail.runOnce(now).
import type { Config } from "../../server/config.js";
import type { Database } from "../../server/db/connect.js";
import { createTestApp, testConfig, type TestApp } from "./app.js";
import { startMailbox, type Mailbox } from "./mailbox.js";

export const PUBLIC_URL = "http://localhost:80";

export function mailConfig(mailbox: Mailbox, overrides: Partial<Config> = {}): Partial<Config> {
  return { mail: { ...testConfig().mail, smtpUrl: mailbox.url, from: "Escalator <escalator@example.test>", publicUrl: PUBLIC_URL, pollMs: 0 }, ...overrides };
}

export async function createMailApp(opts: { database?: Database; config?: Partial<Config> } = {}): Promise<TestApp & { mailbox: Mailbox }> {
  const mailbox = await startMailbox();
  const test = await createTestApp({ database: opts.database, config: mailConfig(mailbox, opts.config) });
  return {
    ...test,
    mailbox,
    close: async () => {
      await test.close();
      await mailbox.close();
    },
  };
}
