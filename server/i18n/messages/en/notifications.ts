// A member's notifications page. Each line reads: actor, `before`, the story's title (a link), `after`.
import type { NotificationKind } from "../../../db/schema.js";

export const notifications = {
  title: "Notifications",
  markAll: "Mark all as read",
  markOne: "Mark as read",
  none: "No notifications yet. When someone replies to you, quotes you or mentions @you, it shows here.",
  noOlder: "No older notifications.",
  new: "New",
  pages: "Notification pages",
  newest: "Newest",
  older: "Older notifications",
  /** The words around the story's title; a reply to a reply reads differently from one to the story. */
  describe: (kind: NotificationKind, topLevel: boolean): [before: string, after: string] => {
    switch (kind) {
      case "reply": return topLevel ? ["replied to your story", ""] : ["replied to your reply in", ""];
      case "quote": return ["quoted you in", ""];
      case "mention": return ["mentioned you in", ""];
      case "followed_story": return ["replied in a story you follow,", ""];
      case "story_timeline": return ["updated the timeline of a story you follow,", ""];
      case "company_story": return ["posted about a company you follow:", ""];
      case "company_official": return ["answered officially, about a company you follow, in", ""];
    }
  },
};
