// Reading moderation forms: every action needs a reason, said in words.
import { field, multiline, type FormBody } from "../lib/form.js";

export const REASON_MAX = 500;

export function readReason(body: FormBody): { reason: string; error?: string } {
  const reason = field(body, "reason").slice(0, REASON_MAX + 1);
  if (reason.length < 3) return { reason, error: "Say why, in a few words: the reason is shown in the public moderation log." };
  if (reason.length > REASON_MAX) return { reason, error: `Keep the reason under ${REASON_MAX} characters.` };
  return { reason };
}

export function readRedaction(body: FormBody): { text: string; error?: string } {
  const text = multiline(body, "body");
  if (!text.trim()) return { text, error: "The redacted text cannot be empty; replace the personal data with something like [removed]." };
  return { text };
}

export const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined => (values as readonly string[]).includes(value) ? (value as T) : undefined;
