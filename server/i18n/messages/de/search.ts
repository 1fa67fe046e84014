import type { Messages } from "../en.js";

export const search = {
  title: "Suche",
  titleFor: (q: string) => `Suche: ${q}`,
  landmark: "Die Ergebnisse dieser Seite neu durchsuchen",
  label: "Geschichten und Antworten durchsuchen",
  button: "Suchen",
  hint: (max: string) => `Wörter auf Deutsch oder Englisch. "Anführungszeichen" für eine Wortgruppe, OR für das eine oder andere Wort, -wort, um ein Wort auszuschließen. Bis zu ${max} Zeichen.`,
  truncated: (max: string) => `Ihre Suche war länger als ${max} Zeichen; verwendet wurden nur die ersten ${max}.`,
  results: "Ergebnisse",
  none: (q: string) => `Keine Geschichte passt zu „${q}“.`,
  noMore: (q: string) => `Keine weiteren Geschichten passen zu „${q}“.`,
  count: (count: number, formatted: string, exact: boolean) => `${exact ? "" : "Etwa "}${formatted} ${count === 1 ? "Geschichte passt" : "Geschichten passen"}.`,
  tooMany: (max: string) => `Mehr als ${max} Geschichten passen; nur so viele werden gezeigt. Fügen Sie ein Wort oder eine "Wortgruppe" hinzu, um die Suche einzugrenzen.`,
  pages: "Seiten",
  more: "Weitere Ergebnisse",
  escalatedTo: "Eskaliert an",
  replyBy: (author: string) => `Antwort von ${author}`,
  by: "von",
} satisfies Messages["search"];
