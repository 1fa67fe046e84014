// The story form's one validation step: raw fields in; typed facts or field
// errors (with everything typed kept) out.
import { CHANNELS, isKey, OUTCOMES, ROLES, type Channel, type Outcome, type Role } from "../lib/enums.js";
import { isCountry } from "../lib/countries.js";
import { field, multiline, type FieldErrors, type FormBody } from "../lib/form.js";
import { organisationKey } from "../lib/slug.js";

export const TITLE_MIN = 8;
export const TITLE_MAX = 160;
export const BODY_MAX = 40_000;
// Dates are typed in the poster's day; allow for the time zones ahead of UTC.
const FUTURE_SLACK_MS = 14 * 3_600_000;

export interface TimelineInput {
  answeredBy: Role | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  outcome: Outcome;
}

export interface StoryInput extends TimelineInput {
  title: string;
  company: string;
  otherParty: string | null;
  product: string | null;
  country: string;
  channel: Channel;
  escalatedTo: Role;
  escalatedAt: Date;
  escalatedTimeKnown: boolean;
  body: string;
}

export const STORY_FIELDS = [
  "title", "company", "other_party", "product", "country", "channel", "escalated_to", "answered_by",
  "escalated_date", "escalated_time", "first_response_date", "first_response_time", "resolved_date", "resolved_time", "outcome", "body",
] as const;
export type StoryField = (typeof STORY_FIELDS)[number];
export type StoryValues = Partial<Record<StoryField, string>>;

export type Checked<T> = { ok: true; value: T; values: StoryValues } | { ok: false; errors: FieldErrors<StoryField>; values: StoryValues };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

function parseDate(date: string, time: string): Date | undefined {
  const d = DATE.exec(date);
  const t = time ? TIME.exec(time) : ["", "00", "00", "00"];
  if (!d || !t) return undefined;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  // Seconds are kept as typed: 30 days and 1 second is not "within 30 days".
  const value = new Date(Date.UTC(y, m - 1, day, Number(t[1]), Number(t[2]), Number(t[3] ?? 0)));
  // Rejects 2025-02-30 and the like, which Date would roll over.
  return value.getUTCMonth() === m - 1 && value.getUTCDate() === day && y >= 1990 ? value : undefined;
}

export function readValues(body: FormBody): StoryValues {
  const values: StoryValues = {};
  for (const name of STORY_FIELDS) values[name] = name === "body" ? multiline(body, name) : field(body, name);
  if (values.country) values.country = values.country.toUpperCase();
  return values;
}

/** The timeline part: who answered, when, how it ended. Shared by the full form and "update the timeline". */
export function checkTimeline(values: StoryValues, escalatedAt: Date | undefined, now: Date, errors: FieldErrors<StoryField>): TimelineInput | undefined {
  const future = now.getTime() + FUTURE_SLACK_MS;
  const moment = (dateName: "first_response_date" | "resolved_date", timeName: "first_response_time" | "resolved_time", label: string) => {
    const date = values[dateName] ?? "";
    const time = values[timeName] ?? "";
    if (!date && !time) return null;
    if (!date) { errors[dateName] = `Add the date of the ${label}, or clear its time.`; return undefined; }
    if (!time) { errors[timeName] = `Add the time of the ${label} (HH:MM, UTC), so the response time is right.`; return undefined; }
    const at = parseDate(date, time);
    if (!at) { errors[dateName] = "Use a real date, like 2024-03-18."; return undefined; }
    if (at.getTime() > future) { errors[dateName] = `The ${label} cannot be in the future.`; return undefined; }
    if (escalatedAt && at < escalatedAt) { errors[dateName] = `The ${label} cannot come before the escalation.`; return undefined; }
    return at;
  };
  const firstResponseAt = moment("first_response_date", "first_response_time", "first response");
  const resolvedAt = moment("resolved_date", "resolved_time", "resolution");
  const answeredBy = values.answered_by ? (isKey(ROLES, values.answered_by) ? values.answered_by : undefined) : null;
  if (answeredBy === undefined) errors.answered_by = "Choose who answered from the list.";
  const outcome = isKey(OUTCOMES, values.outcome) ? values.outcome : undefined;
  if (!outcome) errors.outcome = "Choose how it ended.";
  if (outcome === "no_response" && firstResponseAt) errors.outcome = "The outcome cannot be “no response” when there was a first response. Pick another outcome or clear the response date.";
  if (firstResponseAt === undefined || resolvedAt === undefined || answeredBy === undefined || !outcome) return undefined;
  if (errors.outcome) return undefined;
  return { firstResponseAt, resolvedAt, answeredBy, outcome };
}

