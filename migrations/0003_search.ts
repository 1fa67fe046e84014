// Full-text search over stories and replies, for English and German alike:
// each text is indexed once per language, in its own column, and a search
// matches either language's stems. One column per language (rather than the
// two vectors concatenated) keeps a phrase from matching across the seam,
// the last English word next to the first German one. Stored generated
// columns keep the vectors current on every insert and edit without triggers.
// Frozen once landed: never edit, add a new migration instead.
import { sql, type Kysely, type RawBuilder } from "kysely";

// Title first (weight A), product (B), body (D): a title match ranks highest.
const storyVector = (language: "english" | "german") => sql`
  setweight(to_tsvector(${sql.lit(language)}::regconfig, title), 'A')
  || setweight(to_tsvector(${sql.lit(language)}::regconfig, coalesce(product, '')), 'B')
  || to_tsvector(${sql.lit(language)}::regconfig, body_md)`;

const replyVector = (language: "english" | "german") => sql`to_tsvector(${sql.lit(language)}::regconfig, body_md)`;

// Search never lists hidden or deleted items, so the indexes leave them out.
const visible = sql<boolean>`hidden_at is null and deleted_at is null`;

const COLUMNS = { search_en: "english", search_de: "german" } as const;

async function addSearchColumns(db: Kysely<any>, table: "stories" | "replies", vector: (language: "english" | "german") => RawBuilder<unknown>) {
  for (const [column, language] of Object.entries(COLUMNS)) {
    await db.schema
      .alterTable(table)
      .addColumn(column, sql`tsvector`, (c) => c.notNull().generatedAlwaysAs(vector(language)).stored())
      .execute();
    await db.schema.createIndex(`${table}_${column}`).on(table).using("gin").column(column).where(visible).execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await addSearchColumns(db, "stories", storyVector);
  await addSearchColumns(db, "replies", replyVector);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["replies", "stories"]) {
    for (const column of Object.keys(COLUMNS)) {
      await db.schema.dropIndex(`${table}_${column}`).ifExists().execute();
      await db.schema.alterTable(table).dropColumn(column).execute();
    }
  }
}
