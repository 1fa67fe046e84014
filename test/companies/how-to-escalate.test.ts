// "How to escalate at X" from the stories' paths: which first step gets an
// answer, which is ignored and has to go further, best supported first; and
// the same across all organisations on /companies/how.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushFigures } from "../../server/companies/worker.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser, DAY, HOUR } from "../helpers/fixtures.js";
import { tableCells } from "../helpers/html.js";

let t: TestApp;

/** A story and its path, inserted as the form would write them; the headline from the first step to the company. */
async function storyWithPath(authorId: number, companyId: number, otherPartyId: number | null, steps: { party?: "company" | "other_party"; channel: string; to: string; daysAgo: number; answeredAfterHours?: number; answeredBy?: string }[], outcome = "resolved") {
  const at = (s: (typeof steps)[number]) => new Date(Date.now() - s.daysAgo * DAY);
  const answer = (s: (typeof steps)[number]) => (s.answeredAfterHours === undefined ? null : new Date(at(s).getTime() + s.answeredAfterHours * HOUR));
  const toCompany = steps.filter((s) => (s.party ?? "company") === "company");
  const first = toCompany[0]!;
  const answered = toCompany.map(answer).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const { rows } = await sql<{ id: number }>`insert into stories (author_id, title, slug, company_id, other_party_id, country, channel, escalated_to, escalated_at, first_response_at, outcome, body_md, body_html)
    values (${authorId}, 'A story with a path of steps', 'path', ${companyId}, ${otherPartyId}, 'US', ${first.channel}, ${first.to}, ${at(first)}, ${answered}, ${outcome}, 'x', '<p>x</p>') returning id`.execute(t.database.db);
  const id = rows[0]!.id;
  for (const [i, s] of steps.entries()) {
    await sql`insert into story_steps (story_id, position, party, written_at, channel, written_to, answered_at, answered_by, result)
      values (${id}, ${i + 1}, ${s.party ?? "company"}, ${at(s)}, ${s.channel}, ${s.to}, ${answer(s)}, ${s.answeredBy ?? null}, ${answer(s) ? "answered" : "ignored"})`.execute(t.database.db);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const author = await createUser(db);
  const acme = await createOrganisation(db, "Acme");
  const shop = await createOrganisation(db, "Shop");
  // Six stories: the shop first (ignored), then frontline e-mail at Acme (ignored), then the CEO by e-mail,
  // whose office answers after 2, 4, 6, 8, 10 and 12 hours.
  for (let i = 0; i < 6; i++) {
    await storyWithPath(author, acme, shop, [
      { party: "other_party", channel: "in_store", to: "frontline", daysAgo: 50 },
      { channel: "email", to: "frontline", daysAgo: 45 },
      { channel: "email", to: "ceo", daysAgo: 40, answeredAfterHours: 2 * (i + 1), answeredBy: "executive_relations" },
    ], i < 4 ? "resolved" : "refused");
  }
  // Five phone calls to a supervisor, each answered after 1 hour.
  for (let i = 0; i < 5; i++) await storyWithPath(author, acme, null, [{ channel: "phone", to: "supervisor", daysAgo: 20, answeredAfterHours: 1 }], "pending");
  // One letter to the CEO, never answered.
  await storyWithPath(author, acme, null, [{ channel: "letter", to: "ceo", daysAgo: 60 }], "no_response");
  await flushFigures(db);
});
afterAll(() => t.close());

describe("how to escalate", () => {
  it("ranks the well-supported routes by the lower bound of their answered share, then lists the rest as too few to say", async () => {
    const html = (await t.app.inject("/companies/acme")).body;
    const rows = tableCells(html, "how-to-escalate");
    // E-mail to the CEO: 6 of 6 (Wilson 61–100 %); S falls 1/6 per answer → S(6 h) = 1/2 → median 6 h;
    // resolved 4 of 6 closed. Phone to a supervisor: 5 of 5 (57–100 %), 1 h, all pending (0 closed).
    // Frontline e-mail: 0 of 6, each one followed by the CEO step → had to go further 6 of 6.
    expect(rows).toEqual([
      ["Email", "CEO", "6", "100% (6/6)", "61%–100%", "6 h", "67% (4/6)", "0% (0)", "best supported"],
      ["Phone", "Support supervisor", "5", "100% (5/5)", "57%–100%", "1 h", "— (0/0)", "0% (0)", ""],
      ["Email", "Frontline support", "6", "0% (0/6)", "0%–39%", "not reached", "67% (4/6)", "100% (6)", "never answered"],
      ["Letter", "CEO", "1", "0% (0/1)", "0%–79%", "not reached", "0% (0/1)", "0% (0)", "too few to say"],
    ]);
    // The shop's own steps are on the shop's page, as the other party written to.
    expect(tableCells((await t.app.inject("/companies/shop")).body, "how-to-escalate")).toEqual([
      ["In store", "Frontline support", "6", "0% (0/6)", "0%–39%", "not reached", "67% (4/6)", "100% (6)", "never answered"],
    ]);
  });

  it("gives the same table across all organisations", async () => {
    const html = (await t.app.inject("/companies/how")).body;
    const rows = tableCells(html, "how-to-escalate");
    expect(rows.map((r) => [r[0], r[1], r[2], r[8]])).toEqual([
      ["Email", "CEO", "6", "best supported"],
      ["Phone", "Support supervisor", "5", ""],
      ["Email", "Frontline support", "6", "never answered"],
      ["In store", "Frontline support", "6", "never answered"],
      ["Letter", "CEO", "1", "too few to say"],
    ]);
  });
});
