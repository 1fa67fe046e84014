// The shape of the demo data in demo-data.ts: facts a person would type into the
// story form, with dates given relative to "now" so the demo never ages out of
// the leaderboards' 12-month window.
import type { Channel, OrganisationKind, Outcome, Role, StepParty, StepResult } from "../lib/enums.js";

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  /** Other spellings that mean the same organisation ("ATT", "at&t mobility"). */
  aliases?: string[];
}

export interface DemoUser {
  username: string;
}

export interface DemoReply {
  author: string; // a DemoUser username
  /** Hours after the story was posted. */
  hoursAfter: number;
  body: string; // markdown
  replies?: DemoReply[];
}

/** One step of a demo story's path; times in hours relative to the story's escalation (negative: before it). */
export interface DemoStep {
  party: StepParty;
  channel: Channel;
  writtenTo: Role;
  atHours: number;
  /** false: only the day is known. */
  timeKnown?: boolean;
  answeredAfterHours?: number;
  answeredBy?: Role;
  result?: StepResult;
}

export interface DemoStory {
  author: string; // a DemoUser username
  title: string; // 8–160 characters
  company: string; // a DemoOrganisation slug: the one escalated TO
  otherParty?: string; // a DemoOrganisation slug: the one that failed first
  product?: string;
  country: string; // ISO 3166-1 alpha-2, upper case
  channel: Channel;
  escalatedTo: Role;
  answeredBy?: Role;
  /** When the customer escalated: days before now, and optionally the time of day (UTC). */
  escalatedDaysAgo: number;
  escalatedTime?: `${number}:${number}`;
  /** Hours from escalation to the first answer; absent = never answered. */
  firstResponseAfterHours?: number;
  /** Hours from escalation to resolution; absent = not resolved. */
  resolvedAfterHours?: number;
  outcome: Outcome;
  /** Hours after the escalation that the story was posted on Escalator. */
  postedAfterHours: number;
  body: string; // markdown
  replies?: DemoReply[];
  /** The path as it happened; absent = one step with the facts above. Its first step to the company is at 0 hours. */
  path?: DemoStep[];
}
