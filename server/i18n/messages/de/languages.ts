// Die Sprache einer Geschichte oder einer Antwort: die Auswahl in den Formularen und ihre Fehler.
import type { Messages } from "../en.js";

export const languages = {
  names: { en: "Englisch", de: "Deutsch" },
  guess: "Aus dem Text erkennen",
  storyLabel: "Sprache Ihrer Geschichte",
  replyLabel: "Sprache Ihrer Antwort",
  hint: "Screenreader lesen den Text in dieser Sprache vor, und die Suche führt seine Wörter auf ihre Grundform zurück. Ohne Auswahl wird sie aus dem Text erkannt.",
  storyError: "Wählen Sie die Sprache der Geschichte aus der Liste.",
  replyError: "Wählen Sie die Sprache der Antwort aus der Liste.",
} satisfies Messages["languages"];
