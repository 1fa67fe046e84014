// Hands one mail to the world: to SMTP_URL through nodemailer, or, without
// one (the embedded default), into dataDir/outbox/ as an .eml file whose
// subject and first link are logged, so a lone `npm start` can still reset a
// password. Only the outbox worker calls this, never a request.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyBaseLogger } from "fastify";
import nodemailer from "nodemailer";
import type { Config } from "../config.js";

export interface OutgoingMail {
  id: number;
  to: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

const firstLink = (text: string) => text.match(/https?:\/\/\S+/)?.[0];

export function createMailTransport(config: Config, log: FastifyBaseLogger): MailTransport {
  const message = (mail: OutgoingMail) => ({
    from: config.mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { ...mail.headers, "Auto-Submitted": "auto-generated" },
  });

  if (config.mail.smtpUrl) {
    const smtp = nodemailer.createTransport(config.mail.smtpUrl);
    return {
      async send(mail) {
        await smtp.sendMail(message(mail));
      },
      close: () => smtp.close(),
    };
  }

  const folder = join(config.dataDir, "outbox");
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await files.sendMail(message(mail));
      await mkdir(folder, { recursive: true });
      const file = join(folder, `${String(mail.id).padStart(6, "0")}-${mail.kind}.eml`);
      await writeFile(file, info.message as Buffer);
      log.info({ to: mail.to, subject: mail.subject, link: firstLink(mail.text), file }, "mail written to the outbox folder (no SMTP_URL)");
    },
    close: () => files.close(),
  };
}
