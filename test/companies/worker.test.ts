// The figures worker: a story's transaction only queues the touched scopes;
// flushFigures (and the app's worker) then leave company_figures equal to its
// definition, and the per-scope totals equal a plain count, however the
// rounds interleave with writes.
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushFigures } from "../../server/companies/worker.js";
import type { Database } from "../../server/db/connect.js";
import type { DB } from "../../server/db/schema.js";
import { createTestDatabase } from "../helpers/database.js";
import { createOrganisation, createUser } from "../helpers/fixtures.js";
import { insertStories } from "./helpers.js";

// stale_at only as "will age": the Kaplan–Meier ageing moment is counted from the computation's now() (migrations/0007).
const FIGURE_COLUMNS = sql.raw(
  "company_id, period, country, channel, stories, answered_in_30_days, response_eligible, answered, median_seconds, p90_seconds, resolved, closed, response_lower_bound, resolution_lower_bound, ranked, stale_at is null as settled",
);

let database: Database;
let author_id: number;
let companies: number[];

async function differences() {
  const { rows } = await sql<{ missing: number; extra: number; queued: number; totals_off: number }>`
    select (select count(*) from (select ${FIGURE_COLUMNS} from company_figures_computed except select ${FIGURE_COLUMNS} from company_figures) m)::integer as missing,
           (select count(*) from (select ${FIGURE_COLUMNS} from company_figures except select ${FIGURE_COLUMNS} from company_figures_computed) e)::integer as extra,
           (select count(*) from company_figures_queue)::integer as queued,
           -- The leaderboard's page count and ranked count (migrations/0005) against a plain count.
           (select count(*) from (
              (select period, country, channel, count(*)::integer, (count(*) filter (where ranked))::integer from company_figures group by 1, 2, 3
               except select period, country, channel, organisations, ranked from company_figures_totals where organisations > 0)
              union all
              (select period, country, channel, organisations, ranked from company_figures_totals where organisations > 0
               except select period, country, channel, count(*)::integer, (count(*) filter (where ranked))::integer from company_figures group by 1, 2, 3)
           ) t)::integer as totals_off`.execute(database.db);
  return rows[0]!;
}

const storiesOf = async (companyId: number, db: Kysely<DB> = database.db) =>
  (await sql<{ stories: number }>`select stories from company_figures
    where company_id = ${companyId} and period = 'all' and country = '' and channel = ''`.execute(db)).rows[0]?.stories ?? 0;

beforeAll(async () => {
  database = await createTestDatabase();
  author_id = await createUser(database.db);
  companies = [];
  for (const name of ["Queue One", "Queue Two", "Queue Three"]) companies.push(await createOrganisation(database.db, name));
});
afterAll(() => database.close());

describe("the figures worker", () => {
  it("leaves the recomputation out of the writing transaction, and catches up on a flush", async () => {
    const db = database.db;
    const [one] = companies as [number];
    await insertStories(db, { author_id, company_id: one }, [{ response: 60 }]);
    expect(await storiesOf(one)).toBe(1);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("stories").values({
        author_id, company_id: one, title: "Queued, not recomputed", slug: "queued-not-recomputed", country: "DE", channel: "phone",
        escalated_to: "ceo", outcome: "pending", body_md: "x", body_html: "<p>x</p>", escalated_at: new Date(Date.now() - 86_400_000),
      }).execute();
      const queued = await sql`select company_id, country, channel from company_figures_queue`.execute(trx);
      expect(queued.rows).toEqual([{ company_id: one, country: "DE", channel: "phone" }]);
      expect(await storiesOf(one, trx)).toBe(1);
    });
    expect(await storiesOf(one)).toBe(1);
    // One round for the organisation's figures, one for its page (page-figures.ts).
    expect(await flushFigures(db)).toBe(2);
    expect(await storiesOf(one)).toBe(2);
    expect(await differences()).toEqual({ missing: 0, extra: 0, queued: 0, totals_off: 0 });
  });

  it("stops between units once the closing app aborts it, leaving the rest queued for the next round", async () => {
    const db = database.db;
    const [, two, three] = companies as [number, number, number];
    for (const [company_id, slug] of [[two, "closing-one"], [three, "closing-two"]] as const) {
      await db.insertInto("stories").values({
        author_id, company_id, title: `Queued while closing ${slug}`, slug, country: "FR", channel: "email",
        escalated_to: "ceo", outcome: "pending", body_md: "x", body_html: "<p>x</p>", escalated_at: new Date(Date.now() - 86_400_000),
      }).execute();
    }
    const closing = new AbortController();
    closing.abort();
    // A closing app must not first drain a backlog (after a bulk load, minutes of rows due by time).
    expect(await flushFigures(db, { signal: closing.signal })).toBe(0);
    expect((await differences()).queued).toBe(2);
    expect(await flushFigures(db)).toBe(4);
    expect(await storiesOf(three)).toBe(1);
    expect(await differences()).toEqual({ missing: 0, extra: 0, queued: 0, totals_off: 0 });
  });

  it("stays exact when rounds interleave with inserts, edits, moves and deletes", async () => {
    const db = database.db;
    const [one, two, three] = companies as [number, number, number];
    const countries = ["US", "DE", "FR"];
    const channels = ["email", "phone", "web_form"] as const;
    const writes: Promise<unknown>[] = [];
    const rounds: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      writes.push(insertStories(db, { author_id, company_id: companies[i % 3]! }, [
        { response: i * 100, country: countries[i % 3]!, channel: channels[(i + 1) % 3]!, daysAgo: i * 40 },
        { response: null, country: countries[(i + 1) % 3]!, channel: channels[i % 3]!, daysAgo: i },
      ]));
      rounds.push(flushFigures(db, { wait: false }));
    }
    await Promise.all(writes);
    writes.length = 0;
    writes.push(db.updateTable("stories").set({ company_id: three }).where("company_id", "=", one).where("country", "=", "DE").execute());
    rounds.push(flushFigures(db, { wait: false }));
    writes.push(db.updateTable("stories").set({ outcome: "resolved", first_response_at: sql`escalated_at + interval '2 hours'` }).where("company_id", "=", two).where("first_response_at", "is", null).execute());
    rounds.push(flushFigures(db, { wait: false }));
    writes.push(db.deleteFrom("stories").where("company_id", "=", three).where("country", "=", "FR").execute());
    await Promise.all([...writes, ...rounds]);
    await flushFigures(db);
    expect(await differences()).toEqual({ missing: 0, extra: 0, queued: 0, totals_off: 0 });
  });

  it("keeps the leaderboard's totals through a rebuild from scratch", async () => {
    const db = database.db;
    await sql`select company_figures_rebuild()`.execute(db);
    expect(await differences()).toEqual({ missing: 0, extra: 0, queued: 0, totals_off: 0 });
    const { rows } = await sql<{ organisations: number }>`select organisations from company_figures_totals
      where period = 'all' and country = '' and channel = ''`.execute(db);
    expect(rows).toEqual([{ organisations: 3 }]);
  });
});
