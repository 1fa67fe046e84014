// What the story form page needs besides the values: the lists it offers.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { languageOptions, type ContentLanguage } from "../lib/content-language.js";
import type { I18n } from "../i18n/index.js";
import { listOrganisationNames } from "../organisations/queries.js";
import type { StoryErrors, StoryValues } from "./schema.js";
import { MAX_STEPS } from "./steps.js";

const choose = (label: string): [string, string] => ["", label];

export interface StoryFormPage {
  title: string;
  action: string;
  submitLabel: string;
  values: StoryValues;
  errors: StoryErrors;
  submissionKey: string;
  previewHtml?: string;
  /** The language the previewed story will be stored in. */
  previewLang?: ContentLanguage;
  /** E-mail addresses or phone numbers the author must confirm before posting. */
  personalData?: string[];
  organisationNames: string[];
  options: StepOptions & {
    countries: [string, string][];
    channels: [string, string][];
    outcomes: [string, string][];
    languages: [string, string][];
  };
  csrfToken: string;
}

/** What the path's rows offer (views/stories/_steps.eta). */
export interface StepOptions {
  parties: [string, string][];
  channels: [string, string][];
  roles: [string, string][];
  results: [string, string][];
  maxSteps: number;
}

/** The path's choices in the page's language. */
export function stepOptions({ t }: I18n): StepOptions {
  const steps = t.storyForm.steps;
  return {
    parties: Object.entries(t.enums.party),
    channels: [choose(steps.channel.choose), ...Object.entries(t.enums.channel)],
    roles: [choose(steps.writtenTo.choose), ...Object.entries(t.enums.role)],
    results: [choose(steps.result.unknown), ...Object.entries(t.enums.result)],
    maxSteps: MAX_STEPS,
  };
}

/** What "update the timeline" offers: the path's choices and the outcomes (one is always chosen). */
export function timelineOptions(i18n: I18n): StepOptions & { outcomes: [string, string][] } {
  return { ...stepOptions(i18n), outcomes: Object.entries(i18n.t.enums.outcome) };
}


export async function storyFormPage(
  db: Kysely<DB>,
  i18n: I18n,
  page: { title: string; action: string; submitLabel: string; values: StoryValues; errors?: StoryErrors; submissionKey?: string; previewHtml?: string; previewLang?: ContentLanguage; personalData?: string[]; csrfToken: string },
): Promise<StoryFormPage> {
  return {
    ...page,
    errors: page.errors ?? {},
    submissionKey: page.submissionKey || randomUUID(),
    organisationNames: await listOrganisationNames(db),
    options: {
      ...stepOptions(i18n),
      countries: [choose(i18n.t.storyForm.country.choose), ...i18n.fmt.countries()],
      outcomes: [choose(i18n.t.storyForm.outcome.choose), ...Object.entries(i18n.t.enums.outcome)],
      languages: languageOptions(i18n.t.languages),
    },
  };
}
