// One formatter per locale: dates, times, numbers, durations and country names through Intl.
import { countriesFor, countryName } from "../lib/countries.js";
import { formatDate, formatDateTime, formatDuration, formatMoment, formatResponse, formatSpan, formatWait, type Moment } from "../lib/durations.js";
import { INTL_LOCALE, type Locale } from "./locales.js";

export function formatterFor(locale: Locale) {
  const intl = INTL_LOCALE[locale];
  const integer = new Intl.NumberFormat(intl, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(intl, { style: "percent", maximumFractionDigits: 0 });
  const month = new Intl.DateTimeFormat(intl, { month: "short", year: "numeric", timeZone: "UTC" });
  return {
    /** "1 Dec 2026" / "1. Dez. 2026". */
    date: (date: Date) => formatDate(date, locale),
    /** "1 Dec 2026, 14:05 UTC" / "1. Dez. 2026, 14:05 UTC". */
    dateTime: (date: Date) => formatDateTime(date, locale),
    /** A machine-readable timestamp for <time datetime>. */
    iso: (date: Date) => date.toISOString(),
    /** "3 h 20 min" / "3 Std. 20 Min.". */
    duration: (seconds: number) => formatDuration(seconds, locale),
    /** A moment at the precision the poster gave: with its time, or its date alone. */
    moment: (moment: Moment) => formatMoment(moment, locale),
    /** Between two moments at their precision: "3 h 20 min", or "the same day" / "4 days" when a time is not known. */
    span: (from: Moment, to: Moment) => formatSpan(from, to, locale),
    /** The same for a sentence: "after 3 h", "the next day". */
    wait: (from: Moment, to: Moment) => formatWait(from, to, locale),
    /** A story's first response as `wait` words; null when unanswered. */
    response: (story: Parameters<typeof formatResponse>[0]) => formatResponse(story, locale),
    /** "12,345" / "12.345". */
    number: (n: number) => integer.format(n),
    /** A rate 0..1 as "42%" / "42 %". */
    percent: (rate: number) => percent.format(rate),
    /** "2025-03" → "Mar 2025" / "März 2025". */
    month: (yearMonth: string) => {
      const [year = 1970, m = 1] = yearMonth.split("-").map(Number);
      return month.format(new Date(Date.UTC(year, m - 1, 1)));
    },
    country: (code: string) => countryName(code, locale),
    /** [code, name] pairs sorted by name as this locale sorts them. */
    countries: () => [...countriesFor(locale)],
  };
}
export type Formatter = ReturnType<typeof formatterFor>;
