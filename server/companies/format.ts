// How the company pages print figures, in the page's language: a dash when there is nothing to show.
import { i18nFor, type I18n } from "../i18n/index.js";

export function figureFormat({ fmt: f, t }: I18n) {
  return {
    ...f,
    percent: (rate: number | null): string => (rate === null ? "—" : f.percent(rate)),
    duration: (seconds: number | null): string => (seconds === null ? "—" : f.duration(seconds)),
    /** A Kaplan–Meier quantile; null means the curve never got there. */
    median: (seconds: number | null): string => (seconds === null ? t.companies.notReachedMedian : f.duration(seconds)),
    p90: (seconds: number | null): string => (seconds === null ? t.companies.notReachedP90 : f.duration(seconds)),
    count: (n: number): string => f.number(n),
    /** A value for a data-value attribute: exact, machine-readable. */
    raw: (value: number | null): string => (value === null ? "" : String(value)),
  };
}
export type FigureFormat = ReturnType<typeof figureFormat>;

/** The English figures, for code that renders no page in a language of its own. */
export const fmt = figureFormat(i18nFor("en"));
