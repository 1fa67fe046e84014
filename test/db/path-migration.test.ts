// migrations/0007 turns every story that exists into a one-step path, and the
// figures of those stories stay what the stories say.
import { promises as fs } from "node:fs";
import path from "node:path";
import { FileMigrationProvider, Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/connect.js";
import { migrateToLatest } from "../../server/db/migrate.js";
import { migrationsFolder } from "../../server/folders.js";
import { flushFigures } from "../../server/companies/worker.js";
import { createEmptyDatabase } from "../helpers/database.js";

describe("the escalation paths migration", () => {
  let database: Database;
  let migrator: Migrator;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
    migrator = new Migrator({ db: database.db, migrationTableSchema: rows[0]!.schema, provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder }) });
  });
  afterAll(() => database.close());

  it("gives each existing story one step with its own facts", async () => {
    const { error } = await migrator.migrateTo("0005_company_figures_totals");
    expect(error).toBeUndefined();
    const db = database.db;
    const { id: author } = await db.insertInto("users").values({ username: "old", username_key: "old", password_hash: "!" }).returning("id").executeTakeFirstOrThrow();
    const { id: company } = await db.insertInto("organisations").values({ slug: "nokia", name: "Nokia" }).returning("id").executeTakeFirstOrThrow();
    const base = { author_id: author, company_id: company, country: "US", body_md: "", body_html: "", slug: "s" } as const;
    const at = new Date("2024-03-01T09:15:00Z");
    await db.insertInto("stories").values([
      { ...base, title: "Answered and resolved", channel: "email", escalated_to: "ceo", answered_by: "ceo", escalated_at: at, escalated_time_known: true, first_response_at: new Date(at.getTime() + 3600_000), outcome: "goodwill" },
      { ...base, title: "Never answered at all", channel: "letter", escalated_to: "executive_relations", escalated_at: at, outcome: "no_response" },
      { ...base, title: "Still pending here", channel: "phone", escalated_to: "frontline", escalated_at: at, outcome: "pending" },
    ]).execute();
    await migrateToLatest(db);
    await flushFigures(db);
    const steps = await db.selectFrom("story_steps as p").innerJoin("stories as s", "s.id", "p.story_id")
      .select(["s.title", "p.position", "p.party", "p.channel", "p.written_to", "p.written_at", "p.written_time_known", "p.answered_at", "p.answered_by", "p.result"])
      .orderBy("s.id").execute();
    expect(steps).toEqual([
      { title: "Answered and resolved", position: 1, party: "company", channel: "email", written_to: "ceo", written_at: at, written_time_known: true, answered_at: new Date(at.getTime() + 3600_000), answered_by: "ceo", result: "resolved" },
      { title: "Never answered at all", position: 1, party: "company", channel: "letter", written_to: "executive_relations", written_at: at, written_time_known: false, answered_at: null, answered_by: null, result: "ignored" },
      { title: "Still pending here", position: 1, party: "company", channel: "phone", written_to: "frontline", written_at: at, written_time_known: false, answered_at: null, answered_by: null, result: null },
    ]);
  });
});
