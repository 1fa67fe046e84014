// How the company pages print figures: a dash when there is nothing to show.
import { formatDuration } from "../lib/durations.js";

export const fmt = {
  percent: (rate: number | null): string => (rate === null ? "—" : `${Math.round(rate * 100)}%`),
  duration: (seconds: number | null): string => (seconds === null ? "—" : formatDuration(seconds)),
  /** A Kaplan–Meier quantile; null means the curve never got there. */
  median: (seconds: number | null): string => (seconds === null ? "not reached (fewer than half answered)" : formatDuration(seconds)),
  p90: (seconds: number | null): string => (seconds === null ? "not reached (fewer than 90 % answered)" : formatDuration(seconds)),
  count: (n: number): string => n.toLocaleString("en-GB"),
  /** "2025-03" → "Mar 2025". */
  month: (month: string): string => {
    const [year, m] = month.split("-").map(Number) as [number, number];
    return `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]} ${year}`;
  },
  /** A value for a data-value attribute: exact, machine-readable. */
  raw: (value: number | null): string => (value === null ? "" : String(value)),
};
