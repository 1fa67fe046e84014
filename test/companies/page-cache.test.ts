// Logged-out leaderboard pages are reused for PAGE_CACHE_MS, and never longer,
// so the figures still show a change within 2 seconds; members always get a fresh page.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../server/db/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { type Agent, signedUp } from "../helpers/browser-agent.js";
import { createOrganisation, createUser } from "../helpers/fixtures.js";
import { insertStories, leaderboardRows } from "./helpers.js";

describe("the leaderboard's short page cache", () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let author: number;
  let company: number;
  let member: Agent;
  beforeAll(async () => {
    t = await createTestApp({ config: { pageCacheMs: 1500 } });
    db = t.database.db;
    author = await createUser(db, "cache_author");
    company = await createOrganisation(db, "Cachecorp");
    await insertStories(db, { author_id: author, company_id: company }, [600, 1200, 1800, 2400, 3000].map((response) => ({ response })));
    member = await signedUp(t.app, "cache_member");
  });
  afterAll(() => t.close());
  const stories = async (html: string) => leaderboardRows(html).find((r) => r.slug === "cachecorp")?.stories;

  it("serves the same page to visitors for a moment, then the new figures", async () => {
    expect(await stories((await t.app.inject("/companies")).body)).toBe(5);
    await insertStories(db, { author_id: author, company_id: company }, [{ response: 3600 }]);
    // Within the cache's lifetime a visitor still gets the page rendered before the change…
    expect(await stories((await t.app.inject("/companies")).body)).toBe(5);
    // …a member, whose page carries their own header, never does…
    const fresh = await member.get("/companies");
    expect(await stories(fresh.body)).toBe(6);
    expect(fresh.body).toContain("cache_member");
    // …and once it expires, neither does a visitor.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const later = await t.app.inject("/companies");
    expect(await stories(later.body)).toBe(6);
    expect(later.body).not.toContain("cache_member");
    expect(later.headers["content-security-policy"]).toBeDefined();
  });

  it("keys the cache by the whole address", async () => {
    const all = await t.app.inject("/companies?window=all");
    expect(all.body).toContain('aria-current="page"');
    expect(all.body).not.toBe((await t.app.inject("/companies")).body);
  });
});
