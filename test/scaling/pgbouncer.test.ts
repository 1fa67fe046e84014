// Several instances behind PgBouncer in transaction mode, with its defaults.
import { readdirSync } from "node:fs";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectPostgres, type Database } from "../../server/db/connect.js";
import { demoStories } from "../../server/db/demo-data.js";
import { MIGRATION_LOCK_KEY, migrateToLatest } from "../../server/db/migrate.js";
import { migrationsFolder } from "../../server/folders.js";
import { prepareDatabase } from "../../server/db/startup.js";
import { createTestApp } from "../helpers/app.js";
import { createServerDatabase, describeWithServers, env, eventually, query } from "../helpers/servers.js";

describeWithServers(["TEST_PGBOUNCER_URL"], "behind PgBouncer (pool_mode = transaction)", () => {
  let fresh: Awaited<ReturnType<typeof createServerDatabase>>;
  const handles: Database[] = [];
  const connect = () => connectPostgres({ kind: "postgres", url: fresh.url, poolSize: 3, queryTimeoutMs: 10_000 }, () => {});
  const open = () => {
    const database = connect();
    handles.push(database);
    return database;
  };
  beforeAll(async () => {
    fresh = await createServerDatabase(env("TEST_PGBOUNCER_URL"));
  });
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
    await fresh?.drop();
  });

  it("starts two instances at once on an empty database: both start, migrations and demo data exactly once, no lock left behind", async () => {
    const logs: string[] = [];
    await Promise.all([prepareDatabase(open(), { seedDemo: true }, (m) => logs.push(m)), prepareDatabase(open(), { seedDemo: true }, (m) => logs.push(m))]);
    const stories = await query(fresh.url, "select count(*)::int as n from stories");
    expect(stories.rows[0].n).toBe(demoStories.length);
    const migrations = await query(fresh.url, "select count(*)::int as n from kysely_migration");
    expect(migrations.rows[0].n).toBe(readdirSync(migrationsFolder).filter((f) => f.endsWith(".ts")).length);
    expect(logs.filter((m) => m.startsWith("Loaded"))).toHaveLength(1);
    const locks = await query(fresh.url, "select count(*)::int as n from pg_locks where locktype = 'advisory'");
    expect(locks.rows[0].n).toBe(0);
    // The next start migrates (nothing) without waiting for a leaked lock.
    expect(await migrateToLatest(open().db)).toEqual([]);
  });

  it("waits for another instance holding the migration lock for more than 5 s, says so, and starts", async () => {
    const holder = new pg.Client({ connectionString: fresh.url });
    await holder.connect();
    try {
      await holder.query("begin");
      await holder.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      const logs: string[] = [];
      const starting = prepareDatabase(open(), { seedDemo: true }, (m) => logs.push(m));
      let started = false;
      void starting.then(() => (started = true), () => {});
      await eventually(async () => logs.some((m) => m.includes("waiting")), 10_000, "the waiting message");
      await new Promise((resolve) => setTimeout(resolve, 6_000)); // past the 5-second lock timeout
      expect(started).toBe(false);
      await holder.query("commit");
      await starting;
      expect(logs.join("\n")).toMatch(/finished migrating the database after \d+\.\d s; continuing/);
    } finally {
      await holder.end();
    }
  }, 30_000);

  it("keeps the statement, lock and idle-in-transaction timeouts in every transaction", async () => {
    const database = open();
    const settings = await database.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ s: string; l: string; i: string }>`
        select current_setting('statement_timeout') as s, current_setting('lock_timeout') as l,
          current_setting('idle_in_transaction_session_timeout') as i`.execute(trx);
      return rows[0];
    });
    expect(settings).toEqual({ s: "15s", l: "5s", i: "30s" });
  });

  it("gives up on a lock held elsewhere after the 5-second lock timeout", async () => {
    const holder = new pg.Client({ connectionString: fresh.url });
    await holder.connect();
    try {
      await holder.query("begin");
      await holder.query("lock table stories in access exclusive mode");
      const started = Date.now();
      const attempt = open().db.transaction().execute((trx) => trx.updateTable("stories").set({ reply_count: 0 }).where("id", "=", 1).execute());
      await expect(attempt).rejects.toMatchObject({ code: "55P03" });
      expect(Date.now() - started).toBeLessThan(9_000);
    } finally {
      await holder.query("rollback");
      await holder.end();
    }
  }, 30_000);

  it("serves pages and says it is ready through PgBouncer", async () => {
    const { app, close } = await createTestApp({ database: connect() });
    try {
      expect((await app.inject("/")).statusCode).toBe(200);
      expect((await app.inject("/readyz")).json()).toMatchObject({ status: "ok" });
    } finally {
      await close();
    }
  });
});
