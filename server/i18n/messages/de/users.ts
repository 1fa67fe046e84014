import type { Messages } from "../en.js";

export const users = {
  memberSince: "Mitglied seit",
  newestFirst: "neueste zuerst",
  stories: "Geschichten",
  noStories: "Keine Geschichten.",
  noStoriesHere: "Keine Geschichten auf dieser Seite.",
  storiesPages: "Seiten der Geschichten",
  olderStories: "Ältere Geschichten",
  replies: "Antworten",
  noReplies: "Keine Antworten.",
  noRepliesHere: "Keine Antworten auf dieser Seite.",
  repliesPages: "Seiten der Antworten",
  olderReplies: "Ältere Antworten",
  replyOn: (title: string) => `Antwort auf ${title}`,
  on: "Zu",
  edited: "bearbeitet",
} satisfies Messages["users"];
