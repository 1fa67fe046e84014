// Mail and members' own data: verified addresses, password resets, the mail
// outbox (worked with FOR UPDATE SKIP LOCKED), mail preferences per kind,
// following stories and companies, the nudge, and notifications that point at
// a story (a timeline update, a new story) rather than only at a reply.
// Frozen once landed: never edit, add a new migration instead.
import { sql, type Kysely } from "kysely";

const NOTIFICATION_KINDS = ["reply", "quote", "mention", "followed_story", "story_timeline", "company_story", "company_official"];
const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export async function up(db: Kysely<any>): Promise<void> {
  // users.email is the address mail goes to; only once confirmed does it receive any.
  await sql`alter table users add column email_verified_at timestamptz`.execute(db);
  // Set when the member deleted their account: the row stays so their kept stories have an author.
  await sql`alter table users add column deleted_at timestamptz`.execute(db);
  await sql`create index users_email on users (lower(email)) where email is not null`.execute(db);

  await db.schema
    .createTable("email_confirmations")
    // SHA-256 of the token in the link: a leaked table confirms nothing.
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("email_confirmations_user").on("email_confirmations").columns(["user_id"]).execute();

  await db.schema
    .createTable("password_resets")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("password_resets_user").on("password_resets").columns(["user_id"]).execute();

  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // Null for mail to an address not (yet) any member's own, e.g. a confirmation.
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("headers", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("queued").check(sql`status in ('queued', 'sending', 'sent', 'failed')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // While one process sends it; past this, the process is presumed dead and another may.
    .addColumn("lease_until", "timestamptz")
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .execute();
  await sql`create index mail_outbox_due on mail_outbox (next_attempt_at, id) where status in ('queued', 'sending')`.execute(db);
  await sql`create index mail_outbox_failed on mail_outbox (id desc) where status = 'failed'`.execute(db);
  await db.schema.createIndex("mail_outbox_user").on("mail_outbox").columns(["user_id"]).execute();

  await db.schema
    .createTable("mail_preferences")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("delivery", "text", (c) => c.notNull().check(sql`delivery in ('off', 'immediate', 'digest')`))
    .addPrimaryKeyConstraint("mail_preferences_pk", ["user_id", "kind"])
    .execute();

  await db.schema
    .createTable("story_follows")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("story_id", "integer", (c) => c.notNull().references("stories.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("story_follows_pk", ["story_id", "user_id"])
    .execute();
  await db.schema.createIndex("story_follows_user").on("story_follows").columns(["user_id"]).execute();

  await db.schema
    .createTable("company_follows")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("company_follows_pk", ["organisation_id", "user_id"])
    .execute();
  await db.schema.createIndex("company_follows_user").on("company_follows").columns(["user_id"]).execute();

  // One row per nudge sent: it is sent once per story and stage, whatever happens later.
  await db.schema
    .createTable("nudges")
    .addColumn("story_id", "integer", (c) => c.notNull().references("stories.id").onDelete("cascade"))
    .addColumn("stage", "text", (c) => c.notNull().check(sql`stage in ('no_response', 'no_outcome')`))
    .addColumn("sent_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("nudges_pk", ["story_id", "stage"])
    .execute();

  // The key that signs unsubscribe links: made once by the first process, shared by all.
  await db.schema
    .createTable("app_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  // Notifications now name their story (a timeline update has no reply), and
  // remember whether their mail is still to be decided (mail_pending: the
  // worker queues it or leaves it for the digest) and whether they wait for
  // the member's daily digest (digest_due). Earlier ones are never mailed.
  await sql`alter table notifications add column story_id integer references stories (id) on delete cascade`.execute(db);
  await sql`update notifications n set story_id = r.story_id from replies r where r.id = n.reply_id`.execute(db);
  await sql`alter table notifications alter column story_id set not null`.execute(db);
  await sql`alter table notifications alter column reply_id drop not null`.execute(db);
  await sql`alter table notifications drop constraint if exists notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check check (kind in (${list(NOTIFICATION_KINDS)}))`.execute(db);
  await sql`alter table notifications add constraint notifications_target check (reply_id is not null or kind in ('story_timeline', 'company_story'))`.execute(db);
  await sql`alter table notifications add column mail_pending boolean not null default false`.execute(db);
  await sql`alter table notifications alter column mail_pending set default true`.execute(db);
  await sql`alter table notifications add column digest_due boolean not null default false`.execute(db);
  await sql`create index notifications_mail_pending on notifications (id) where mail_pending`.execute(db);
  await sql`create index notifications_digest on notifications (user_id, created_at) where digest_due`.execute(db);
  await sql`create index notifications_story on notifications (story_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from notifications where reply_id is null`.execute(db);
  for (const statement of [
    sql`drop index if exists notifications_story`,
    sql`drop index if exists notifications_digest`,
    sql`drop index if exists notifications_mail_pending`,
    sql`alter table notifications drop column digest_due`,
    sql`alter table notifications drop column mail_pending`,
    sql`alter table notifications drop constraint notifications_target`,
    sql`alter table notifications drop constraint notifications_kind_check`,
    sql`alter table notifications add constraint notifications_kind_check check (kind in ('reply', 'quote', 'mention'))`,
    sql`alter table notifications alter column reply_id set not null`,
    sql`alter table notifications drop column story_id`,
  ]) {
    await statement.execute(db);
  }
  for (const table of ["app_secrets", "nudges", "company_follows", "story_follows", "mail_preferences", "mail_outbox", "password_resets", "email_confirmations"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop index if exists users_email`.execute(db);
  await sql`alter table users drop column deleted_at`.execute(db);
  await sql`alter table users drop column email_verified_at`.execute(db);
}
