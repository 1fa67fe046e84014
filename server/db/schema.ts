// The database as the code sees it: one interface per table, matching
// migrations/. Every query is typed against DB, so a renamed column breaks the
// build rather than a page. bigint and numeric arrive as numbers on both
// databases (see connect.ts).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { ContentLanguage } from "../lib/content-language.js";
import type { Channel, OrganisationKind, Outcome, ResponseBucket, Role, StepParty, StepResult, UserRole } from "../lib/enums.js";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type ReadOnly<T> = ColumnType<T, never, never>;

export interface UsersTable {
  id: Generated<number>;
  username: string;
  username_key: string;
  email: string | null;
  password_hash: string;
  role: ColumnType<UserRole, UserRole | undefined, UserRole>;
  banned_until: NullableTimestamp;
  ban_reason: string | null;
  created_at: Timestamp;
  /** When users.email was confirmed through a link (migrations/0009); only then does it receive mail. */
  email_verified_at: NullableTimestamp;
  /** When the member deleted their account; the row stays as "[deleted member]". */
  deleted_at: NullableTimestamp;
  /** The language of the member's mail: the pages they signed up or last changed settings in (migrations/0012). */
  locale: ColumnType<ContentLanguage, ContentLanguage | undefined, ContentLanguage>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  expires_at: Timestamp;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  user_agent: ColumnType<string, string | undefined, string>;
}

export interface OrganisationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: ColumnType<OrganisationKind, OrganisationKind | undefined, OrganisationKind>;
  parent_id: number | null;
  merged_into_id: number | null;
  created_at: Timestamp;
  /** Bumped by a trigger on every change and on a change of its representatives (migrations/0008_1). */
  version: ReadOnly<number>;
  /** The content_changes stamp of its last change (migrations/0014); null until one. */
  changed: ReadOnly<string | number | null>;
}

export interface OrganisationAliasesTable {
  organisation_id: number;
  alias: string;
  alias_key: string;
}

export interface StoriesTable {
  id: Generated<number>;
  author_id: number;
  title: string;
  slug: string;
  company_id: number;
  other_party_id: number | null;
  product: string | null;
  country: string;
  channel: Channel;
  escalated_to: Role;
  answered_by: Role | null;
  escalated_at: Timestamp;
  escalated_time_known: ColumnType<boolean, boolean | undefined, boolean>;
  first_response_at: NullableTimestamp;
  /** False when the poster gave the answer's day but not its time (migrations/0016). */
  first_response_time_known: ColumnType<boolean, boolean | undefined, boolean>;
  resolved_at: NullableTimestamp;
  resolved_time_known: ColumnType<boolean, boolean | undefined, boolean>;
  outcome: Outcome;
  response_seconds: ReadOnly<number | null>;
  response_bucket: ReadOnly<ResponseBucket>;
  body_md: string;
  body_html: string;
  reply_count: ColumnType<number, number | undefined, number>;
  me_too_count: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  edited_at: NullableTimestamp;
  last_activity_at: Timestamp;
  hidden_at: NullableTimestamp;
  hidden_reason: string | null;
  locked_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
  submission_key: string | null;
  /** The story's own language; guessed from its text when an insert leaves it out (migrations/0012). */
  lang: ColumnType<ContentLanguage, ContentLanguage | undefined, ContentLanguage>;
  /** tsvector of title, product and body, in the story's language's column; the other is empty (migrations/0012). */
  search_en: ReadOnly<string>;
  search_de: ReadOnly<string>;
}

/** One step of a story's escalation path (migrations/0007). */
export interface StoryStepsTable {
  story_id: number;
  /** 1-based, in the order it happened. */
  position: number;
  /** Which of the story's organisations was written to. */
  party: StepParty;
  written_at: Timestamp;
  written_time_known: ColumnType<boolean, boolean | undefined, boolean>;
  channel: Channel;
  written_to: Role;
  answered_at: NullableTimestamp;
  answered_time_known: ColumnType<boolean, boolean | undefined, boolean>;
  answered_by: Role | null;
  /** What the step did; null while it is not known yet. */
  result: StepResult | null;
}

