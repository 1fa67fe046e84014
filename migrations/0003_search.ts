// Full-text search over stories and replies, for English and German alike:
// each text is indexed under both configurations, and the query (built in
// both, OR-ed) then matches either language's stems. Stored generated columns
// keep the vectors current on every insert and edit without triggers.
// Frozen once landed: never edit, add a new migration instead.
import { sql, type Kysely } from "kysely";

// Title first (weight A), product (B), body (D): a title match ranks highest.
const storyVector = sql`
  setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('german'::regconfig, title), 'A')
  || setweight(to_tsvector('english'::regconfig, coalesce(product, '')), 'B') || setweight(to_tsvector('german'::regconfig, coalesce(product, '')), 'B')
  || to_tsvector('english'::regconfig, body_md) || to_tsvector('german'::regconfig, body_md)`;

const replyVector = sql`to_tsvector('english'::regconfig, body_md) || to_tsvector('german'::regconfig, body_md)`;

// Search never lists hidden or deleted items, so the indexes leave them out.
const visible = sql<boolean>`hidden_at is null and deleted_at is null`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("stories")
    .addColumn("search_vector", sql`tsvector`, (c) => c.notNull().generatedAlwaysAs(storyVector).stored())
    .execute();
  await db.schema.createIndex("stories_search").on("stories").using("gin").column("search_vector").where(visible).execute();

  await db.schema
    .alterTable("replies")
    .addColumn("search_vector", sql`tsvector`, (c) => c.notNull().generatedAlwaysAs(replyVector).stored())
    .execute();
  await db.schema.createIndex("replies_search").on("replies").using("gin").column("search_vector").where(visible).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("replies_search").ifExists().execute();
  await db.schema.alterTable("replies").dropColumn("search_vector").execute();
  await db.schema.dropIndex("stories_search").ifExists().execute();
  await db.schema.alterTable("stories").dropColumn("search_vector").execute();
}
