// migrations/0012 gives every existing story and reply a language guessed from
// its text, and rebuilds the search vectors in that language only.
import { promises as fs } from "node:fs";
import path from "node:path";
import { FileMigrationProvider, Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/connect.js";
import { migrateToLatest } from "../../server/db/migrate.js";
import { migrationsFolder } from "../../server/folders.js";
import { createEmptyDatabase } from "../helpers/database.js";

describe("the content language migration", () => {
  const provider = new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder });
  let database: Database;
  let migrator: Migrator;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
    migrator = new Migrator({ db: database.db, migrationTableSchema: rows[0]!.schema, provider });
  });
  afterAll(() => database.close());

  it("guesses each existing text's language and indexes it in that language only", async () => {
    const names = Object.keys(await provider.getMigrations()).sort();
    const before = names[names.indexOf("0012_content_language") - 1]!;
    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    const db = database.db;
    const { id: author } = await db.insertInto("users").values({ username: "old", username_key: "old", password_hash: "!" }).returning("id").executeTakeFirstOrThrow();
    const { id: company } = await db.insertInto("organisations").values({ slug: "dhl", name: "DHL" }).returning("id").executeTakeFirstOrThrow();
    const story = async (title: string, body: string) => {
      const { rows: [row] } = await sql<{ id: number }>`
        insert into stories (author_id, company_id, title, slug, country, channel, escalated_to, escalated_at, outcome, body_md, body_html)
        values (${author}, ${company}, ${title}, 's', 'DE', 'email', 'ceo', now() - interval '3 days', 'pending', ${body}, '')
        returning id`.execute(db);
      return row!.id;
    };
    const reply = async (storyId: number, body: string) => {
      const { rows: [row] } = await sql<{ id: number }>`
        insert into replies (story_id, author_id, body_md, body_html) values (${storyId}, ${author}, ${body}, '') returning id`.execute(db);
      return row!.id;
    };
    const german = await story("Das Paket kam nie an", "Die Sendung wurde als zugestellt gemeldet, aber bei mir ist nichts angekommen. Der Kundendienst hat nicht geantwortet.");
    const english = await story("The parcel never arrived", "The tracking said it was delivered, but nothing came and the support line never answered.");
    const germanReply = await reply(english, "Bei mir war es genauso, und der Vorstand hat sich auch nicht gemeldet.");
    const shortReply = await reply(german, "+1");

    await migrateToLatest(db);
    const langs = await sql<{ id: number; lang: string; de: boolean; en: boolean }>`
      select id, lang, search_de <> ''::tsvector as de, search_en <> ''::tsvector as en from stories
      union all select -id, lang, search_de <> ''::tsvector, search_en <> ''::tsvector from replies order by 1`.execute(db);
    const byId = new Map(langs.rows.map((r) => [r.id, r]));
    expect(byId.get(german)).toMatchObject({ lang: "de", de: true, en: false });
    expect(byId.get(english)).toMatchObject({ lang: "en", de: false, en: true });
    expect(byId.get(-germanReply)).toMatchObject({ lang: "de", de: true, en: false });
    // Too short to tell: its story's language.
    expect(byId.get(-shortReply)).toMatchObject({ lang: "de" });
    await expect(sql`update stories set lang = 'fr' where id = ${german}`.execute(db)).rejects.toThrow(/stories_lang/);
  });
});
