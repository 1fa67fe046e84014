import type { NotificationKind } from "../../../db/schema.js";
import type { Messages } from "../en.js";

export const notifications = {
  title: "Benachrichtigungen",
  markAll: "Alle als gelesen markieren",
  markOne: "Als gelesen markieren",
  none: "Noch keine Benachrichtigungen. Wenn jemand Ihnen antwortet, Sie zitiert oder @Sie erwähnt, erscheint es hier.",
  noOlder: "Keine älteren Benachrichtigungen.",
  new: "Neu",
  pages: "Seiten der Benachrichtigungen",
  newest: "Neueste",
  older: "Ältere Benachrichtigungen",
  describe: (kind: NotificationKind, topLevel: boolean): [before: string, after: string] => {
    switch (kind) {
      case "reply": return topLevel ? ["hat auf Ihre Geschichte", " geantwortet"] : ["hat auf Ihre Antwort in", " geantwortet"];
      case "quote": return ["hat Sie in", " zitiert"];
      case "mention": return ["hat Sie in", " erwähnt"];
      case "followed_story": return ["hat in", " geantwortet, einer Geschichte, der Sie folgen"];
      case "story_timeline": return ["hat die Zeitleiste von", " ergänzt, einer Geschichte, der Sie folgen"];
      case "company_story": return ["hat", " über ein Unternehmen veröffentlicht, dem Sie folgen"];
      case "company_official": return ["hat in", " offiziell geantwortet, zu einem Unternehmen, dem Sie folgen"];
    }
  },
} satisfies Messages["notifications"];
