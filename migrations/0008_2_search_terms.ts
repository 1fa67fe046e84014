// Search that ignores accents and keeps "AT&T" one word, for stories and
// replies alike. search_text() folds the accented Latin letters to their
// base letter (telefónica → telefonica, ß → ss) and joins a letter-&-letter
// name (AT&T → ATT, which is also how its alias is spelled), before either
// language's parser sees the text; queries pass through the same function.
// A plain translate() rather than the unaccent extension: it is immutable, so
// the stored generated vectors can use it, and needs no extension on either
// database (an extension is database-wide, the tests' schemas are not).
//
// The vectors of 0003 are rebuilt with it, same names, same weights (title A,
// product B, body D), same partial GIN indexes.
import { sql, type Kysely, type RawBuilder } from "kysely";

const ACCENTED = "ÀÁÂÃÄÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚÌÍÎÏĪĮŁÑŃŇÒÓÔÕÖØŌŐŔŘŚŠŞŤÙÚÛÜŪŮŰŲÝŸŽŹŻàáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż";
const PLAIN = "AAAAAAAAACCCDEEEEEEEEIIIIIILNNNOOOOOOOORRSSSTUUUUUUUUYYZZZaaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz";

const storyVector = (language: "english" | "german") => sql`
  setweight(to_tsvector(${sql.lit(language)}::regconfig, search_text(title)), 'A')
  || setweight(to_tsvector(${sql.lit(language)}::regconfig, search_text(coalesce(product, ''))), 'B')
  || to_tsvector(${sql.lit(language)}::regconfig, search_text(body_md))`;

const replyVector = (language: "english" | "german") => sql`to_tsvector(${sql.lit(language)}::regconfig, search_text(body_md))`;

const visible = sql<boolean>`hidden_at is null and deleted_at is null`;
const COLUMNS = { search_en: "english", search_de: "german" } as const;

async function rebuildSearchColumns(db: Kysely<any>, table: "stories" | "replies", vector: (language: "english" | "german") => RawBuilder<unknown>) {
  for (const [column, language] of Object.entries(COLUMNS)) {
    await db.schema.alterTable(table).dropColumn(column).execute(); // drops its index too
    await db.schema.alterTable(table).addColumn(column, sql`tsvector`, (c) => c.notNull().generatedAlwaysAs(vector(language)).stored()).execute();
    await db.schema.createIndex(`${table}_${column}`).on(table).using("gin").column(column).where(visible).execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (ACCENTED.length !== PLAIN.length) throw new Error("search_text: the two alphabets differ in length");
  await sql`
    create function search_text(t text) returns text language sql immutable strict parallel safe as $$
      select regexp_replace(translate(replace(t, 'ß', 'ss'), ${sql.lit(ACCENTED)}, ${sql.lit(PLAIN)}), '([[:alnum:]])&([[:alnum:]])', '\\1\\2', 'g')
    $$`.execute(db);
  await rebuildSearchColumns(db, "stories", storyVector);
  await rebuildSearchColumns(db, "replies", replyVector);
}

export async function down(db: Kysely<any>): Promise<void> {
  const storyVector0003 = (language: "english" | "german") => sql`
    setweight(to_tsvector(${sql.lit(language)}::regconfig, title), 'A')
    || setweight(to_tsvector(${sql.lit(language)}::regconfig, coalesce(product, '')), 'B')
    || to_tsvector(${sql.lit(language)}::regconfig, body_md)`;
  await rebuildSearchColumns(db, "stories", storyVector0003);
  await rebuildSearchColumns(db, "replies", (language) => sql`to_tsvector(${sql.lit(language)}::regconfig, body_md)`);
  await sql`drop function search_text(text)`.execute(db);
}
