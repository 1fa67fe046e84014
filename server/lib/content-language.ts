// The language a story or reply is written in (stories.lang, replies.lang,
// migrations/0012): the poster's choice on the form, else a guess from the text.
// Shown as a lang attribute wherever the text is, and it picks search's stemming.

export const CONTENT_LANGUAGES = ["en", "de"] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** Each language named in itself, as the form's select offers it. */
export const LANGUAGE_NAMES: Record<ContentLanguage, string> = { en: "English", de: "Deutsch" };

export const isContentLanguage = (value: unknown): value is ContentLanguage =>
  typeof value === "string" && (CONTENT_LANGUAGES as readonly string[]).includes(value);

/** The language select of the story and reply forms: a guess unless the poster picks one. */
export const languageOptions: [string, string][] = [["", "Guess from the text"], ...CONTENT_LANGUAGES.map((l): [string, string] => [l, LANGUAGE_NAMES[l]])];
