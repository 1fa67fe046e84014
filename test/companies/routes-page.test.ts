// The company page shows the first few ways of escalating there and links to
// all of them on …/routes, which is kept with the company page's version: a
// new way shows on both as soon as the worker has counted it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushFigures } from "../../server/companies/worker.js";
import { ROUTES_SHOWN } from "../../server/companies/routes.js";
import type { Channel, Role } from "../../server/lib/enums.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createStory, createUser } from "../helpers/fixtures.js";
import { attr, find, parseHtml, tableCells, textOf } from "../helpers/html.js";

let t: TestApp;
let author: number, bigco: number;

// Twelve different first steps, more than the company page shows.
const WAYS: [Channel, Role][] = (["email", "phone", "letter", "web_form", "chat", "social_public"] as const)
  .flatMap((channel) => (["ceo", "frontline"] as const).map((role): [Channel, Role] => [channel, role]));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  author = await createUser(db);
  bigco = await createOrganisation(db, "Bigco");
  // Way i is taken i + 1 times, each answered in an hour: the most taken is ranked first.
  for (const [i, [channel, role]] of WAYS.entries()) {
    for (let n = 0; n <= i; n++) await createStory(db, { author_id: author, company_id: bigco, channel, escalated_to: role, responseSeconds: 3600 });
  }
  await flushFigures(db);
});
afterAll(() => t.close());

const routeKeys = (html: string) => parseHtml(html).querySelectorAll("#how-to-escalate tbody tr").map((tr) => tr.getAttribute("data-route"));

describe("every way of escalating at an organisation", () => {
  it("shows the first few on the company page and links to the rest, which lists them all in the same order", async () => {
    const company = (await t.app.inject("/companies/bigco")).body;
    const shown = tableCells(company, "how-to-escalate");
    expect(shown).toHaveLength(ROUTES_SHOWN);
    const link = find(company, 'a[href="/companies/bigco/routes"]');
    expect(textOf(link)).toBe(`All ${WAYS.length} ways of escalating at Bigco`);

    const all = await t.app.inject("/companies/bigco/routes");
    expect(all.statusCode).toBe(200);
    expect(tableCells(all.body, "how-to-escalate")).toHaveLength(WAYS.length);
    expect(tableCells(all.body, "how-to-escalate").slice(0, ROUTES_SHOWN)).toEqual(shown);
    // Most taken first (each way is answered every time), so the last way of the list leads.
    expect(routeKeys(all.body)[0]).toBe(WAYS.at(-1)!.join(":"));
    expect(attr(all.body, 'main a[href="/companies/bigco"]', "href")).toBe("/companies/bigco");
  });

  it("keeps the window in its links and speaks German under /de/", async () => {
    const company = (await t.app.inject("/de/companies/bigco?window=all")).body;
    const link = find(company, 'a[href="/de/companies/bigco/routes?window=all"]');
    expect(textOf(link)).toBe(`Alle ${WAYS.length} Wege, bei Bigco zu eskalieren`);
    const all = (await t.app.inject("/de/companies/bigco/routes?window=all")).body;
    expect(textOf(find(all, "h1"))).toBe("So eskalieren Sie bei Bigco: jeder Weg");
    expect(tableCells(all, "how-to-escalate")).toHaveLength(WAYS.length);
  });

  it("shows a way first taken after it was kept, on the next request after the worker's round", async () => {
    const before = await t.app.inject("/companies/bigco/routes");
    await createStory(t.database.db, { author_id: author, company_id: bigco, channel: "regulator", escalated_to: "ceo", responseSeconds: null });
    await flushFigures(t.database.db);
    const after = await t.app.inject("/companies/bigco/routes");
    expect(routeKeys(after.body)).toContain("regulator:ceo");
    expect(routeKeys(before.body)).not.toContain("regulator:ceo");
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(textOf(find((await t.app.inject("/companies/bigco")).body, 'a[href="/companies/bigco/routes"]'))).toBe(`All ${WAYS.length + 1} ways of escalating at Bigco`);
  });

  it("answers 404 for an unknown organisation and 400 for an odd window", async () => {
    expect((await t.app.inject("/companies/nobody/routes")).statusCode).toBe(404);
    expect((await t.app.inject("/companies/bigco/routes?window=forever")).statusCode).toBe(400);
  });

  it("sends a merged organisation's address to the one it went into", async () => {
    await createOrganisation(t.database.db, "Bigco Old", { slug: "bigco-old", merged_into_id: bigco });
    const moved = await t.app.inject("/companies/bigco-old/routes?window=all");
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe("/companies/bigco/routes?window=all");
  });
});
