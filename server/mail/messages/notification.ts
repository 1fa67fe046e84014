// The mail sent right away for one notification, and the words that describe
// a notification in it and in the digest, in the member's language (`mail.notification`).
import type { NotificationKind } from "../../db/schema.js";
import type { Messages } from "../../i18n/index.js";
import type { MailText } from "../compose.js";

export interface NotificationLine {
  kind: NotificationKind;
  /** Whether the reply answers the story itself rather than another reply. */
  topLevel: boolean;
  actor: string;
  storyTitle: string;
  excerpt: string;
  url: string;
}

export function describeNotification(m: Messages["mail"], n: NotificationLine): string {
  return m.notification.describe(n.kind, n.topLevel, n.actor, n.storyTitle);
}

export function notificationMail(m: Messages["mail"], n: NotificationLine): MailText {
  const line = describeNotification(m, n);
  return {
    subject: line.length > 120 ? `${line.slice(0, 119)}…` : line,
    paragraphs: [`${line}:`, ...(n.excerpt ? [n.excerpt] : []), { text: m.notification.read, href: n.url }],
  };
}
