// Absolute links for mail: the site's public address plus the paths of
// lib/paths.ts, and the signed one-click unsubscribe link.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { Footer } from "./compose.js";
import { isPreferenceKind, MAIL_KINDS, type PreferenceKind } from "./preferences.js";
import { sign, signingKey, verify } from "./signing.js";

export const SETTINGS_MAIL_PATH = "/settings#mail";
export const UNSUBSCRIBE_PATH = "/mail/unsubscribe";

/** What one unsubscribe link stops: one kind, the nudge, or the whole daily digest. */
export type UnsubscribeKind = PreferenceKind | "digest";

export interface MailLinks {
  url(path: string): string;
  /** The footer of a mail the member chose to get: settings and one-click unsubscribe from this kind. */
  subscribedFooter(userId: number, kind: UnsubscribeKind): Footer;
  /** The footer of account mail (confirmation, reset): settings only. */
  accountFooter(): Footer;
  /** Who and what a signed unsubscribe token names, or undefined. */
  readUnsubscribe(token: string): { userId: number; kind: UnsubscribeKind } | undefined;
}

const unsubscribeLabel = (kind: UnsubscribeKind) =>
  kind === "nudge" ? "Stop these reminders" : kind === "digest" ? "Stop the daily digest" : `Unsubscribe from “${MAIL_KINDS[kind]}”`;

export async function mailLinks(db: Kysely<DB>, publicUrl: string): Promise<MailLinks> {
  const key = await signingKey(db);
  const url = (path: string) => `${publicUrl}${path}`;
  return {
    url,
    subscribedFooter: (userId, kind) => ({
      settingsUrl: url(SETTINGS_MAIL_PATH),
      unsubscribe: { url: url(`${UNSUBSCRIBE_PATH}?token=${sign(key, `${userId}:${kind}`)}`), label: unsubscribeLabel(kind) },
    }),
    accountFooter: () => ({ settingsUrl: url(SETTINGS_MAIL_PATH) }),
    readUnsubscribe(token) {
      const payload = verify(key, token);
      const match = payload?.match(/^(\d+):([a-z_]+)$/);
      if (!match) return undefined;
      const kind = match[2]!;
      return kind === "digest" || isPreferenceKind(kind) ? { userId: Number(match[1]), kind } : undefined;
    },
  };
}
