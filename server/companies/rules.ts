// The figures' rules, named once. figures.ts passes them to SQL as parameters;
// the stored figures' SQL (migrations/0011) and how to escalate
// (routes-to-escalate.ts) read them from the one row of figure_rules, which
// rules-table.ts writes from FIGURE_RULES below.
// test/companies/rules.test.ts holds the stored figures equal to a plain
// computation from these names on generated data.
import type { Outcome } from "../lib/enums.js";

/** Answered "within 30 days": at most this many seconds after the escalation. */
export const RESPONSE_WINDOW_SECONDS = 30 * 86_400;
/** A story younger than this without an answer counts neither way in the response rate. */
export const RESPONSE_WINDOW_HOURS = RESPONSE_WINDOW_SECONDS / 3600;
/** "The last 12 months": the 365 days up to now, by escalation date. */
export const TWELVE_MONTHS_HOURS = 365 * 24;
/** Organisations with fewer stories in the window (and filters) are listed unranked. */
export const MIN_RANKED_STORIES = 5;
/** A route (channel × role written to) needs this many steps before "how to escalate" recommends or ranks it. */
export const MIN_ROUTE_STEPS = 5;
/** Outcomes that count as resolved in the resolution rate. */
export const RESOLVED_OUTCOMES: readonly Outcome[] = ["resolved", "goodwill"];
/** Outcomes that are not closed yet: left out of the resolution rate. */
export const OPEN_OUTCOMES: readonly Outcome[] = ["pending"];

/** The row of figure_rules (migrations/0011): the same rules, for the SQL that reads them. */
export const FIGURE_RULES = {
  response_window_seconds: RESPONSE_WINDOW_SECONDS,
  twelve_months_hours: TWELVE_MONTHS_HOURS,
  min_ranked_stories: MIN_RANKED_STORIES,
  min_route_steps: MIN_ROUTE_STEPS,
  resolved_outcomes: RESOLVED_OUTCOMES,
  open_outcomes: OPEN_OUTCOMES,
};
export type FigureRules = typeof FIGURE_RULES;
