// Names that attack the reader's tools: a spreadsheet formula in the CSV
// export, a right-to-left override reordering the rest of a list row.
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../../server/companies/csv.js";
import { flushFigures } from "../../server/companies/worker.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { createOrganisation, createUser } from "../helpers/fixtures.js";
import { postStoryForm } from "../helpers/story-form.js";
import { insertStories } from "../companies/helpers.js";

const FORMULAS = ["-2+3+cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil\")", "+1+1", "@SUM(A1)", "\tTabbed", "\rReturned"];

describe("the CSV export's formula guard", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const author_id = await createUser(t.database.db);
    for (const [i, name] of FORMULAS.entries()) {
      const company_id = await createOrganisation(t.database.db, name, { slug: `formula-${i}` });
      await insertStories(t.database.db, { author_id, company_id }, [{ response: 3600 }]);
    }
  });
  afterAll(() => t.close());

  it("prefixes every name a spreadsheet would run as a formula with an apostrophe", async () => {
    const csv = (await t.app.inject("/companies.csv")).body;
    for (const name of FORMULAS) {
      const quoted = /[",\r\n]/.test(name) ? `"'${name.replace(/"/g, '""')}"` : `'${name}`;
      expect(csv, JSON.stringify(name)).toContain(`,${quoted},`);
    }
  });

  it("leaves numbers, negative ones too, and plain names as they are", () => {
    expect(toCsv(["a", "b", "c"], [[-3, "Plain name", "a-b"]])).toBe("a,b,c\r\n-3,Plain name,a-b\r\n");
  });
});

describe("right-to-left overrides in user text", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const author = new Agent(t.app);
    await author.signUp("bidi_author");
    await postStoryForm(author, { title: "Reversed \u202Etitle text", company: "Evil \u202Eorg", other_party: "Other \u202Eparty" });
    await flushFigures(t.database.db);
  });
  afterAll(() => t.close());

  it("isolates the author's name in each list row and search result", async () => {
    const row = parse((await t.app.inject("/")).body).querySelector("li.story-row")!;
    expect(row.querySelector(".story-meta bdi")?.text).toBe("bidi_author");
    const result = parse((await t.app.inject("/search?q=Reversed")).body).querySelector("li.search-result")!;
    expect(result.querySelector(".story-meta bdi")?.text).toBe("bidi_author");
  });

  it("isolates, in the stylesheet, every tag and every link in a list: titles, organisations, members", async () => {
    const css = (await t.app.inject("/static/site.css")).body.replace(/\/\*[\s\S]*?\*\//g, "");
    const isolated = css.match(/([^{}]+)\{\s*unicode-bidi:\s*isolate;\s*\}/)?.[1]?.split(",").map((s) => s.trim());
    expect(isolated).toEqual(expect.arrayContaining([".tag", "li a"]));
    const row = parse((await t.app.inject("/")).body).querySelector("li.story-row")!;
    expect(row.querySelector(".story-title a")?.text).toBe("Reversed \u202Etitle text");
    expect(row.querySelector(".tag.company")?.text).toBe("Evil \u202Eorg");
  });
});
