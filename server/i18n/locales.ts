// The languages pages come in, and how a visitor's browser states its preference.

export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];
/** Served without a prefix; every other locale lives under /<locale>/. */
export const DEFAULT_LOCALE: Locale = "en";
/** Set by the language switch; once present, Accept-Language no longer decides. */
export const LOCALE_COOKIE = "lang";
/** What Intl formats each page locale with (en-GB: "1 Dec 2026", 24-hour clock). */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", de: "de-DE" };

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/**
 * The supported locale an Accept-Language header ranks highest ("de-DE,de;q=0.9,en;q=0.8" → "de"),
 * or undefined when it names none of them. Equal weights go to the one listed first.
 */
export function preferredLocale(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.split(",").slice(0, 50)) {
    const [range = "", ...params] = part.trim().split(";");
    const language = range.trim().toLowerCase().split("-")[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!isLocale(language) || !Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: language, q };
  }
  return best?.locale;
}
