// Absolute links for mail: the site's public address plus the paths of
// lib/paths.ts, and the signed one-click unsubscribe link.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { Footer } from "./compose.js";
import { messages, type Locale } from "../i18n/index.js";
import { localisePath } from "../lib/paths.js";
import { isPreferenceKind, type PreferenceKind } from "./preferences.js";
import { sign, signingKey, verify } from "./signing.js";

export const SETTINGS_MAIL_PATH = "/settings#mail";
export const UNSUBSCRIBE_PATH = "/mail/unsubscribe";

/** What one unsubscribe link stops: one kind, the nudge, or the whole daily digest. */
export type UnsubscribeKind = PreferenceKind | "digest";

export interface MailLinks {
  /** The absolute URL of a page, in the member's language (German pages under /de/). */
  url(path: string, locale: Locale): string;
  /** The footer of a mail the member chose to get: settings and one-click unsubscribe from this kind. */
  subscribedFooter(userId: number, kind: UnsubscribeKind, locale: Locale): Footer;
  /** The footer of account mail (confirmation, reset): settings only. */
  accountFooter(locale: Locale): Footer;
  /** Who and what a signed unsubscribe token names, or undefined. */
  readUnsubscribe(token: string): { userId: number; kind: UnsubscribeKind } | undefined;
}

function unsubscribeLabel(kind: UnsubscribeKind, locale: Locale): string {
  const t = messages(locale);
  const f = t.mail.footer;
  return kind === "nudge" ? f.stopNudges : kind === "digest" ? f.stopDigest : f.unsubscribeFrom(t.accounts.settings.mail.kinds[kind]);
}

export async function mailLinks(db: Kysely<DB>, publicUrl: string): Promise<MailLinks> {
  const key = await signingKey(db);
  const url = (path: string, locale: Locale) => `${publicUrl}${localisePath(locale, path)}`;
  const settings = (locale: Locale) => ({ lang: locale, settingsLabel: messages(locale).mail.footer.settings, settingsUrl: url(SETTINGS_MAIL_PATH, locale) });
  return {
    url,
    subscribedFooter: (userId, kind, locale) => ({
      ...settings(locale),
      unsubscribe: { url: url(`${UNSUBSCRIBE_PATH}?token=${sign(key, `${userId}:${kind}`)}`, locale), label: unsubscribeLabel(kind, locale) },
    }),
    accountFooter: settings,
    readUnsubscribe(token) {
      const payload = verify(key, token);
      const match = payload?.match(/^(\d+):([a-z_]+)$/);
      if (!match) return undefined;
      const kind = match[2]!;
      return kind === "digest" || isPreferenceKind(kind) ? { userId: Number(match[1]), kind } : undefined;
    },
  };
}
