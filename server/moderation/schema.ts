// Reading moderation forms: every action needs a reason, said in words (the page's language).
import type { I18n } from "../i18n/index.js";
import { field, multiline, type FormBody } from "../lib/form.js";

export const REASON_MAX = 500;

export function readReason(body: FormBody, { t, fmt }: I18n): { reason: string; error?: string } {
  const reason = field(body, "reason").slice(0, REASON_MAX + 1);
  if (reason.length < 3) return { reason, error: t.moderation.errors.reasonMissing };
  if (reason.length > REASON_MAX) return { reason, error: t.moderation.errors.reasonLong(fmt.number(REASON_MAX)) };
  return { reason };
}

export function readRedaction(body: FormBody, { t }: I18n): { text: string; error?: string } {
  const text = multiline(body, "body");
  if (!text.trim()) return { text, error: t.moderation.errors.redactionEmpty };
  return { text };
}

export const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined => (values as readonly string[]).includes(value) ? (value as T) : undefined;
