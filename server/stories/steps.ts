// A story's escalation path in the form: one row of fields per step, read and
// checked here, and the headline facts the story keeps (escalated at, channel,
// written to, first response, answered by) derived from it in one place.
//
// Fields are step_<i>_<name> with step_count rows. A form without step_count
// (an older page, a script) sends the single-escalation fields instead
// (channel, escalated_to, escalated_date …); they read as a one-step path.
import { CHANNELS, isKey, ROLES, STEP_PARTIES, STEP_RESULTS, type Channel, type Role, type StepParty, type StepResult } from "../lib/enums.js";
import { field, type FieldErrors, type FormBody } from "../lib/form.js";
import type { Messages } from "../i18n/index.js";

/** What the story form's checks say, in the page's language. */
export type StoryFormErrors = Messages["storyForm"]["errors"];

export const MAX_STEPS = 12;
export const STEP_KEYS = ["party", "channel", "written_to", "date", "time", "answered_date", "answered_time", "answered_by", "result"] as const;
export type StepKey = (typeof STEP_KEYS)[number];
export type StepFieldName = `step_${number}_${StepKey}`;
export type StepValues = Record<StepKey, string>;

export interface StepInput {
  party: StepParty;
  channel: Channel;
  writtenTo: Role;
  writtenAt: Date;
  writtenTimeKnown: boolean;
  answeredAt: Date | null;
  /** The poster gave the answer's time of day, not only its date. */
  answeredTimeKnown: boolean;
  answeredBy: Role | null;
  result: StepResult | null;
}

/** The story's facts that come from its path (DESIGN.md: the headline facts). */
export interface Headline {
  channel: Channel;
  escalatedTo: Role;
  escalatedAt: Date;
  escalatedTimeKnown: boolean;
  firstResponseAt: Date | null;
  firstResponseTimeKnown: boolean;
  answeredBy: Role | null;
}

export const stepField = (i: number, key: StepKey): StepFieldName => `step_${i}_${key}`;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Seconds are kept when given, so a response time is exact to the second.
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
// Dates are typed in the poster's day; allow for the time zones ahead of UTC.
const FUTURE_SLACK_MS = 14 * 3_600_000;

export function parseMoment(date: string, time: string): Date | undefined {
  const d = DATE.exec(date);
  const t = time ? TIME.exec(time) : ["", "00", "00", "00"];
  if (!d || !t) return undefined;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const value = new Date(Date.UTC(y, m - 1, day, Number(t[1]), Number(t[2]), Number(t[3] ?? 0)));
  // Rejects 2025-02-30 and the like, which Date would roll over.
  return value.getUTCMonth() === m - 1 && value.getUTCDate() === day && y >= 1990 ? value : undefined;
}

const blankStep = (): StepValues => ({ party: "company", channel: "", written_to: "", date: "", time: "", answered_date: "", answered_time: "", answered_by: "", result: "" });

/** The rows the form sent, as typed; at least one. */
export function readSteps(body: FormBody): StepValues[] {
  const count = Number.parseInt(field(body, "step_count"), 10);
  if (!Number.isFinite(count)) {
    // The single-escalation fields: one step to the company.
    return [{
      party: "company", channel: field(body, "channel"), written_to: field(body, "escalated_to"),
      date: field(body, "escalated_date"), time: field(body, "escalated_time"),
      answered_date: field(body, "first_response_date"), answered_time: field(body, "first_response_time"),
      answered_by: field(body, "answered_by"), result: "",
    }];
  }
  const steps: StepValues[] = [];
  for (let i = 0; i < Math.min(Math.max(count, 1), MAX_STEPS); i++) {
    const step = blankStep();
    for (const key of STEP_KEYS) step[key] = field(body, stepField(i, key));
    steps.push(step);
  }
  return steps;
}

/** "Add a step" and "remove" buttons: the rows changed, nothing checked yet; null when the form was sent to post. */
export function editSteps(action: string, steps: StepValues[]): StepValues[] | null {
  if (action === "add_step") return steps.length >= MAX_STEPS ? steps : [...steps, { ...blankStep(), party: steps[steps.length - 1]?.party ?? "company" }];
  const remove = /^remove_step_(\d+)$/.exec(action);
  if (remove) {
    const index = Number(remove[1]);
    const rest = steps.filter((_, i) => i !== index);
    return rest.length ? rest : [blankStep()];
  }
  return null;
}

/** The rows as form values (step_count and step_<i>_<key>). */
export function stepFormValues(steps: StepValues[]): Record<string, string> {
  const values: Record<string, string> = { step_count: String(steps.length) };
  steps.forEach((step, i) => {
    for (const key of STEP_KEYS) values[stepField(i, key)] = step[key];
  });
  return values;
}

/** A stored path as form rows. */
export function stepValuesOf(steps: { party: StepParty; channel: Channel; written_to: Role; written_at: Date; written_time_known: boolean; answered_at: Date | null; answered_time_known: boolean; answered_by: Role | null; result: StepResult | null }[]): StepValues[] {
  const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  const time = (d: Date | null) => (d ? d.toISOString().slice(11, 19).replace(/:00$/, "") : "");
  return steps.map((s) => ({
    party: s.party, channel: s.channel, written_to: s.written_to, date: date(s.written_at), time: s.written_time_known ? time(s.written_at) : "",
    answered_date: date(s.answered_at), answered_time: s.answered_time_known ? time(s.answered_at) : "", answered_by: s.answered_by ?? "", result: s.result ?? "",
  }));
}

