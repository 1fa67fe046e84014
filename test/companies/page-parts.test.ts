// A big organisation's page follows a change to one of its stories by
// recomputing only what that story touches (migrations/0019: its months of the
// trend, its routes at each organisation and across all; the curve and the
// small parts whole), and what it keeps is still exactly the page computed
// from every story and step.
import { sql } from "kysely";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushFigures } from "../../server/companies/worker.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { createUser, DAY } from "../helpers/fixtures.js";
import { expectKeptPagesEqualComputed, organisationWithAlias } from "./helpers.js";

let t: TestApp;
let big: number;
let shop: number;
let other: number;
let agent: Agent;

const STORIES = 600;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Every kept figure of the pages involved equals the same figures computed from all the stories and steps now. */
const expectKeptEqualsComputed = () => expectKeptPagesEqualComputed(t.database.db, [big, shop, other]);

/** How many stories the big organisation's page lists for one month of its trend (all time). */
async function storiesInMonth(month: string): Promise<number> {
  const page = parse((await t.app.inject("/companies/bigcorp?window=all")).body);
  return Number(page.querySelector(`#trend-table tr[data-month="${month}"] td`)?.text ?? "0");
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const author = await createUser(db);
  big = await organisationWithAlias(db, "Bigcorp", "bigcorp");
  shop = await organisationWithAlias(db, "Corner Shop", "corner-shop");
  other = await organisationWithAlias(db, "Othercorp", "othercorp");
  // 600 stories over 30 months: every third after the shop ignored a visit; a frontline e-mail first,
  // then for half a letter to the CEO, answered for most; some still waiting, some fresh.
  await sql`
    insert into stories (author_id, title, slug, company_id, other_party_id, country, channel, escalated_to, escalated_at, first_response_at, outcome, body_md, body_html)
    select ${author}, 'A story of Bigcorp ' || i, 'bigcorp-' || i, ${big}, case when i % 3 = 0 then ${shop}::integer end, 'US', 'email', 'frontline',
      now() - (i * 1.5 + 1) * interval '1 day',
      case when i % 4 <> 0 then now() - (i * 1.5 + 1) * interval '1 day' + (i % 37 + 1) * interval '1 hour' end,
      (array['no_response', 'resolved', 'pending', 'gave_up'])[i % 4 + 1], 'x', '<p>x</p>'
    from generate_series(1, ${STORIES}) as i`.execute(db);
  await sql`
    insert into story_steps (story_id, position, party, written_at, channel, written_to, answered_at, answered_by, result)
    select s.id, p.position, p.party, p.written_at, p.channel, p.written_to, p.answered_at, p.answered_by, p.result
    from stories s cross join lateral (values
      (1, 'other_party', s.escalated_at - interval '3 days', 'in_store', 'frontline', null::timestamptz, null, 'ignored', s.other_party_id is not null),
      (2, 'company', s.escalated_at, 'email', 'frontline', case when s.id % 2 = 0 then s.first_response_at end, case when s.id % 2 = 0 and s.first_response_at is not null then 'frontline' end,
        case when s.id % 2 = 0 and s.first_response_at is not null then 'answered' else 'ignored' end, true),
      (3, 'company', s.escalated_at + interval '1 hour', 'letter', 'ceo', case when s.id % 2 = 1 then s.first_response_at end, case when s.id % 2 = 1 and s.first_response_at is not null then 'executive_relations' end,
        case when s.id % 2 = 1 and s.first_response_at is not null then 'answered' else 'ignored' end, s.id % 2 = 1)
    ) as p(position, party, written_at, channel, written_to, answered_at, answered_by, result, present)
    where s.company_id = ${big} and p.present`.execute(db);
  // Positions without gaps: the first step is 1 for stories without the shop.
  await sql`update story_steps p set position = p.position - 1 from stories s where s.id = p.story_id and s.other_party_id is null`.execute(db);
  await flushFigures(db);
  agent = new Agent(t.app);
  await agent.signUp("parts_poster");
});
afterAll(() => t.close());

describe("a big organisation's page, recomputed per part", () => {
  it("starts computed by the worker, equal to the computation from every story and step", async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::integer as n from company_pages_state where organisation_id = ${big} and channel = ''`.execute(t.database.db);
    expect(rows[0]!.n).toBe(1);
    await expectKeptEqualsComputed();
  });

  it("follows a story posted through the form: its month, its routes here and across organisations, the rest unchanged", async () => {
    const escalatedAt = new Date(Date.now() - 200 * DAY);
    const month = escalatedAt.toISOString().slice(0, 7);
    const before = await storiesInMonth(month);
    const res = await agent.post("/stories/new", {
      title: "Two e-mails and a phone call to Bigcorp", company: "Bigcorp", other_party: "", product: "Router", country: "US", outcome: "resolved",
      body: "Frontline ignored me, a supervisor called back.", escalated_date: "", escalated_time: "", first_response_date: "", first_response_time: "",
      resolved_date: "", resolved_time: "", channel: "", escalated_to: "", answered_by: "", step_count: "2",
      step_0_party: "company", step_0_channel: "email", step_0_written_to: "frontline", step_0_date: day(escalatedAt), step_0_time: "",
      step_0_answered_date: "", step_0_answered_time: "", step_0_answered_by: "", step_0_result: "ignored",
      step_1_party: "company", step_1_channel: "phone", step_1_written_to: "supervisor", step_1_date: day(new Date(escalatedAt.getTime() + DAY)), step_1_time: "10:00",
      step_1_answered_date: day(new Date(escalatedAt.getTime() + DAY)), step_1_answered_time: "12:00", step_1_answered_by: "supervisor", step_1_result: "resolved",
    }, { formPage: "/stories/new" });
    expect(res.statusCode).toBe(303);
    await expectKeptEqualsComputed();
    expect(await storiesInMonth(month)).toBe(before + 1);
  });

  it("stays exact through an edit that moves a story's month and answer, a hidden story, a step removed and a story moved away", async () => {
    const db = t.database.db;
    const [first, second, third, fourth] = (await db.selectFrom("stories").select("id").where("company_id", "=", big).orderBy("id").limit(4).execute()).map((r) => r.id);
    await db.updateTable("stories").set({ escalated_at: new Date(Date.now() - 400 * DAY), first_response_at: null, outcome: "pending" }).where("id", "=", first!).execute();
    await db.updateTable("stories").set({ hidden_at: new Date(), hidden_reason: "abuse" }).where("id", "=", second!).execute();
    await sql`delete from story_steps where story_id = ${third!} and position = (select max(position) from story_steps where story_id = ${third!})`.execute(db);
    await db.updateTable("stories").set({ company_id: other, other_party_id: shop }).where("id", "=", fourth!).execute();
    await expectKeptEqualsComputed();
  });

  it("recomputes the whole page when time makes it due, still exact", async () => {
    const db = t.database.db;
    await sql`update company_pages_state set stale_at = now() - interval '1 second' where organisation_id in (${big}, 0)`.execute(db);
    await expectKeptEqualsComputed();
  });
});
