// Every page that reads values from its address: the addresses the pages link
// to work, and an odd window, page, sort, cursor or enum answers 400 (404 for a
// malformed id) with the friendly page, or the error in the route's own format
// for the data exports, instead of quietly showing a default.
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createStory, createUser } from "../helpers/fixtures.js";

let t: TestApp;
let story: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const author_id = await createUser(db, "address-reader");
  const company_id = await createOrganisation(db, "Address Co", { slug: "address-co" });
  const id = await createStory(db, { author_id, company_id, title: "An address to read", responseSeconds: 3600 });
  story = `/stories/${id}/an-address-to-read`;
});
afterAll(() => t.close());

const working = () => [
  "/?sort=top&outcome=resolved&response=under_24h&country=US",
  `${story}?after=1`,
  "/companies?window=all&country=US&channel=email&sort=median&page=1",
  "/companies?country=us&channel=",
  "/companies.json?window=12m&sort=resolution",
  "/companies.csv?country=DE&channel=phone",
  "/companies/address-co?window=all&after=5",
  "/companies/how?window=all",
  "/companies/address-co/stepped-in?window=12m&page=2",
  "/companies/address-co/routes?window=all",
  "/parties?window=all&page=3",
  "/search?q=address&page=2",
  "/search?q=a&q=b",
  "/stories.json?sort=active&limit=500&outcome=",
  "/stories.csv?limit=1",
  "/u/address-reader?stories_after=3&replies_after=4",
  "/moderation/log?before=10",
];

const malformed = (): [url: string, status: number][] => [
  ["/?sort=hot", 400],
  ["/?after=abc", 400],
  ["/?outcome=won", 400],
  [`${story}?after=-1`, 400],
  [`${story}?reply=1.5`, 400],
  ["/stories/0/x", 404],
  ["/stories/abc", 404],
  ["/companies?window=month", 400],
  ["/companies?window=all&window=12m", 400],
  ["/companies?page=0", 400],
  ["/companies?page=two", 400],
  ["/companies?page=100001", 400],
  ["/companies?sort=revenue", 400],
  ["/companies?sort=median&sort=rank", 400],
  ["/companies?country=ZZ", 400],
  ["/companies?country=USA", 400],
  ["/companies?country=%00", 400],
  ["/companies?channel=pigeon", 400],
  ["/companies/address-co?window=week", 400],
  ["/companies/address-co?after=0", 400],
  ["/companies/address-co?after=99999999999", 400],
  ["/companies/%00", 404],
  ["/companies/how?window=ever", 400],
  ["/companies/address-co/stepped-in?page=-1", 400],
  ["/companies/address-co/stepped-in?window=", 400],
  ["/companies/address-co/routes?window=all&window=12m", 400],
  ["/parties?page=abc", 400],
  ["/parties?window=all&window=all", 400],
  ["/search?q=address&page=0", 400],
  ["/search?q=address&page=51", 400],
  ["/search?page=1e3", 400],
  ["/u/address-reader?stories_after=x", 400],
  ["/moderation/log?before=-5", 400],
];

const exports = (): [url: string, type: RegExp][] => [
  ["/companies.json?window=month", /application\/json/],
  ["/companies.csv?sort=revenue", /text\/csv/],
  ["/stories.json?limit=501", /application\/json/],
  ["/stories.json?outcome=won", /application\/json/],
  ["/stories.csv?after=x", /text\/csv/],
];

describe("addresses with values", () => {
  it("answer 200 for every value the pages link to", async () => {
    for (const url of working()) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
    }
  });

  it("answer an odd value with 400, a malformed id with 404, on the friendly page", async () => {
    for (const [url, status] of malformed()) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.headers["content-type"], url).toMatch(/text\/html/);
      const page = parse(res.body);
      expect(page.querySelector("h1")?.textContent, url).toBe(status === 404 ? "Page not found" : "That request did not work");
      expect(page.querySelector('.error-page a[href="/"]'), url).not.toBeNull();
    }
  });

  it("answer the data exports' odd values with 400 in the export's own format", async () => {
    for (const [url, type] of exports()) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"], url).toMatch(type);
      expect(res.body, url).toContain("does not understand");
      if (type.source.includes("json")) expect(res.json(), url).toMatchObject({ error: "bad_request" });
    }
  });
});
