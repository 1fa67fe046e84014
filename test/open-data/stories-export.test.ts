// The open data per story: /stories.json and /stories.csv carry every visible
// story with its path, in keyset pages with the list's filters, the licence and
// the definitions; hidden and deleted stories never appear; /openapi.json
// describes the JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { STORY, THREE_STEPS } from "../helpers/story-form.js";

let t: TestApp;
interface Json { licence: { name: string; url: string }; definitions: { key: string }[]; stories: { id: number; title: string; path: { position: number; organisation: string; result: string | null }[] }[]; next: string | null }

beforeAll(async () => {
  t = await createTestApp();
  const poster = new Agent(t.app);
  await poster.signUp("open_data_poster");
  const post = async (fields: Record<string, string>) => {
    const res = await poster.post("/stories/new", { ...fields, action: "post" }, { formPage: "/stories/new" });
    expect(res.statusCode).toBe(303);
    return Number(String(res.headers.location).split("/")[2]);
  };
  await post(THREE_STEPS);
  await post({ ...STORY, title: "=HYPERLINK(\"http://evil\") at Optus", company: "Optus", other_party: "" });
  await post({ ...STORY, title: "A third story, about Apple", company: "Apple", other_party: "" });
  const hidden = await post({ ...STORY, title: "A story the moderators hid", company: "Apple", other_party: "" });
  const deleted = await post({ ...STORY, title: "A story its author deleted", company: "Apple", other_party: "" });
  await t.database.db.updateTable("stories").set({ hidden_at: new Date(), hidden_reason: "abuse" }).where("id", "=", hidden).execute();
  await t.database.db.updateTable("stories").set({ deleted_at: new Date() }).where("id", "=", deleted).execute();
});
afterAll(() => t.close());

describe("the stories' open data", () => {
  it("gives every visible story with its path, the licence and the definitions", async () => {
    const res = await t.app.inject("/stories.json");
    expect(res.statusCode).toBe(200);
    expect(res.headers.link).toContain('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    const json = res.json() as Json;
    expect(json.licence).toMatchObject({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" });
    expect(json.definitions.map((d) => d.key)).toEqual(expect.arrayContaining(["median_seconds", "response_rate", "path", "step.result"]));
    expect(json.stories.map((s) => s.title)).toEqual(["A third story, about Apple", "=HYPERLINK(\"http://evil\") at Optus", "Two cancelled orders, then the CEO answered himself"]);
    expect(json.stories[2]!.path.map((p) => [p.position, p.organisation, p.result])).toEqual([[1, "Best Buy", "deflected"], [2, "Best Buy", "ignored"], [3, "Nokia", "resolved"]]);
    expect(json.next).toBeNull();
  });

  it("pages by keyset and applies the list's filters", async () => {
    const first = (await t.app.inject("/stories.json?limit=2")).json() as Json;
    expect(first.stories).toHaveLength(2);
    expect(first.next).toMatch(/^\/stories\.json\?after=\d+&limit=2$/);
    const second = (await t.app.inject(first.next!)).json() as Json;
    expect(second.stories.map((s) => s.title)).toEqual(["Two cancelled orders, then the CEO answered himself"]);
    const nokia = (await t.app.inject("/stories.json?company=nokia")).json() as Json;
    expect(nokia.stories).toHaveLength(1);
    expect(((await t.app.inject("/stories.json?company=no-such-org")).json() as Json).stories).toEqual([]);
  });

  it("gives one CSV row per step, guarded against spreadsheet formulas", async () => {
    const res = await t.app.inject("/stories.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers.link).toContain('rel="license"');
    const lines = res.body.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^story_id,url,title,/);
    // 1 + 1 + 3 steps.
    expect(lines).toHaveLength(1 + 5);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"") at Optus"`);
    expect(res.body).not.toContain("hid");
    expect(res.body).not.toContain("deleted");
  });

  it("never shows hidden or deleted stories", async () => {
    const body = (await t.app.inject("/stories.json?limit=500")).body;
    expect(body).not.toContain("A story the moderators hid");
    expect(body).not.toContain("A story its author deleted");
  });

  it("describes the JSON endpoints in OpenAPI", async () => {
    const doc = (await t.app.inject("/openapi.json")).json() as { openapi: string; paths: Record<string, unknown>; info: { license: { name: string } } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/stories.json", "/companies.json"]);
    expect(doc.info.license.name).toBe("CC BY 4.0");
  });

  it("words the description, the attribution and the definitions in German under /de/, and its next page stays German", async () => {
    type Words = Omit<Json, "definitions" | "licence"> & { description: string; licence: { name: string; attribution: string }; definitions: { key: string; term: string }[] };
    const english = (await t.app.inject("/stories.json?limit=1")).json() as Words;
    const res = await t.app.inject("/de/stories.json?limit=1");
    const german = res.json() as Words;
    expect(german.stories).toEqual(english.stories);
    expect(german.description).toMatch(/^Eskalationsgeschichten, die auf Escalator erzählt wurden/);
    expect(german.licence).toMatchObject({ name: "CC BY 4.0", attribution: expect.stringMatching(/^Die Mitwirkenden von Escalator/) });
    expect(german.definitions.map((d) => d.key)).toEqual(english.definitions.map((d) => d.key));
    expect(german.definitions.find((d) => d.key === "path")?.term).toBe("Pfad");
    expect(german.next).toMatch(/^\/de\/stories\.json\?after=\d+&limit=1$/);
    expect(res.headers.link).toContain(`<${german.next}>; rel="next"`);
  });
});
