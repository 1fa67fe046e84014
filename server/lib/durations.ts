// Human wording for the derived response time.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45 min", "3 h 20 min", "2 days 4 h", "31 days". Rounds once, so never "3 h 60 min". */
export function formatDuration(seconds: number): string {
  const minutes = Math.max(0, Math.round(seconds / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  }
  const totalHours = Math.round(seconds / HOUR);
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  const dayWord = days === 1 ? "day" : "days";
  return days < 7 && hours ? `${days} ${dayWord} ${hours} h` : `${days} ${dayWord}`;
}

/** A moment as the poster gave it: with its time of day, or only its date. */
export interface Moment {
  at: Date;
  timeKnown: boolean;
}

const calendarDays = (from: Date, to: Date) => Math.round((Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate()) - Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate())) / (DAY * 1000));

/**
 * The time between two moments at the precision the poster gave: "3 h 20 min"
 * when both times of day are known, otherwise in calendar days ("the same
 * day", "1 day", "4 days"), never an hour figure made up from a midnight.
 */
export function formatSpan(from: Moment, to: Moment): string {
  if (from.timeKnown && to.timeKnown) return formatDuration((to.at.getTime() - from.at.getTime()) / 1000);
  const days = calendarDays(from.at, to.at);
  return days === 0 ? "the same day" : days === 1 ? "1 day" : `${days} days`;
}

/** "after 3 h", "the same day", "the next day", "after 4 days": how long an answer took, for a sentence. */
export function formatWait(from: Moment, to: Moment): string {
  if (from.timeKnown && to.timeKnown) return `after ${formatSpan(from, to)}`;
  const days = calendarDays(from.at, to.at);
  return days === 0 ? "the same day" : days === 1 ? "the next day" : `after ${days} days`;
}

/** The story's first response for a sentence ("answered after 3 h", "answered the next day"); null when unanswered. */
export function formatResponse(story: { escalated_at: Date; escalated_time_known: boolean; first_response_at: Date | null; first_response_time_known: boolean }): string | null {
  if (!story.first_response_at) return null;
  return formatWait({ at: story.escalated_at, timeKnown: story.escalated_time_known }, { at: story.first_response_at, timeKnown: story.first_response_time_known });
}

/** A moment with its time when the poster gave one, else its date alone. */
export function formatMoment(moment: Moment): string {
  return moment.timeKnown ? formatDateTime(moment.at) : formatDate(moment.at);
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", hour12: false,
});

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

export function formatDateTime(date: Date): string {
  return `${dateTimeFormat.format(date)} UTC`;
}
