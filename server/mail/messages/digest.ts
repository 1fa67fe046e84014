// The daily digest: what happened since the last one, one line and link each.
import type { MailText } from "../compose.js";
import { describeNotification, type NotificationLine } from "./notification.js";

export function digestMail(lines: NotificationLine[]): MailText {
  return {
    subject: lines.length === 1 ? "Your Escalator digest: 1 new notification" : `Your Escalator digest: ${lines.length} new notifications`,
    paragraphs: [
      "Since your last digest:",
      ...lines.map((n) => ({ text: describeNotification(n), href: n.url })),
    ],
  };
}
