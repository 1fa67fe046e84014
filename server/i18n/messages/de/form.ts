import type { Messages } from "../en.js";

export const form = {
  optional: "(optional)",
  checkFields: (count: number, formatted: string) => (count === 1 ? "Bitte prüfen Sie das unten markierte Feld; alles, was Sie eingegeben haben, bleibt erhalten." : `Bitte prüfen Sie die ${formatted} unten markierten Felder; alles, was Sie eingegeben haben, bleibt erhalten.`),
  checkMarked: "Bitte prüfen Sie die unten markierten Felder; alles, was Sie eingegeben haben, bleibt erhalten.",
  preview: "Vorschau",
  cancel: "Abbrechen",
  saveChanges: "Änderungen speichern",
  quoteOpen: "„",
  quoteClose: "“",
  keepIt: "Behalten",
  markdownHint: "Markdown funktioniert: **fett**, [Links](https://example.com), > Zitate.",
  personalData: {
    warning: (found: string) => `Das sieht nach persönlichen Daten aus: ${found}. Alles hier ist öffentlich. Entfernen Sie es, oder bestätigen Sie, dass es öffentlich sein soll (etwa die veröffentlichte Presseadresse eines Unternehmens).`,
    confirm: "Ich habe es geprüft: mit diesen Angaben veröffentlichen",
  },
  refused: {
    tooLong: (max: string) => `Das ist zu lang: höchstens ${max} Zeichen.`,
    empty: "Bitte füllen Sie dieses Feld aus.",
    unreadable: "Dieser Wert ließ sich nicht lesen. Bitte prüfen Sie ihn und senden Sie das Formular erneut.",
    form: "Das Formular ließ sich nicht lesen. Bitte senden Sie es erneut.",
  },
  follow: {
    unfollow: "Nicht mehr folgen",
    story: { follow: "Dieser Geschichte folgen", following: "Sie folgen dieser Geschichte." },
    company: { follow: "Diesem Unternehmen folgen", following: "Sie folgen diesem Unternehmen." },
  },
} satisfies Messages["form"];
