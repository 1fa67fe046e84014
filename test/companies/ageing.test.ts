// When a stored figure falls due by time alone (migrations/0024): only at the
// 30-day and 12-month edges and when a silence's age can pass an answer time
// that moves the median or p90 — never "every minute" for a figure that no
// amount of waiting changes.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushFigures } from "../../server/companies/worker.js";
import type { Database } from "../../server/db/connect.js";
import { createTestDatabase } from "../helpers/database.js";
import { createOrganisation, createUser, DAY } from "../helpers/fixtures.js";
import { insertStories } from "./helpers.js";

let database: Database;
let author_id: number;

/** Seconds from now to each stored row's due moment (null: never by time), by period, for the whole organisation's scope. */
async function dueIn(companyId: number): Promise<Record<string, number | null>> {
  const { rows } = await sql<{ period: string; seconds: number | null }>`
    select period, extract(epoch from stale_at - now())::float8 as seconds
    from company_figures where company_id = ${companyId} and country = '' and channel = ''`.execute(database.db);
  return Object.fromEntries(rows.map((r) => [r.period, r.seconds]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  author_id = await createUser(database.db);
});
afterAll(() => database.close());

describe("figures due by time", () => {
  it("are never due when waiting cannot change them: every story answered, older than 30 days", async () => {
    const company_id = await createOrganisation(database.db, "Always Answers");
    await insertStories(database.db, { author_id, company_id }, [
      { daysAgo: 60, response: 3600 }, { daysAgo: 50, response: 7200 }, { daysAgo: 40, response: 600 },
    ]);
    const due = await dueIn(company_id);
    expect(due.all).toBeNull();
    // The 12 months' figures change when the oldest story leaves them, in about 305 days.
    expect(due["12m"]! / 86_400).toBeCloseTo(365 - 60, 0);
    // Every scope's row (country, channel and both) likewise: none is due within the day.
    const { rows } = await sql<{ soon: number }>`select count(*)::integer as soon from company_figures
      where company_id = ${company_id} and stale_at < now() + interval '1 day'`.execute(database.db);
    expect(rows[0]!.soon).toBe(0);
  });

  it("are never due when the only silence is older than every answer time", async () => {
    const company_id = await createOrganisation(database.db, "Old Silence");
    await insertStories(database.db, { author_id, company_id }, [{ daysAgo: 90, response: null }, { daysAgo: 60, response: 3 * DAY / 1000 }]);
    expect((await dueIn(company_id)).all).toBeNull();
  });

  it("are due when a silence's age reaches an answer time that moves the p90", async () => {
    const company_id = await createOrganisation(database.db, "Slow Answers");
    // Answered after 50 days; unanswered for 40 (and past its 30 days): in 10 days the silence is at risk at 50 days.
    await insertStories(database.db, { author_id, company_id }, [{ daysAgo: 80, response: 50 * DAY / 1000 }, { daysAgo: 40, response: null }]);
    expect((await dueIn(company_id)).all! / 86_400).toBeCloseTo(10, 1);
  });

  it("are due when an unanswered story turns 30 days old", async () => {
    const company_id = await createOrganisation(database.db, "Young Silence");
    await insertStories(database.db, { author_id, company_id }, [{ daysAgo: 60, response: 3600 }, { daysAgo: 20, response: null }]);
    expect((await dueIn(company_id)).all! / 86_400).toBeCloseTo(10, 1);
  });

  it("leaves the worker nothing to do by time when nothing can change", async () => {
    await flushFigures(database.db);
    const { rows } = await sql<{ due: number }>`select count(*)::integer as due from company_figures where stale_at <= now() + interval '1 hour'`.execute(database.db);
    expect(rows[0]!.due).toBe(0);
  });
});