export interface RepliesTable {
  id: Generated<number>;
  story_id: number;
  parent_id: number | null;
  author_id: number;
  depth: ColumnType<number, number | undefined, number>;
  body_md: string;
  body_html: string;
  created_at: Timestamp;
  edited_at: NullableTimestamp;
  hidden_at: NullableTimestamp;
  hidden_reason: string | null;
  deleted_at: NullableTimestamp;
  submission_key: string | null;
  /** The reply's own language; guessed from its body (else its story's) when an insert leaves it out (migrations/0012). */
  lang: ColumnType<ContentLanguage, ContentLanguage | undefined, ContentLanguage>;
  /** tsvector of the body, in the reply's language's column; the other is empty (migrations/0012). */
  search_en: ReadOnly<string>;
  search_de: ReadOnly<string>;
  /** The reply's place in display order, set by a trigger from its parent's (migrations/0008_1). */
  thread_path: ReadOnly<string>;
}

/** Bumped in the same transaction by every write that changes what a story's thread shows (migrations/0008_1). */
export interface StoryVersionsTable {
  story_id: number;
  version: number;
  /** The content_changes stamp of the last write to the story (migrations/0014); null before it. */
  changed: ReadOnly<string | number | null>;
}

export interface RevisionsTable {
  id: Generated<number>;
  story_id: number | null;
  reply_id: number | null;
  editor_id: number;
  snapshot: ColumnType<Record<string, unknown>, string, string>;
  moderators_only: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface MeToosTable {
  story_id: number;
  user_id: number;
  created_at: Timestamp;
}

export type FlagReason = "spam" | "abuse" | "personal_data" | "off_topic" | "misleading";

export interface FlagsTable {
  id: Generated<number>;
  story_id: number | null;
  reply_id: number | null;
  user_id: number;
  reason: FlagReason;
  note: string | null;
  created_at: Timestamp;
  resolved_at: NullableTimestamp;
}

export interface ModerationLogTable {
  id: Generated<number>;
  moderator_id: number;
  action: string;
  target_type: string;
  target_id: number;
  target_label: string;
  reason: string;
  created_at: Timestamp;
}

export type NotificationKind = "reply" | "quote" | "mention" | "followed_story" | "story_timeline" | "company_story" | "company_official";

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  story_id: number;
  /** Null for notifications about the story itself (a timeline update, a new story). */
  reply_id: number | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
  /** Its mail is still to be queued or left for the digest, by the mail worker. */
  mail_pending: ColumnType<boolean, boolean | undefined, boolean>;
  /** Waiting for the member's daily digest mail. */
  digest_due: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface EmailConfirmationsTable {
  token_hash: string;
  user_id: number;
  email: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export type MailStatus = "queued" | "sending" | "sent" | "failed";

export interface MailOutboxTable {
  id: Generated<number>;
  user_id: number | null;
  to_address: string;
  kind: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: ColumnType<Record<string, string>, string | undefined, string>;
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  lease_until: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export type MailDelivery = "off" | "immediate" | "digest";

export interface MailPreferencesTable {
  user_id: number;
  kind: string;
  delivery: MailDelivery;
}

export interface StoryFollowsTable {
  user_id: number;
  story_id: number;
  created_at: Timestamp;
}

export interface CompanyFollowsTable {
  user_id: number;
  organisation_id: number;
  created_at: Timestamp;
}

export interface NudgesTable {
  story_id: number;
  stage: "no_response" | "no_outcome";
  sent_at: Timestamp;
}

export interface AppSecretsTable {
  name: string;
  value: string;
}

export interface RepresentativesTable {
  user_id: number;
  organisation_id: number;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  organisations: OrganisationsTable;
  organisation_aliases: OrganisationAliasesTable;
  stories: StoriesTable;
  story_steps: StoryStepsTable;
  replies: RepliesTable;
  revisions: RevisionsTable;
  me_toos: MeToosTable;
  flags: FlagsTable;
  moderation_log: ModerationLogTable;
  notifications: NotificationsTable;
  representatives: RepresentativesTable;
  story_versions: StoryVersionsTable;
  email_confirmations: EmailConfirmationsTable;
  password_resets: PasswordResetsTable;
  mail_outbox: MailOutboxTable;
  mail_preferences: MailPreferencesTable;
  story_follows: StoryFollowsTable;
  company_follows: CompanyFollowsTable;
  nudges: NudgesTable;
  app_secrets: AppSecretsTable;
}

export type User = Selectable<UsersTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type Story = Selectable<StoriesTable>;
export type NewStory = Insertable<StoriesTable>;
export type StoryUpdate = Updateable<StoriesTable>;
export type StoryStep = Selectable<StoryStepsTable>;
export type NewStoryStep = Insertable<StoryStepsTable>;
export type Reply = Selectable<RepliesTable>;
