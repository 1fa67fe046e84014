// What the story form page needs besides the values: the lists it offers.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { COUNTRIES } from "../lib/countries.js";
import { CHANNELS, OUTCOMES, ROLES } from "../lib/enums.js";
import type { FieldErrors } from "../lib/form.js";
import { listOrganisationNames } from "../organisations/queries.js";
import type { StoryField, StoryValues } from "./schema.js";

export interface StoryFormPage {
  title: string;
  action: string;
  submitLabel: string;
  values: StoryValues;
  errors: FieldErrors<StoryField>;
  submissionKey: string;
  previewHtml?: string;
  /** E-mail addresses or phone numbers the author must confirm before posting. */
  personalData?: string[];
  organisationNames: string[];
  options: {
    countries: [string, string][];
    channels: [string, string][];
    roles: [string, string][];
    outcomes: [string, string][];
  };
  csrfToken: string;
}

const choose = (label: string): [string, string] => ["", label];

export async function storyFormPage(
  db: Kysely<DB>,
  page: { title: string; action: string; submitLabel: string; values: StoryValues; errors?: FieldErrors<StoryField>; submissionKey?: string; previewHtml?: string; personalData?: string[]; csrfToken: string },
): Promise<StoryFormPage> {
  return {
    ...page,
    errors: page.errors ?? {},
    submissionKey: page.submissionKey || randomUUID(),
    organisationNames: await listOrganisationNames(db),
    options: {
      countries: [choose("Choose a country"), ...COUNTRIES],
      channels: [choose("Choose a channel"), ...Object.entries(CHANNELS)],
      roles: [choose("Choose a role"), ...Object.entries(ROLES)],
      outcomes: [choose("Choose an outcome"), ...Object.entries(OUTCOMES)],
    },
  };
}
