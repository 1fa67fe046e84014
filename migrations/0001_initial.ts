// The whole mission's schema: accounts, organisations, stories with their facts,
// threaded replies, and the tables moderation and notifications will fill.
// Frozen once landed: never edit, add a new migration instead.
import { sql, type Kysely } from "kysely";

const CHANNELS = ["email", "phone", "letter", "web_form", "chat", "social_public", "social_dm", "in_store", "regulator", "media", "other"];
const ROLES = ["ceo", "executive", "executive_relations", "supervisor", "frontline", "pr_social", "unknown"];
const OUTCOMES = ["resolved", "goodwill", "partly_resolved", "explanation_only", "deflected", "refused", "no_response", "pending", "gave_up"];
const ORG_KINDS = ["manufacturer", "retailer", "carrier", "marketplace", "service", "other"];

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("username", "text", (c) => c.notNull())
    // NFKC-normalised, lower-cased: uniqueness ignores case.
    .addColumn("username_key", "text", (c) => c.notNull().unique())
    .addColumn("email", "text")
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().defaultTo("member").check(sql`role in ('member', 'moderator', 'admin')`))
    .addColumn("banned_until", "timestamptz")
    .addColumn("ban_reason", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("sessions")
    // SHA-256 of the token the browser holds: a leaked table leaks no session.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("user_agent", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").columns(["user_id"]).execute();
  await db.schema.createIndex("sessions_expiry").on("sessions").columns(["expires_at"]).execute();

  await db.schema
    .createTable("organisations")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("other").check(sql`kind in (${list(ORG_KINDS)})`))
    .addColumn("parent_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    // Set when a moderator merges a duplicate: its URL then redirects there.
    .addColumn("merged_into_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("organisation_aliases")
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("alias", "text", (c) => c.notNull())
    // Case-, accent- and punctuation-free form: "AT&T", "at&t" and "ATT" share "att".
    .addColumn("alias_key", "text", (c) => c.notNull().primaryKey())
    .execute();
  await db.schema.createIndex("organisation_aliases_org").on("organisation_aliases").columns(["organisation_id"]).execute();

  await db.schema
    .createTable("stories")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("title", "text", (c) => c.notNull().check(sql`char_length(title) between 8 and 160`))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("company_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("other_party_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("product", "text")
    .addColumn("country", "text", (c) => c.notNull().check(sql`country ~ '^[A-Z]{2}$'`))
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in (${list(CHANNELS)})`))
    .addColumn("escalated_to", "text", (c) => c.notNull().check(sql`escalated_to in (${list(ROLES)})`))
    .addColumn("answered_by", "text", (c) => c.check(sql`answered_by in (${list(ROLES)})`))
    .addColumn("escalated_at", "timestamptz", (c) => c.notNull())
    // The poster gave only a date: pages show the day, not midnight.
    .addColumn("escalated_time_known", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("first_response_at", "timestamptz")
    .addColumn("resolved_at", "timestamptz")
    .addColumn("outcome", "text", (c) => c.notNull().check(sql`outcome in (${list(OUTCOMES)})`))
    .addColumn("response_seconds", "bigint", (c) =>
      c.generatedAlwaysAs(sql`extract(epoch from (first_response_at - escalated_at))::bigint`).stored(),
    )
    .addColumn("response_bucket", "text", (c) =>
      c
        .notNull()
        .generatedAlwaysAs(
          sql`case
            when first_response_at is null then 'none'
            when first_response_at - escalated_at < interval '1 hour' then 'under_1h'
            when first_response_at - escalated_at < interval '24 hours' then 'under_24h'
            when first_response_at - escalated_at < interval '3 days' then 'd1_3'
            when first_response_at - escalated_at < interval '7 days' then 'd3_7'
            when first_response_at - escalated_at <= interval '30 days' then 'd7_30'
            else 'over_30d' end`,
        )
        .stored(),
    )
    .addColumn("body_md", "text", (c) => c.notNull())
    // Rendered and sanitised once, when written; pages print this.
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("reply_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("me_too_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("edited_at", "timestamptz")
    .addColumn("last_activity_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_reason", "text")
    .addColumn("locked_at", "timestamptz")
    .addColumn("deleted_at", "timestamptz")
    // One story per form submission, however often it is re-sent.
    .addColumn("submission_key", "text", (c) => c.unique())
    .addCheckConstraint("stories_response_after_escalation", sql`first_response_at is null or first_response_at >= escalated_at`)
    .addCheckConstraint("stories_resolved_after_escalation", sql`resolved_at is null or resolved_at >= escalated_at`)
    .addCheckConstraint("stories_no_response_unanswered", sql`outcome <> 'no_response' or first_response_at is null`)
    .execute();

  // Keyset orders of the story lists; partial so hidden and deleted stories cost nothing.
  const visible = sql<boolean>`hidden_at is null and deleted_at is null`;
  await db.schema.createIndex("stories_new").on("stories").columns(["created_at desc", "id desc"]).where(visible).execute();
  await db.schema.createIndex("stories_active").on("stories").columns(["last_activity_at desc", "id desc"]).where(visible).execute();
  await db.schema.createIndex("stories_top").on("stories").columns(["me_too_count desc", "id desc"]).where(visible).execute();
  await db.schema.createIndex("stories_company").on("stories").columns(["company_id", "created_at desc", "id desc"]).where(visible).execute();
  await db.schema.createIndex("stories_other_party").on("stories").columns(["other_party_id", "created_at desc", "id desc"]).where(visible).execute();
  await db.schema.createIndex("stories_author").on("stories").columns(["author_id", "created_at desc", "id desc"]).execute();

  await db.schema
    .createTable("replies")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("story_id", "integer", (c) => c.notNull().references("stories.id").onDelete("cascade"))
    .addColumn("parent_id", "integer", (c) => c.references("replies.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("depth", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("edited_at", "timestamptz")
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_reason", "text")
    .addColumn("deleted_at", "timestamptz")
    .addColumn("submission_key", "text", (c) => c.unique())
    .execute();
  await db.schema.createIndex("replies_story").on("replies").columns(["story_id", "created_at", "id"]).execute();
  await db.schema.createIndex("replies_author").on("replies").columns(["author_id", "created_at desc", "id desc"]).execute();
  await db.schema.createIndex("replies_parent").on("replies").columns(["parent_id"]).execute();

  await db.schema
    .createTable("revisions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("story_id", "integer", (c) => c.references("stories.id").onDelete("cascade"))
    .addColumn("reply_id", "integer", (c) => c.references("replies.id").onDelete("cascade"))
    .addColumn("editor_id", "integer", (c) => c.notNull().references("users.id"))
    // The item as it was before this edit (title, facts, body).
    .addColumn("snapshot", "jsonb", (c) => c.notNull())
    // A moderator's redaction: shown to moderators only.
    .addColumn("moderators_only", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("revisions_one_target", sql`(story_id is null) <> (reply_id is null)`)
    .execute();
  await db.schema.createIndex("revisions_story").on("revisions").columns(["story_id", "id"]).execute();
  await db.schema.createIndex("revisions_reply").on("revisions").columns(["reply_id", "id"]).execute();

  await db.schema
    .createTable("me_toos")
    .addColumn("story_id", "integer", (c) => c.notNull().references("stories.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("me_toos_pk", ["story_id", "user_id"])
    .execute();

  await db.schema
    .createTable("flags")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("story_id", "integer", (c) => c.references("stories.id").onDelete("cascade"))
    .addColumn("reply_id", "integer", (c) => c.references("replies.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) => c.notNull().check(sql`reason in ('spam', 'abuse', 'personal_data', 'off_topic', 'misleading')`))
    .addColumn("note", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("resolved_at", "timestamptz")
    .addCheckConstraint("flags_one_target", sql`(story_id is null) <> (reply_id is null)`)
    .execute();
  await db.schema.createIndex("flags_story_user").on("flags").columns(["story_id", "user_id"]).unique().where(sql<boolean>`story_id is not null`).execute();
  await db.schema.createIndex("flags_reply_user").on("flags").columns(["reply_id", "user_id"]).unique().where(sql<boolean>`reply_id is not null`).execute();
  await db.schema.createIndex("flags_open").on("flags").columns(["created_at"]).where(sql<boolean>`resolved_at is null`).execute();

  await db.schema
    .createTable("moderation_log")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("moderator_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "integer", (c) => c.notNull())
    .addColumn("target_label", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("moderation_log_recent").on("moderation_log").columns(["created_at desc", "id desc"]).execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('reply', 'quote', 'mention')`))
    .addColumn("reply_id", "integer", (c) => c.notNull().references("replies.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("read_at", "timestamptz")
    .execute();
  await db.schema.createIndex("notifications_user").on("notifications").columns(["user_id", "created_at desc"]).execute();

  // Company right of reply: members who speak for an organisation.
  await db.schema
    .createTable("representatives")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("representatives_pk", ["user_id", "organisation_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["representatives", "notifications", "moderation_log", "flags", "me_toos", "revisions", "replies", "stories", "organisation_aliases", "organisations", "sessions", "users"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
