// What the story form page needs besides the values: the lists it offers.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { languageOptions, type ContentLanguage } from "../lib/content-language.js";
import { COUNTRIES } from "../lib/countries.js";
import { CHANNELS, OUTCOMES, ROLES, STEP_PARTIES, STEP_RESULTS } from "../lib/enums.js";
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

export const stepOptions: StepOptions = {
  parties: Object.entries(STEP_PARTIES),
  channels: [choose("Choose a channel"), ...Object.entries(CHANNELS)],
  roles: [choose("Choose a role"), ...Object.entries(ROLES)],
  results: [["", "Not known yet / as answered"], ...Object.entries(STEP_RESULTS)],
  maxSteps: MAX_STEPS,
};


export async function storyFormPage(
  db: Kysely<DB>,
  page: { title: string; action: string; submitLabel: string; values: StoryValues; errors?: StoryErrors; submissionKey?: string; previewHtml?: string; previewLang?: ContentLanguage; personalData?: string[]; csrfToken: string },
): Promise<StoryFormPage> {
  return {
    ...page,
    errors: page.errors ?? {},
    submissionKey: page.submissionKey || randomUUID(),
    organisationNames: await listOrganisationNames(db),
    options: {
      ...stepOptions,
      countries: [choose("Choose a country"), ...COUNTRIES],
      outcomes: [choose("Choose an outcome"), ...Object.entries(OUTCOMES)],
      languages: languageOptions,
    },
  };
}
