// Search answers the way people type names: without accents, by an
// organisation's other spellings, and "AT&T" as one word.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisationKey } from "../../server/lib/slug.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser, insertStory } from "../helpers/fixtures.js";
import { texts } from "../helpers/html.js";

/** The found stories' titles, highlights read as plain text. */
const titles = (html: string) => texts(html, "h3.story-title a");

describe("search terms", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const author = await createUser(db, "term_author");
    const telefonica = await createOrganisation(db, "Telefónica");
    const att = await createOrganisation(db, "AT&T");
    await db.insertInto("organisation_aliases").values(["AT&T", "AT&T Mobility"].map((alias) => ({ organisation_id: att, alias, alias_key: organisationKey(alias) }))).execute();
    const other = await createOrganisation(db, "Some Carrier");
    await insertStory(db, { authorId: author, companyId: telefonica, title: "Telefónica refused to unlock my phone" });
    await insertStory(db, { authorId: author, companyId: att, title: "My pre-order was cancelled twice", body: "The carrier cancelled without a reason." });
    await insertStory(db, { authorId: author, companyId: other, title: "Roaming charges from my carrier", body: "I switched from AT&T last year." });
    await insertStory(db, { authorId: author, companyId: other, title: "A talk at the shop", body: "I went to the shop at noon and talked to T." });
  });
  afterAll(() => t.close());
  const search = async (q: string) => titles((await t.app.inject(`/search?q=${encodeURIComponent(q)}`)).body);

  it("ignores accents: telefonica finds Telefónica, and Telefónica finds it too", async () => {
    expect(await search("telefonica")).toEqual(["Telefónica refused to unlock my phone"]);
    expect(await search("Telefónica")).toEqual(["Telefónica refused to unlock my phone"]);
    expect(await search("TELEFONICA unlock")).toEqual(["Telefónica refused to unlock my phone"]);
  });

  it("finds an organisation's stories by any of its names", async () => {
    expect(await search("ATT")).toContain("My pre-order was cancelled twice");
    expect(await search("AT&T Mobility")).toContain("My pre-order was cancelled twice");
  });

  it("reads AT&T as one word, not 'at' and 't'", async () => {
    const found = await search("AT&T");
    expect(found).toContain("Roaming charges from my carrier");
    expect(found).not.toContain("A talk at the shop");
  });

  it("says how many stories match", async () => {
    expect((await t.app.inject("/search?q=carrier")).body).toContain("2 stories match.");
  });
});
