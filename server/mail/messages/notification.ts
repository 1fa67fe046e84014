// The mail sent right away for one notification, and the words that describe
// a notification in it and in the digest.
import type { NotificationKind } from "../../db/schema.js";
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

export function describeNotification(n: NotificationLine): string {
  const story = `“${n.storyTitle}”`;
  switch (n.kind) {
    case "reply":
      return n.topLevel ? `${n.actor} replied to your story ${story}` : `${n.actor} replied to your reply in ${story}`;
    case "quote":
      return `${n.actor} quoted you in ${story}`;
    case "mention":
      return `${n.actor} mentioned you in ${story}`;
    case "followed_story":
      return `${n.actor} replied in ${story}, a story you follow`;
    case "story_timeline":
      return `${n.actor} updated the timeline of ${story}, a story you follow`;
    case "company_story":
      return `${n.actor} posted ${story} about a company you follow`;
    case "company_official":
      return `${n.actor} answered officially in ${story}, about a company you follow`;
  }
}

export function notificationMail(n: NotificationLine): MailText {
  const line = describeNotification(n);
  return {
    subject: line.length > 120 ? `${line.slice(0, 119)}…` : line,
    paragraphs: [`${line}:`, ...(n.excerpt ? [n.excerpt] : []), { text: "Read it on Escalator", href: n.url }],
  };
}
