// The figures' rules, named once. figures.ts passes them to SQL as parameters;
// the stored figures (migrations/0002 and 0005, frozen) use the same numbers,
// which test/companies/rules.test.ts holds equal on generated data.
import type { Outcome } from "../lib/enums.js";

/** Answered "within 30 days": at most this many seconds after the escalation. */
export const RESPONSE_WINDOW_SECONDS = 30 * 86_400;
/** A story younger than this without an answer counts neither way in the response rate. */
export const RESPONSE_WINDOW_HOURS = RESPONSE_WINDOW_SECONDS / 3600;
/** "The last 12 months": the 365 days up to now, by escalation date. */
export const TWELVE_MONTHS_HOURS = 365 * 24;
/** Organisations with fewer stories in the window (and filters) are listed unranked. */
export const MIN_RANKED_STORIES = 5;
/** Outcomes that count as resolved in the resolution rate. */
export const RESOLVED_OUTCOMES: readonly Outcome[] = ["resolved", "goodwill"];
/** Outcomes that are not closed yet: left out of the resolution rate. */
export const OPEN_OUTCOMES: readonly Outcome[] = ["pending"];
