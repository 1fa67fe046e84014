// Human wording for the derived response time, and dates, in a page's locale.
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "../i18n/locales.js";

const MINUTE = 60;
const HOUR = 60 * MINUTE;

// Short units as each language abbreviates them in running text.
// `daysAfter` is the plural after "after": German takes the dative there ("nach 8 Tagen").
const UNITS: Record<Locale, { min: string; h: string; day: string; days: string; daysAfter: string; sameDay: string; nextDay: string; after: (span: string) => string }> = {
  en: { min: "min", h: "h", day: "day", days: "days", daysAfter: "days", sameDay: "the same day", nextDay: "the next day", after: (span) => `after ${span}` },
  de: { min: "Min.", h: "Std.", day: "Tag", days: "Tage", daysAfter: "Tagen", sameDay: "am selben Tag", nextDay: "am nächsten Tag", after: (span) => `nach ${span}` },
};
type Case = "plain" | "after";
const numbers = { en: new Intl.NumberFormat(INTL_LOCALE.en), de: new Intl.NumberFormat(INTL_LOCALE.de) } satisfies Record<Locale, Intl.NumberFormat>;

/** "45 min", "3 h 20 min", "2 days 4 h", "31 days" (German: "2 Tage 4 Std."). Rounds once, so never "3 h 60 min". */
export function formatDuration(seconds: number, locale: Locale = DEFAULT_LOCALE, wordCase: Case = "plain"): string {
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
  const dayWord = days === 1 ? unit.day : wordCase === "after" ? unit.daysAfter : unit.days;
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

/** A moment as the poster gave it: with its time of day, or only its date. */
export interface Moment {
  at: Date;
  timeKnown: boolean;
}

const DAY_MS = 86_400_000;
const calendarDays = (from: Date, to: Date) =>
  Math.round((Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate()) - Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate())) / DAY_MS);

/**
 * The time between two moments at the precision the poster gave: "3 h 20 min"
 * when both times of day are known, otherwise in calendar days ("the same
 * day", "1 day", "4 days"), never an hour figure made up from a midnight.
 */
export function formatSpan(from: Moment, to: Moment, locale: Locale = DEFAULT_LOCALE, wordCase: Case = "plain"): string {
  if (from.timeKnown && to.timeKnown) return formatDuration((to.at.getTime() - from.at.getTime()) / 1000, locale, wordCase);
  const unit = UNITS[locale];
  const days = calendarDays(from.at, to.at);
  return days === 0 ? unit.sameDay : `${numbers[locale].format(days)} ${days === 1 ? unit.day : wordCase === "after" ? unit.daysAfter : unit.days}`;
}

/** "after 3 h", "the same day", "the next day", "after 4 days": how long an answer took, for a sentence. */
export function formatWait(from: Moment, to: Moment, locale: Locale = DEFAULT_LOCALE): string {
  const unit = UNITS[locale];
  if (from.timeKnown && to.timeKnown) return unit.after(formatSpan(from, to, locale, "after"));
  const days = calendarDays(from.at, to.at);
  return days === 0 ? unit.sameDay : days === 1 ? unit.nextDay : unit.after(formatSpan(from, to, locale, "after"));
}

/** The story's first response as formatWait words; null when unanswered. */
export function formatResponse(
  story: { escalated_at: Date; escalated_time_known: boolean; first_response_at: Date | null; first_response_time_known: boolean },
  locale: Locale = DEFAULT_LOCALE,
): string | null {
  if (!story.first_response_at) return null;
  return formatWait({ at: story.escalated_at, timeKnown: story.escalated_time_known }, { at: story.first_response_at, timeKnown: story.first_response_time_known }, locale);
}

/** A moment with its time when the poster gave one, else its date alone. */
export function formatMoment(moment: Moment, locale: Locale = DEFAULT_LOCALE): string {
  return moment.timeKnown ? formatDateTime(moment.at, locale) : formatDate(moment.at, locale);
}
