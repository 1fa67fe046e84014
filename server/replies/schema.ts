// The reply form's validation step.
import { field, multiline, type FormBody } from "../lib/form.js";
import type { ContentLanguage } from "../lib/content-language.js";
import { parseId } from "../lib/params.js";
import { chosenLanguage } from "../stories/language.js";
import { messages, type I18n } from "../i18n/index.js";

export const REPLY_MAX = 20_000;

/** lang is the language the poster chose (null: guess it from the text); langValue what the select showed. */
export type ReplyCheck =
  | { ok: true; body: string; parentId: number | null; submissionKey: string | null; lang: ContentLanguage | null; langValue: string }
  | { ok: false; error?: string; langError?: string; body: string; parentId: number | null; langValue: string };

/** The reply form's fields; errors worded in the page's language. */
export function checkReply(form: FormBody, { t, fmt }: I18n): ReplyCheck {
  const body = multiline(form, "body");
  const parentId = parseId(field(form, "parent_id")) ?? null;
  const submissionKey = field(form, "submission_key").slice(0, 100) || null;
  const langValue = field(form, "lang");
  const lang = chosenLanguage(langValue);
  const langError = lang === undefined ? t.languages.replyError : undefined;
  if (!body.trim()) return { ok: false, error: t.replies.errors.empty, langError, body, parentId, langValue };
  if (body.length > REPLY_MAX) return { ok: false, error: t.replies.errors.tooLong(fmt.number(REPLY_MAX)), langError, body, parentId, langValue };
  if (lang === undefined) return { ok: false, langError, body, parentId, langValue };
  return { ok: true, body, parentId, submissionKey, lang, langValue };
}

/** The markdown a "quote" link puts in the reply box; `wrote` is the page language's word (replies.quoteWrote). */
export function quoteMarkdown(author: string, markdown: string, wrote: string = messages("en").replies.quoteWrote): string {
  const quoted = markdown.split("\n").map((line) => (line ? `> ${line}` : ">")).join("\n");
  return `> **${author}** ${wrote}\n>\n${quoted}\n\n`;
}
