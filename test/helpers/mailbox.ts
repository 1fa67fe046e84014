// A real SMTP server inside the test process: the app sends to it through
// SMTP_URL, and each mail is parsed (mailparser) before the server says 250,
// so once app.mail.runOnce() returns, the mail is in `received`.
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Mailbox {
  url: string;
  received: ParsedMail[];
  /** Mails to one address, oldest first. */
  to(address: string): ParsedMail[];
  /** The last mail to an address (throws when there is none). */
  last(address: string): ParsedMail;
  clear(): void;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["AUTH", "STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const addressesOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((t) => t.value.map((v) => v.address?.toLowerCase()));
  const to = (address: string) => received.filter((m) => addressesOf(m).includes(address.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to,
    last(address) {
      const mails = to(address);
      if (!mails.length) throw new Error(`no mail to ${address}; got ${received.length} to others`);
      return mails[mails.length - 1]!;
    },
    clear: () => void received.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's plain text that starts with the given path. */
export function linkIn(mail: ParsedMail, path: string): string {
  const link = (mail.text ?? "").match(new RegExp(`https?://[^\\s]+${path.replace(/[?]/g, "\\?")}[^\\s]*`))?.[0];
  if (!link) throw new Error(`no ${path} link in:\n${mail.text}`);
  return link;
}

/** A mail link as a path for app.inject. */
export const pathOf = (link: string) => {
  const url = new URL(link);
  return url.pathname + url.search;
};

/** A header as sent (mailparser folds the List-* headers into one structure). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
}
