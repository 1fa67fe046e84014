// Which language a story or reply is stored in: the poster's choice, or else
// migrations/0012's guess_language() over its text (Postgres' stop-word lists),
// so the guess the form previews is the one the database stores.
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../db/schema.js";
import { isContentLanguage, type ContentLanguage } from "../lib/content-language.js";

/** The form's choice: a language, or null for "guess from the text"; undefined when the field holds neither. */
export function chosenLanguage(value: string | undefined): ContentLanguage | null | undefined {
  if (!value) return null;
  return isContentLanguage(value) ? value : undefined;
}

/** The guess as an SQL expression, for an insert or update to store. */
export function guessedLanguage(text: string, fallback: ContentLanguage): RawBuilder<ContentLanguage> {
  return sql<ContentLanguage>`guess_language(${text}, ${fallback})`;
}

/** The chosen language, or the guess: what a preview shows and a post stores. */
export async function resolveLanguage(db: Kysely<DB>, chosen: ContentLanguage | null, text: string, fallback: ContentLanguage): Promise<ContentLanguage> {
  if (chosen) return chosen;
  const { rows } = await sql<{ lang: string }>`select ${guessedLanguage(text, fallback)} as lang`.execute(db);
  const lang = rows[0]?.lang;
  return isContentLanguage(lang) ? lang : fallback;
}

/** The text a story's language is guessed from. */
export const storyText = (story: { title: string; body: string }) => `${story.title}\n${story.body}`;
