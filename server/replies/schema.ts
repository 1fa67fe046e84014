// The reply form's validation step.
import { field, multiline, type FormBody } from "../lib/form.js";
import { parseId } from "../lib/params.js";

export const REPLY_MAX = 20_000;

export type ReplyCheck =
  | { ok: true; body: string; parentId: number | null; submissionKey: string | null }
  | { ok: false; error: string; body: string; parentId: number | null };

export function checkReply(form: FormBody): ReplyCheck {
  const body = multiline(form, "body");
  const parentId = parseId(field(form, "parent_id")) ?? null;
  const submissionKey = field(form, "submission_key").slice(0, 100) || null;
  if (!body.trim()) return { ok: false, error: "Write something before posting the reply.", body, parentId };
  if (body.length > REPLY_MAX) return { ok: false, error: `Keep a reply under ${REPLY_MAX.toLocaleString("en")} characters.`, body, parentId };
  return { ok: true, body, parentId, submissionKey };
}

/** The markdown a "quote" link puts in the reply box. */
export function quoteMarkdown(author: string, markdown: string): string {
  const quoted = markdown.split("\n").map((line) => (line ? `> ${line}` : ">")).join("\n");
  return `> **${author}** wrote:\n>\n${quoted}\n\n`;
}