export function checkStory(body: FormBody, now = new Date()): Checked<StoryInput> {
  const values = readValues(body);
  const errors: FieldErrors<StoryField> = {};
  const title = values.title ?? "";
  if ([...title].length < TITLE_MIN || [...title].length > TITLE_MAX) errors.title = `A title has ${TITLE_MIN} to ${TITLE_MAX} characters (this one has ${[...title].length}).`;
  const company = values.company ?? "";
  if (!organisationKey(company)) errors.company = "Name the company you escalated to.";
  else if (company.length > 80) errors.company = "An organisation's name has at most 80 characters.";
  const otherParty = values.other_party || null;
  if (otherParty !== null && !organisationKey(otherParty)) errors.other_party = "Use letters or digits in the name, or leave it empty.";
  else if (otherParty && otherParty.length > 80) errors.other_party = "An organisation's name has at most 80 characters.";
  else if (otherParty && organisationKey(otherParty) === organisationKey(company)) errors.other_party = "The other party is the one that let you down first; leave it empty if that was the same company.";
  const product = values.product || null;
  if (product && product.length > 120) errors.product = "Keep the product to 120 characters.";
  const country = values.country ?? "";
  if (!isCountry(country)) errors.country = "Choose the country from the list.";
  const channel = isKey(CHANNELS, values.channel) ? values.channel : undefined;
  if (!channel) errors.channel = "Choose how you escalated.";
  const escalatedTo = isKey(ROLES, values.escalated_to) ? values.escalated_to : undefined;
  if (!escalatedTo) errors.escalated_to = "Choose whom you wrote to.";
  let escalatedAt: Date | undefined;
  if (!values.escalated_date) errors.escalated_date = "Give the date you escalated.";
  else if (values.escalated_time && !TIME.test(values.escalated_time)) errors.escalated_time = "Use the 24-hour time, like 14:30.";
  else {
    escalatedAt = parseDate(values.escalated_date, values.escalated_time ?? "");
    if (!escalatedAt) errors.escalated_date = "Use a real date, like 2024-03-18.";
    else if (escalatedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) { errors.escalated_date = "The escalation cannot be in the future."; escalatedAt = undefined; }
  }
  const timeline = checkTimeline(values, escalatedAt, now, errors);
  const body_ = values.body ?? "";
  if (!body_.trim()) errors.body = "Tell the story: what went wrong, what you wrote, what happened.";
  else if (body_.length > BODY_MAX) errors.body = `Keep the story under ${BODY_MAX.toLocaleString("en")} characters.`;

  if (Object.keys(errors).length || !timeline || !channel || !escalatedTo || !escalatedAt) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    value: { title, company, otherParty, product, country, channel, escalatedTo, escalatedAt, escalatedTimeKnown: Boolean(values.escalated_time), body: body_, ...timeline },
  };
}

/** The form's values for an existing story (edit and timeline pages). */
export function valuesOf(story: {
  title: string; company_name: string; other_party_name: string | null; product: string | null; country: string; channel: Channel;
  escalated_to: Role; answered_by: Role | null; escalated_at: Date; escalated_time_known: boolean; first_response_at: Date | null;
  resolved_at: Date | null; outcome: Outcome; body_md: string;
}): StoryValues {
  const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  // HH:MM, or HH:MM:SS when the seconds were typed.
  const time = (d: Date | null) => (d ? d.toISOString().slice(11, d.getUTCSeconds() ? 19 : 16) : "");
  return {
    title: story.title, company: story.company_name, other_party: story.other_party_name ?? "", product: story.product ?? "",
    country: story.country, channel: story.channel, escalated_to: story.escalated_to, answered_by: story.answered_by ?? "",
    escalated_date: date(story.escalated_at), escalated_time: story.escalated_time_known ? time(story.escalated_at) : "",
    first_response_date: date(story.first_response_at), first_response_time: time(story.first_response_at),
    resolved_date: date(story.resolved_at), resolved_time: time(story.resolved_at), outcome: story.outcome, body: story.body_md,
  };
}
