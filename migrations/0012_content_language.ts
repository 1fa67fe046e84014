// Each story and reply carries its own language ('en' or 'de'), and search
// stems each text in that language only. Until now every text was indexed in
// both languages (search_en, search_de, migrations/0003 and 0008_2) and a
// query matched either: a German story matched English stems too. The two
// columns keep their names and weights, but each now holds its vector only for
// texts in its language (an empty vector otherwise), so a query that asks
// "English stems in search_en or German stems in search_de" uses each text's
// own language; their GIN indexes shrink to their language's texts.
//
// Existing texts get a guess: guess_language() compares how many words each
// language's text-search configuration drops as stop words ("the", "and" /
// "der", "und"), Postgres' own lists, the same on both databases. A story is
// guessed from its title and body; a reply from its body, or its story's
// language when the body says nothing either way ("+1"). The app uses the
// same function when a poster leaves the choice to it, and a trigger guesses
// for any insert that names no language (seed, bulk loads, scripts), so no
// path can store a text without one. Members get a locale for their mail,
// 'en' until they use the German pages.
import { sql, type Kysely, type RawBuilder } from "kysely";

const LANGUAGES = sql`check (lang in ('en', 'de'))`;
const visible = sql<boolean>`hidden_at is null and deleted_at is null`;
const COLUMNS = { search_en: ["en", "english"], search_de: ["de", "german"] } as const;
type Config = "english" | "german";

// The vectors of 0008_2 (search_text folds accents and "AT&T"), each now only for its own language.
const storyVector = (config: Config) => sql`
  setweight(to_tsvector(${sql.lit(config)}::regconfig, search_text(title)), 'A')
  || setweight(to_tsvector(${sql.lit(config)}::regconfig, search_text(coalesce(product, ''))), 'B')
  || to_tsvector(${sql.lit(config)}::regconfig, search_text(body_md))`;
const replyVector = (config: Config) => sql`to_tsvector(${sql.lit(config)}::regconfig, search_text(body_md))`;

async function dropSearchColumns(db: Kysely<any>, table: "stories" | "replies") {
  for (const column of Object.keys(COLUMNS)) await db.schema.alterTable(table).dropColumn(column).execute(); // drops its index too
}

async function addSearchColumns(db: Kysely<any>, table: "stories" | "replies", vector: (config: Config) => RawBuilder<unknown>, onlyOwnLanguage: boolean) {
  for (const [column, [lang, config]] of Object.entries(COLUMNS)) {
    const expression = onlyOwnLanguage ? sql`case when lang = ${sql.lit(lang)} then ${vector(config)} else ''::tsvector end` : vector(config);
    await db.schema.alterTable(table).addColumn(column, sql`tsvector`, (c) => c.notNull().generatedAlwaysAs(expression).stored()).execute();
    await db.schema.createIndex(`${table}_${column}`).on(table).using("gin").column(column).where(visible).execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  // How many words a configuration keeps (counting repeats) of the first 500 characters (some 80 words, plenty to tell).
  // The one that keeps fewer dropped more of its stop words: the text is in that language.
  await sql`
    create function kept_word_count(config regconfig, t text) returns integer language sql immutable strict parallel safe as $$
      select coalesce(sum(array_length(positions, 1)), 0)::integer from unnest(to_tsvector(config, left(t, 500)))
    $$`.execute(db);
  await sql`
    create function guess_language(t text, fallback text) returns text language sql immutable parallel safe as $$
      select case when g.de < g.en then 'de' when g.en < g.de then 'en' else fallback end
      from (select kept_word_count('german', coalesce(t, '')) as de, kept_word_count('english', coalesce(t, '')) as en) g
    $$`.execute(db);

  // The old vectors go first, so the backfill below does not recompute them row by row.
  await dropSearchColumns(db, "stories");
  await dropSearchColumns(db, "replies");
  await sql`alter table stories add column lang text`.execute(db);
  await sql`alter table replies add column lang text`.execute(db);
  await sql`update stories set lang = guess_language(title || E'\n' || body_md, 'en')`.execute(db);
  await sql`update replies r set lang = guess_language(r.body_md, s.lang) from stories s where s.id = r.story_id`.execute(db);
  for (const table of ["stories", "replies"]) {
    await sql`alter table ${sql.table(table)} alter column lang set not null, add constraint ${sql.raw(`${table}_lang`)} ${LANGUAGES}`.execute(db);
  }
  await addSearchColumns(db, "stories", storyVector, true);
  await addSearchColumns(db, "replies", replyVector, true);
  await sql`
    create function content_language_default() returns trigger language plpgsql as $$
    begin
      if new.lang is null then
        if tg_table_name = 'stories' then
          new.lang := guess_language(new.title || E'\n' || new.body_md, 'en');
        else
          new.lang := guess_language(new.body_md, coalesce((select lang from stories where id = new.story_id), 'en'));
        end if;
      end if;
      return new;
    end $$`.execute(db);
  for (const table of ["stories", "replies"]) {
    await sql`create trigger ${sql.raw(`${table}_lang_default`)} before insert on ${sql.table(table)} for each row execute function content_language_default()`.execute(db);
  }

  await sql`alter table users add column locale text not null default 'en' constraint users_locale check (locale in ('en', 'de'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop column locale`.execute(db);
  for (const table of ["stories", "replies"] as const) {
    await sql`drop trigger ${sql.raw(`${table}_lang_default`)} on ${sql.table(table)}`.execute(db);
    await dropSearchColumns(db, table);
    await sql`alter table ${sql.table(table)} drop column lang`.execute(db);
  }
  await addSearchColumns(db, "stories", storyVector, false);
  await addSearchColumns(db, "replies", replyVector, false);
  await sql`drop function content_language_default()`.execute(db);
  await sql`drop function guess_language(text, text)`.execute(db);
  await sql`drop function kept_word_count(regconfig, text)`.execute(db);
}