const ANSWERING_RESULTS: readonly StepResult[] = ["answered", "deflected", "resolved"];

/**
 * Checks every row; errors go to errors[step_<i>_<key>]. hasOtherParty says
 * whether the story names one (a step may be written to it); `m` words the errors in the page's language.
 */
export function checkSteps(steps: StepValues[], hasOtherParty: boolean, now: Date, errors: FieldErrors<string>, m: StoryFormErrors): StepInput[] | undefined {
  const future = now.getTime() + FUTURE_SLACK_MS;
  const checked: StepInput[] = [];
  let previous: { at: Date; timeKnown: boolean } | undefined;
  steps.forEach((s, i) => {
    const err = (key: StepKey, message: string) => {
      errors[stepField(i, key)] ??= message;
    };
    const party = isKey(STEP_PARTIES, s.party) ? s.party : undefined;
    if (!party) err("party", m.party);
    else if (party === "other_party" && !hasOtherParty) err("party", m.partyOther);
    const channel = isKey(CHANNELS, s.channel) ? s.channel : undefined;
    if (!channel) err("channel", m.channel);
    const writtenTo = isKey(ROLES, s.written_to) ? s.written_to : undefined;
    if (!writtenTo) err("written_to", m.writtenTo);
    let writtenAt: Date | undefined;
    if (!s.date) err("date", m.date);
    else if (s.time && !TIME.test(s.time)) err("time", m.time);
    else {
      writtenAt = parseMoment(s.date, s.time);
      if (!writtenAt) err("date", m.realDate);
      else if (writtenAt.getTime() > future) { err("date", m.stepFuture); writtenAt = undefined; }
      else if (previous && before(writtenAt, Boolean(s.time), previous.at, previous.timeKnown)) {
        err("date", m.stepOrder(i + 1));
        writtenAt = undefined;
      }
    }
    let answeredAt: Date | null | undefined = null;
    if (s.answered_date || s.answered_time) {
      if (!s.answered_date) { err("answered_date", m.answeredDateMissing); answeredAt = undefined; }
      else if (s.answered_time && !TIME.test(s.answered_time)) { err("answered_time", m.time); answeredAt = undefined; }
      else {
        answeredAt = parseMoment(s.answered_date, s.answered_time);
        if (!answeredAt) err("answered_date", m.realDate);
        else if (answeredAt.getTime() > future) { err("answered_date", m.answerFuture); answeredAt = undefined; }
        else if (writtenAt && before(answeredAt, Boolean(s.answered_time), writtenAt, Boolean(s.time))) { err("answered_date", m.answerBeforeStep); answeredAt = undefined; }
        // An answer known only by its day, on the day of the step: no earlier than the step.
        else if (writtenAt && answeredAt < writtenAt) answeredAt = writtenAt;
      }
    }
    const answeredBy = s.answered_by ? (isKey(ROLES, s.answered_by) ? s.answered_by : undefined) : null;
    if (answeredBy === undefined) err("answered_by", m.answeredBy);
    let result = s.result ? (isKey(STEP_RESULTS, s.result) ? s.result : undefined) : null;
    if (result === undefined) err("result", m.result);
    else if (result === "ignored" && answeredAt) err("result", m.resultIgnored);
    else if (result && ANSWERING_RESULTS.includes(result) && answeredAt === null) err("answered_date", m.answerNeeded);
    // Left empty: an answer is an answer, no answer is not known yet.
    if (result === null && answeredAt) result = "answered";
    if (writtenAt) previous = { at: writtenAt, timeKnown: Boolean(s.time) };
    if (party && channel && writtenTo && writtenAt && answeredAt !== undefined && answeredBy !== undefined && result !== undefined) {
      checked.push({ party, channel, writtenTo, writtenAt, writtenTimeKnown: Boolean(s.time), answeredAt, answeredTimeKnown: Boolean(answeredAt && s.answered_time), answeredBy, result });
    }
  });
  if (!steps.some((s) => s.party === "company")) errors[stepField(0, "party")] ??= m.companyStep;
  return checked.length === steps.length && Object.keys(errors).every((k) => !k.startsWith("step_")) ? checked : undefined;
}

/** a before b; a day without a time compares by the day alone. */
function before(a: Date, aTimeKnown: boolean, b: Date, bTimeKnown: boolean): boolean {
  if (aTimeKnown && bTimeKnown) return a < b;
  return a.toISOString().slice(0, 10) < b.toISOString().slice(0, 10);
}

/** The headline facts: the first step to the company, and the earliest answer to a step to the company. */
export function headlineOf(steps: StepInput[]): Headline {
  const toCompany = steps.filter((s) => s.party === "company");
  const first = toCompany[0]!;
  const answered = toCompany.filter((s) => s.answeredAt).sort((a, b) => a.answeredAt!.getTime() - b.answeredAt!.getTime())[0];
  return {
    channel: first.channel,
    escalatedTo: first.writtenTo,
    escalatedAt: first.writtenAt,
    escalatedTimeKnown: first.writtenTimeKnown,
    firstResponseAt: answered?.answeredAt ?? null,
    firstResponseTimeKnown: answered?.answeredTimeKnown ?? true,
    answeredBy: answered?.answeredBy ?? null,
  };
}
