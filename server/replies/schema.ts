// The reply form's validation step.
import { field, multiline, type FormBody } from "../lib/form.js";
import { parseId } from "../lib/params.js";
import type { I18n } from "../i18n/index.js";

export const REPLY_MAX = 20_000;

export type ReplyCheck =
  | { ok: true; body: string; parentId: number | null; submissionKey: string | null }
  | { ok: false; error: string; body: string; parentId: number | null };

/** The reply form's fields; errors worded in the page's language. */
export function checkReply(form: FormBody, { t, fmt }: I18n): ReplyCheck {
  const body = multiline(form, "body");
  const parentId = parseId(field(form, "parent_id")) ?? null;
  const submissionKey = field(form, "submission_key").slice(0, 100) || null;
  if (!body.trim()) return { ok: false, error: t.replies.errors.empty, body, parentId };
  if (body.length > REPLY_MAX) return { ok: false, error: t.replies.errors.tooLong(fmt.number(REPLY_MAX)), body, parentId };
  return { ok: true, body, parentId, submissionKey };
}

/** The markdown a "quote" link puts in the reply box; `heading` is "**name** wrote:" in the page's language. */
export function quoteMarkdown(heading: string, markdown: string): string {
  const quoted = markdown.split("\n").map((line) => (line ? `> ${line}` : ">")).join("\n");
  return `> ${heading}\n>\n${quoted}\n\n`;
}
