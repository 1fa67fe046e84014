// The language a story or reply is written in (stories.lang, replies.lang,
// migrations/0012): the poster's choice on the form, else a guess from the text.
// Shown as a lang attribute wherever the text is, and it picks search's stemming.
// The same two languages the pages come in (server/i18n/locales.ts).
import { isLocale, LOCALES, type Locale } from "../i18n/locales.js";

export type ContentLanguage = Locale;
export const CONTENT_LANGUAGES = LOCALES;
export const isContentLanguage = isLocale;

/** The language select of the story and reply forms, in the page's words: a guess unless the poster picks one. */
export function languageOptions(words: { guess: string; names: Record<ContentLanguage, string> }): [string, string][] {
  return [["", words.guess], ...CONTENT_LANGUAGES.map((l): [string, string] => [l, words.names[l]])];
}
