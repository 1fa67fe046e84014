// Human wording for the derived response time, and dates, in a page's locale.
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "../i18n/locales.js";

const MINUTE = 60;
const HOUR = 60 * MINUTE;

// Short units as each language abbreviates them in running text.
const UNITS: Record<Locale, { min: string; h: string; day: string; days: string }> = {
  en: { min: "min", h: "h", day: "day", days: "days" },
  de: { min: "Min.", h: "Std.", day: "Tag", days: "Tage" },
};
const numbers = { en: new Intl.NumberFormat(INTL_LOCALE.en), de: new Intl.NumberFormat(INTL_LOCALE.de) } satisfies Record<Locale, Intl.NumberFormat>;

/** "45 min", "3 h 20 min", "2 days 4 h", "31 days" (German: "2 Tage 4 Std."). Rounds once, so never "3 h 60 min". */
export function formatDuration(seconds: number, locale: Locale = DEFAULT_LOCALE): string {
  const unit = UNITS[locale];
  const n = (value: number) => numbers[locale].format(value);
  const minutes = Math.max(0, Math.round(seconds / MINUTE));
  if (minutes < 60) return `${n(minutes)} ${unit.min}`;
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    return minutes % 60 ? `${n(hours)} ${unit.h} ${n(minutes % 60)} ${unit.min}` : `${n(hours)} ${unit.h}`;
  }
  const totalHours = Math.round(seconds / HOUR);
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  const dayWord = days === 1 ? unit.day : unit.days;
  return days < 7 && hours ? `${n(days)} ${dayWord} ${n(hours)} ${unit.h}` : `${n(days)} ${dayWord}`;
}

const dateFormats = {
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  de: new Intl.DateTimeFormat(INTL_LOCALE.de, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
} satisfies Record<Locale, Intl.DateTimeFormat>;
const dateTimeOptions: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", hour12: false };
const dateTimeFormats = {
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, dateTimeOptions),
  de: new Intl.DateTimeFormat(INTL_LOCALE.de, dateTimeOptions),
} satisfies Record<Locale, Intl.DateTimeFormat>;

/** "1 Dec 2026" / "1. Dez. 2026". */
export function formatDate(date: Date, locale: Locale = DEFAULT_LOCALE): string {
  return dateFormats[locale].format(date);
}

/** "1 Dec 2026, 14:05 UTC" / "1. Dez. 2026, 14:05 UTC". */
export function formatDateTime(date: Date, locale: Locale = DEFAULT_LOCALE): string {
  return `${dateTimeFormats[locale].format(date)} UTC`;
}
