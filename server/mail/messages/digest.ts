// The daily digest: what happened since the last one, one line and link each, in the member's language.
import type { Messages } from "../../i18n/index.js";
import type { MailText } from "../compose.js";
import { describeNotification, type NotificationLine } from "./notification.js";

export function digestMail(m: Messages["mail"], lines: NotificationLine[]): MailText {
  return {
    subject: m.digest.subject(lines.length),
    paragraphs: [m.digest.since, ...lines.map((n) => ({ text: describeNotification(m, n), href: n.url }))],
  };
}
