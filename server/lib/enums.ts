// The story's enumerations, in the order the form offers them. The keys are
// what the database stores (check constraints in migrations/0001); the labels
// are what pages show.

export const CHANNELS = {
  email: "Email",
  phone: "Phone",
  letter: "Letter",
  web_form: "Web form",
  chat: "Chat",
  social_public: "Social media (public)",
  social_dm: "Social media (DM)",
  in_store: "In store",
  regulator: "Regulator",
  media: "Media / advocate",
  other: "Other",
} as const;
export type Channel = keyof typeof CHANNELS;

export const ROLES = {
  ceo: "CEO",
  executive: "Other executive",
  executive_relations: "Executive customer relations",
  supervisor: "Support supervisor",
  frontline: "Frontline support",
  pr_social: "PR / social team",
  unknown: "Unknown",
} as const;
export type Role = keyof typeof ROLES;

export const OUTCOMES = {
  resolved: "Resolved",
  goodwill: "Resolved with goodwill",
  partly_resolved: "Partly resolved",
  explanation_only: "Explanation only",
  deflected: "Deflected to another party",
  refused: "Refused",
  no_response: "No response",
  pending: "Pending",
  gave_up: "Gave up",
} as const;
export type Outcome = keyof typeof OUTCOMES;

/** Whom a step of the path was written to: the story's company or its other party. */
export const STEP_PARTIES = {
  company: "The company",
  other_party: "The other party",
} as const;
export type StepParty = keyof typeof STEP_PARTIES;

/** What one step of the path did (migrations/0007). */
export const STEP_RESULTS = {
  answered: "Answered",
  ignored: "Ignored",
  deflected: "Deflected to another party",
  passed_upward: "Passed upward",
  resolved: "Resolved it",
} as const;
export type StepResult = keyof typeof STEP_RESULTS;

// Derived in the database from first response − escalated at (generated column).
export const RESPONSE_BUCKETS = {
  under_1h: "< 1 hour",
  under_24h: "< 24 hours",
  d1_3: "1–3 days",
  d3_7: "3–7 days",
  d7_30: "7–30 days",
  over_30d: "over 30 days",
  none: "no response",
} as const;
export type ResponseBucket = keyof typeof RESPONSE_BUCKETS;

export const ORGANISATION_KINDS = {
  manufacturer: "Manufacturer",
  retailer: "Retailer",
  carrier: "Carrier",
  marketplace: "Marketplace",
  service: "Service provider",
  other: "Other",
} as const;
export type OrganisationKind = keyof typeof ORGANISATION_KINDS;

export const USER_ROLES = ["member", "moderator", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export function isKey<T extends object>(table: T, value: unknown): value is keyof T {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(table, value);
}
