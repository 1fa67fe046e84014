// The story form's one validation step: raw fields in; typed facts or field
// errors (with everything typed kept) out.
import type { ContentLanguage } from "../lib/content-language.js";
import { isKey, OUTCOMES, type Outcome } from "../lib/enums.js";
import { isCountry } from "../lib/countries.js";
import { field, multiline, type FieldErrors, type FormBody } from "../lib/form.js";
import { organisationKey } from "../lib/slug.js";
import { chosenLanguage } from "./language.js";
import { checkSteps, editSteps, headlineOf, parseMoment, readSteps, stepFormValues, stepValuesOf, type Headline, type StepFieldName, type StepInput, type StoryFormErrors } from "./steps.js";
import type { I18n } from "../i18n/index.js";

export const TITLE_MIN = 8;
export const TITLE_MAX = 160;
export const BODY_MAX = 40_000;
// Dates are typed in the poster's day; allow for the time zones ahead of UTC.
const FUTURE_SLACK_MS = 14 * 3_600_000;

/** The path and how the case ended: shared by the full form and "update the timeline". */
export interface TimelineInput extends Headline {
  steps: StepInput[];
  resolvedAt: Date | null;
  resolvedTimeKnown: boolean;
  outcome: Outcome;
}

export interface StoryInput extends TimelineInput {
  title: string;
  company: string;
  otherParty: string | null;
  product: string | null;
  country: string;
  body: string;
  /** The language the poster chose, or null to guess it from the text. */
  lang: ContentLanguage | null;
}

export const STORY_FIELDS = ["title", "company", "other_party", "product", "country", "resolved_date", "resolved_time", "outcome", "body", "lang"] as const;
export type StoryField = (typeof STORY_FIELDS)[number];
/** What the form shows: the story's fields and its steps' (step_count, step_<i>_<key>). */
export type StoryValues = Partial<Record<StoryField | StepFieldName | "step_count", string>>;
export type StoryErrors = FieldErrors<string>;

export type Checked<T> = { ok: true; value: T; values: StoryValues } | { ok: false; errors: StoryErrors; values: StoryValues };

export function readValues(body: FormBody): StoryValues {
  const values: StoryValues = {};
  for (const name of STORY_FIELDS) values[name] = name === "body" ? multiline(body, name) : field(body, name);
  if (values.country) values.country = values.country.toUpperCase();
  return values;
}

/** The form's rows after an "add a step" or "remove" button, or null when it was sent to post or preview. */
export function editedSteps(body: FormBody): StoryValues | null {
  const steps = editSteps(field(body, "action"), readSteps(body));
  return steps && { ...readValues(body), ...stepFormValues(steps) };
}

/** The path (errors next to each step), then the resolution and the outcome. */
export function checkTimeline(body: FormBody, hasOtherParty: boolean, now: Date, errors: StoryErrors, m: StoryFormErrors): { timeline?: TimelineInput; values: StoryValues } {
  const values = readValues(body);
  const rows = readSteps(body);
  Object.assign(values, stepFormValues(rows));
  const steps = checkSteps(rows, hasOtherParty, now, errors, m);
  const headline = steps && headlineOf(steps);
  let resolvedAt: Date | null | undefined = null;
  const date = values.resolved_date ?? "";
  const time = values.resolved_time ?? "";
  if (date || time) {
    if (!date) { errors.resolved_date = m.resolvedDateMissing; resolvedAt = undefined; }
    else {
      resolvedAt = parseMoment(date, time);
      if (!resolvedAt) (time ? (errors.resolved_time = m.time) : (errors.resolved_date = m.realDate));
      else if (resolvedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) { errors.resolved_date = m.resolvedFuture; resolvedAt = undefined; }
      else if (headline && (time && headline.escalatedTimeKnown ? resolvedAt < headline.escalatedAt : date < headline.escalatedAt.toISOString().slice(0, 10))) {
        errors.resolved_date = m.resolvedBeforeEscalation; resolvedAt = undefined;
      }
      // Known only by its day, on the day of the escalation: no earlier than the escalation.
      else if (headline && resolvedAt < headline.escalatedAt) resolvedAt = headline.escalatedAt;
    }
  }
  const outcome = isKey(OUTCOMES, values.outcome) ? values.outcome : undefined;
  if (!outcome) errors.outcome = m.outcome;
  else if (outcome === "no_response" && headline?.firstResponseAt) errors.outcome = m.outcomeNoResponse;
  if (!steps || !headline || resolvedAt === undefined || !outcome || errors.outcome) return { values };
  return { values, timeline: { ...headline, steps, resolvedAt, resolvedTimeKnown: Boolean(resolvedAt && time), outcome } };
}

/** The whole form, its errors worded in the page's language (`i18n`). */
export function checkStory(body: FormBody, { t, fmt }: I18n, now = new Date()): Checked<StoryInput> {
  const m = t.storyForm.errors;
  const errors: StoryErrors = {};
  const values = readValues(body);
  const title = values.title ?? "";
  if ([...title].length < TITLE_MIN || [...title].length > TITLE_MAX) errors.title = m.titleLength(TITLE_MIN, TITLE_MAX, [...title].length);
  const company = values.company ?? "";
  if (!organisationKey(company)) errors.company = m.company;
  else if (company.length > 80) errors.company = m.nameTooLong;
  const otherParty = values.other_party || null;
  if (otherParty !== null && !organisationKey(otherParty)) errors.other_party = m.otherPartyLetters;
  else if (otherParty && otherParty.length > 80) errors.other_party = m.nameTooLong;
  else if (otherParty && organisationKey(otherParty) === organisationKey(company)) errors.other_party = m.otherPartySame;
  const product = values.product || null;
  if (product && product.length > 120) errors.product = m.productTooLong;
  const country = values.country ?? "";
  if (!isCountry(country)) errors.country = m.country;
  const { timeline, values: all } = checkTimeline(body, Boolean(otherParty), now, errors, m);
  const body_ = all.body ?? "";
  if (!body_.trim()) errors.body = m.body;
  else if (body_.length > BODY_MAX) errors.body = m.bodyTooLong(fmt.number(BODY_MAX));

  const lang = chosenLanguage(all.lang);
  if (lang === undefined) errors.lang = t.languages.storyError;

  if (Object.keys(errors).length || !timeline || lang === undefined) return { ok: false, errors, values: all };
  return { ok: true, values: all, value: { title, company, otherParty, product, country, body: body_, lang, ...timeline } };
}

/** The form's values for an existing story and its path (edit and timeline pages). */
export function valuesOf(story: {
  title: string; company_name: string; other_party_name: string | null; product: string | null; country: string;
  resolved_at: Date | null; resolved_time_known: boolean; outcome: Outcome; body_md: string; lang: ContentLanguage;
}, steps: Parameters<typeof stepValuesOf>[0]): StoryValues {
  const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  const time = (d: Date | null) => (d ? d.toISOString().slice(11, 19).replace(/:00$/, "") : "");
  return {
    title: story.title, company: story.company_name, other_party: story.other_party_name ?? "", product: story.product ?? "",
    country: story.country, resolved_date: date(story.resolved_at), resolved_time: story.resolved_time_known ? time(story.resolved_at) : "", outcome: story.outcome, body: story.body_md, lang: story.lang,
    ...stepFormValues(stepValuesOf(steps)),
  };
}
