// The benchmark data generator, run small: what it writes is consistent, the
// figures equal their definition afterwards, and bulk-load mode leaves nothing behind.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateData, isEmptyDatabase, type GenerateSummary } from "../../server/generator/generate.js";
import type { Database } from "../../server/db/connect.js";
import { renderMarkdown } from "../../server/lib/markdown.js";
import { createTestDatabase, usingServer } from "../helpers/database.js";

// stale_at only as "will age": the Kaplan–Meier ageing moment is counted from the computation's now() (migrations/0007).
const FIGURE_COLUMNS = sql.raw(
  "company_id, period, country, channel, stories, answered_in_30_days, response_eligible, answered, median_seconds, p90_seconds, resolved, closed, response_lower_bound, resolution_lower_bound, ranked, stale_at is null as settled",
);

describe("generating benchmark data", () => {
  let database: Database;
  let summary: GenerateSummary;
  let indexesBefore: string[];

  const indexNames = async () =>
    (await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename in ('stories', 'replies') order by 1`.execute(database.db)).rows.map((r) => r.name);

  beforeAll(async () => {
    database = await createTestDatabase();
    indexesBefore = await indexNames();
    summary = await generateData(database.db, {
      stories: 2_000, organisations: 50, users: 200, repliesPerStory: 0.8, threadReplies: 100, seed: 7,
      batchSize: 500, jobs: usingServer ? 2 : 1, maintenanceWorkMem: "64MB",
    });
  }, 180_000);
  afterAll(async () => database?.close());

  it("writes the stories, organisations and members asked for, plus the long thread", async () => {
    const { rows } = await sql<{ stories: number; organisations: number; users: number }>`
      select (select count(*) from stories)::integer as stories, (select count(*) from organisations)::integer as organisations,
             (select count(*) from users)::integer as users`.execute(database.db);
    expect(rows[0]).toEqual({ stories: 2_001, organisations: 50, users: 200 });
    expect(summary.stories).toBe(2_001);
    expect(await isEmptyDatabase(database.db)).toBe(false);
  });

  it("keeps each story's reply and me-too counts equal to its rows", async () => {
    const { rows } = await sql<{ replies: number; counted: number; me_toos: number; me_too_counted: number }>`
      select (select count(*) from replies)::integer as replies, (select sum(reply_count) from stories)::integer as counted,
             (select count(*) from me_toos)::integer as me_toos, (select sum(me_too_count) from stories)::integer as me_too_counted`.execute(database.db);
    expect(rows[0]!.replies).toBe(rows[0]!.counted);
    expect(rows[0]!.me_toos).toBe(rows[0]!.me_too_counted);
    expect(summary.replies).toBe(rows[0]!.replies);
    expect(rows[0]!.replies).toBeGreaterThan(1_000);
  });

  it("varies the facts: outcomes, channels, countries, unanswered and recent stories", async () => {
    const { rows } = await sql<{ outcomes: number; channels: number; countries: number; unanswered: number; recent: number; biggest: number }>`
      select count(distinct outcome)::integer as outcomes, count(distinct channel)::integer as channels,
             count(distinct country)::integer as countries,
             count(*) filter (where first_response_at is null)::integer as unanswered,
             count(*) filter (where escalated_at > now() - interval '30 days')::integer as recent,
             (select max(n) from (select count(*) as n from stories group by company_id) c)::integer as biggest
      from stories`.execute(database.db);
    const r = rows[0]!;
    expect(r.outcomes).toBe(9);
    expect(r.channels).toBe(11);
    expect(r.countries).toBeGreaterThan(10);
    expect(r.unanswered).toBeGreaterThan(100);
    expect(r.recent).toBeGreaterThan(20);
    // Zipf: the most escalated-to organisation has far more than its even share (40).
    expect(r.biggest).toBeGreaterThan(200);
  });

  it("leaves company_figures equal to company_figures_computed", async () => {
    const { rows } = await sql<{ missing: number; extra: number; total: number }>`
      select (select count(*) from (select ${FIGURE_COLUMNS} from company_figures_computed except select ${FIGURE_COLUMNS} from company_figures) m)::integer as missing,
             (select count(*) from (select ${FIGURE_COLUMNS} from company_figures except select ${FIGURE_COLUMNS} from company_figures_computed) e)::integer as extra,
             (select count(*) from company_figures)::integer as total`.execute(database.db);
    expect(rows[0]).toEqual({ missing: 0, extra: 0, total: expect.any(Number) });
    expect(rows[0]!.total).toBeGreaterThan(100);
  });

  it("makes a story with a 100-reply nested thread", async () => {
    const story = await database.db.selectFrom("stories").select(["id", "slug", "reply_count"]).where("id", "=", summary.thread.id).executeTakeFirstOrThrow();
    expect(story.reply_count).toBe(100);
    const { rows } = await sql<{ replies: number; deepest: number; roots: number }>`
      select count(*)::integer as replies, max(depth)::integer as deepest, count(*) filter (where parent_id is null)::integer as roots
      from replies where story_id = ${story.id}`.execute(database.db);
    expect(rows[0]!.replies).toBe(100);
    expect(rows[0]!.deepest).toBeGreaterThan(6);
    expect(rows[0]!.roots).toBeGreaterThan(1);
  });

  it("puts back every index and trigger it set aside for the bulk load", async () => {
    expect(await indexNames()).toEqual(indexesBefore);
    const { rows } = await sql<{ disabled: number; restore: boolean }>`
      select (select count(*) from pg_trigger where tgrelid = 'stories'::regclass and tgname like 'company_figures_%' and tgenabled = 'D')::integer as disabled,
             to_regclass('generate_data_restore') is not null as restore`.execute(database.db);
    expect(rows[0]).toEqual({ disabled: 0, restore: false });
  });

  it("renders each body from its markdown", async () => {
    const { rows } = await sql<{ body_md: string; body_html: string }>`select distinct body_md, body_html from stories limit 5`.execute(database.db);
    for (const row of rows) expect(row.body_html).toBe(renderMarkdown(row.body_md));
  });
});
