// The front page: each sort and filter, combined, and keyset paging that
// neither skips nor repeats a story, read through HTTP like a visitor would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createStory, createUser, MINUTE } from "../helpers/fixtures.js";
import { attr, attrs, fieldValue, find, nextHref, textOf } from "../helpers/html.js";

interface Fixture {
  id: number;
  company: string;
  otherParty: string | null;
  country: string;
  outcome: "resolved" | "no_response";
  responseSeconds: number | null;
  createdAt: number;
  activeAt: number;
  meToo: number;
}

/** The listed stories' ids, from their title links (/stories/:id/:slug). */
const storyIds = (html: string) => attrs(html, "h2.story-title a", "href").map((href) => Number(href.split("/")[2]));

describe("browsing the stories", () => {
  let t: TestApp;
  const base = Date.UTC(2025, 0, 1);
  const fixtures: Fixture[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const author = await createUser(db, "fixture_author");
    const orgs = { nokia: await createOrganisation(db, "Nokia"), "best-buy": await createOrganisation(db, "Best Buy"), optus: await createOrganisation(db, "Optus") };
    for (let i = 0; i < 60; i++) {
      const company = (["nokia", "best-buy", "optus"] as const)[i % 3]!;
      const otherParty = i % 4 === 0 && company !== "best-buy" ? "best-buy" : null;
      const responseSeconds = i % 2 ? [1800, 7200, 200_000][i % 3]! : null;
      // Pairs share a timestamp and sevens share a count: ties must page by id.
      const f: Omit<Fixture, "id"> = {
        company, otherParty, responseSeconds,
        country: i % 5 === 0 ? "DE" : "US",
        outcome: responseSeconds === null ? "no_response" : "resolved",
        createdAt: base + Math.floor(i / 2) * MINUTE,
        activeAt: base + (60 - Math.floor(i / 3)) * MINUTE,
        meToo: i % 7,
      };
      const id = await createStory(db, {
        author_id: author,
        company_id: orgs[company],
        other_party_id: otherParty ? orgs[otherParty] : null,
        title: `Browsing fixture story ${i}`,
        country: f.country,
        outcome: f.outcome,
        responseSeconds,
        escalated_at: new Date(base - 100 * 24 * 3600_000),
        created_at: new Date(f.createdAt),
        last_activity_at: new Date(f.activeAt),
        me_too_count: f.meToo,
      });
      fixtures.push({ id, ...f });
    }
  });
  afterAll(() => t.close());

  const order = (key: (f: Fixture) => number) => (list: Fixture[]) =>
    [...list].sort((a, b) => key(b) - key(a) || b.id - a.id).map((f) => f.id);
  const sorts = { new: order((f) => f.createdAt), active: order((f) => f.activeAt), top: order((f) => f.meToo) };

  /** Follows "older" links from `url` to the last page, collecting story ids. */
  async function walk(url: string) {
    const ids: number[] = [];
    const pages: string[] = [];
    for (let next: string | undefined = url; next; ) {
      const res = await t.app.inject(next);
      expect(res.statusCode).toBe(200);
      pages.push(next);
      ids.push(...storyIds(res.body));
      next = nextHref(res.body);
      expect(pages.length).toBeLessThan(10);
    }
    return { ids, pages };
  }

  for (const sort of ["new", "active", "top"] as const) {
    it(`pages through “${sort}” without gaps or repeats`, async () => {
      const { ids, pages } = await walk(sort === "new" ? "/" : `/?sort=${sort}`);
      expect(pages).toHaveLength(3);
      expect(ids).toEqual(sorts[sort](fixtures));
    });
  }

  it("marks the current sort and keeps filters in the sort links", async () => {
    const res = await t.app.inject("/?sort=top&country=DE");
    expect(attr(res.body, 'a[href="/?country=DE&sort=top"]', "aria-current")).toBe("page");
    expect(textOf(find(res.body, 'a[href="/?country=DE"]'))).toBe("Newest");
    expect(textOf(find(res.body, 'a[href="/?country=DE&sort=active"]'))).toBe("Active");
  });

  const filters: [string, string, (f: Fixture) => boolean][] = [
    ["company by name", "company=Nokia", (f) => f.company === "nokia"],
    ["company in another spelling", "company=NOKIA%20", (f) => f.company === "nokia"],
    ["other party", "other_party=best-buy", (f) => f.otherParty === "best-buy"],
    ["outcome", "outcome=no_response", (f) => f.outcome === "no_response"],
    ["response bucket", "response=under_24h", (f) => f.responseSeconds === 7200],
    ["no response bucket", "response=none", (f) => f.responseSeconds === null],
    ["country", "country=de", (f) => f.country === "DE"],
    ["company and country", "company=optus&country=DE", (f) => f.company === "optus" && f.country === "DE"],
    ["company, outcome and bucket", "company=nokia&outcome=resolved&response=under_1h", (f) => f.company === "nokia" && f.responseSeconds === 1800],
    ["other party, country, sorted by top", "other_party=Best%20Buy&country=US&sort=top", (f) => f.otherParty === "best-buy" && f.country === "US"],
    ["company sorted by active", "company=best-buy&sort=active", (f) => f.company === "best-buy"],
  ];
  for (const [what, query, keep] of filters) {
    it(`filters by ${what}, across pages`, async () => {
      const sort = (new URLSearchParams(query).get("sort") ?? "new") as keyof typeof sorts;
      const expected = sorts[sort](fixtures.filter(keep));
      expect(expected.length).toBeGreaterThan(0);
      const { ids, pages } = await walk(`/?${query}`);
      expect(ids).toEqual(expected);
      // Every page link keeps the filters, so a filtered list can be shared.
      for (const page of pages.slice(1)) expect(page).toMatch(/after=\d+/);
      if (pages.length > 1) expect(pages[1]).toContain(query.split("&")[0]!.split("=")[0]!);
    });
  }

  it("keeps the chosen filters in the form", async () => {
    const res = await t.app.inject("/?company=nokia&outcome=resolved&response=d1_3&country=US");
    expect(attr(res.body, "input#filter-company", "value")).toBe("Nokia");
    expect(fieldValue(res.body, "outcome")).toBe("resolved");
    expect(fieldValue(res.body, "response")).toBe("d1_3");
    expect(fieldValue(res.body, "country")).toBe("US");
    expect(find(res.body, 'a[href="/companies/nokia"]')).toBeDefined();
  });

  it("says so when no organisation has the typed name", async () => {
    const res = await t.app.inject("/?company=Nokla");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("No organisation is called “Nokla” here yet.");
    expect(storyIds(res.body)).toEqual([]);
  });

  it("answers any typed filter with a page, never an error", async () => {
    for (const query of [
      "company=%00", "company=' or 1=1 --", "country=ZZ", "country=<script>",
      `company=${"x".repeat(1500)}`, "other_party=%F0%9F%92%A9", "company=%ED%A0%80",
    ]) {
      const res = await t.app.inject(`/?${query}`);
      expect(res.statusCode, query).toBe(200);
      expect(res.body).not.toContain("<script>");
    }
  });

  it("answers a malformed cursor, sort or filter value with the friendly 400 page", async () => {
    for (const query of ["after=abc", "after=-5", "after=99999999999999999999", "after=1.5", "sort=sideways", "sort=top&sort=new", "outcome=%3Cscript%3E", "response=forever", `company=${"x".repeat(5000)}`]) {
      const res = await t.app.inject(`/?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toContain("That request did not work");
      expect(res.body).not.toContain("<script>");
    }
  });
});
