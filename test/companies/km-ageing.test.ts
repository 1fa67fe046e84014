// The ageing moment company_figures_km returns (migrations/0024): until then,
// however the silences age, the median and p90 stay exactly what they are.
// Checked by ageing every silence of many observation sets by amounts up to
// the moment (and, where it says "never", by ten years) and walking again; and
// for a big scope the moment lies far past its first crossing, which is what
// keeps the figures worker from recomputing big scopes every minute.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/connect.js";
import { createTestDatabase } from "../helpers/database.js";
import { seededRandom } from "./helpers.js";

let database: Database;


const DAY = 86_400;

/** Sorted observations (seconds × 2, + 1 when still waiting). */
function observationSets(): number[][] {
  const next = seededRandom(29);
  const sets: number[][] = [];
  // Small sets over a few distinct seconds: ties between answers and silences everywhere.
  for (let g = 0; g < 300; g++) {
    const size = 1 + Math.floor(next() * 30);
    const spread = 1 + Math.floor(next() * 12);
    const silences = next();
    sets.push(Array.from({ length: size }, () => Math.floor(next() * spread) * 2 + (next() < silences ? 1 : 0)));
  }
  // Scopes as stories give them: answers from minutes to weeks, silences young and old.
  for (let g = 0; g < 60; g++) {
    const size = 5 + Math.floor(next() ** 3 * 3_000);
    const silent = 0.1 + next() * 0.5;
    sets.push(Array.from({ length: size }, () => (next() < silent
      ? Math.floor(next() * 400 * DAY) * 2 + 1
      : Math.floor(Math.exp(next() * Math.log(30 * DAY))) * 2)));
  }
  return sets.map((set) => set.sort((a, b) => a - b));
}

interface Aged {
  moment: number | null;
  km: (number | null)[];
  aged: (number | null)[][];
}

let results: Aged[] = [];

const walk = async (obs: number[]) =>
  (await sql<{ km: (number | null)[] }>`select company_figures_km(${sql.val(obs)}::bigint[]) as km`.execute(database.db)).rows[0]!.km;

/** The observations after `seconds` more of waiting: every silence that much older. */
const aged = (obs: number[], seconds: number) => obs.map((o) => (o % 2 === 1 ? o + 2 * seconds : o)).sort((a, b) => a - b);

beforeAll(async () => {
  database = await createTestDatabase();
  // Each set's moment, then the set walked again with its silences aged by 0, a third, two thirds and
  // all of the moment less one second (ten years when it says never).
  for (const obs of observationSets()) {
    const km = await walk(obs);
    const moment = km[2] ?? null;
    const by = moment === null ? [10 * 365 * DAY] : [0, 1, 2, 3].map((k) => Math.max(0, Math.floor(((moment - 1) * k) / 3)));
    results.push({ moment, km, aged: await Promise.all(by.map((seconds) => walk(aged(obs, seconds)))) });
  }
});
afterAll(() => database.close());

describe("the Kaplan–Meier ageing moment", () => {
  it("was computed for every set", () => {
    expect(results).toHaveLength(360);
    expect(results.filter((r) => r.moment === null).length).toBeGreaterThan(10);
    expect(results.filter((r) => r.moment !== null).length).toBeGreaterThan(100);
  });

  it("keeps the median and p90 unchanged however the silences age before it", () => {
    for (const [i, r] of results.entries()) {
      for (const aged of r.aged) expect(aged.slice(0, 2), `set ${i}, moment ${r.moment}`).toEqual(r.km.slice(0, 2));
    }
  });

  it("lies far past the first crossing for a scope of many stories", async () => {
    // 20,000 answers from a minute to 30 days and 6,000 silences over 400 days: one of the young silences
    // passes an answer time every few seconds, but each moves S at the median or p90 by parts in a million.
    const next = seededRandom(5);
    const obs = [
      ...Array.from({ length: 20_000 }, () => Math.floor(Math.exp(Math.log(60) + next() * Math.log(30 * DAY / 60))) * 2),
      ...Array.from({ length: 6_000 }, () => Math.floor(next() * 400 * DAY) * 2 + 1),
    ].sort((a, b) => a - b);
    const [median, p90, moment] = await walk(obs);
    let firstCrossing = Infinity;
    for (const [i, o] of obs.entries()) {
      const nextAnswer = o % 2 === 1 ? obs.slice(i + 1).find((x) => x % 2 === 0) : undefined;
      if (nextAnswer !== undefined && nextAnswer / 2 <= (p90 ?? median!)) firstCrossing = Math.min(firstCrossing, nextAnswer / 2 - (o - 1) / 2);
    }
    expect(median).not.toBeNull();
    expect(firstCrossing).toBeLessThan(60);
    expect(moment).toBeGreaterThanOrEqual(30 * 60);
    // And it holds there: aged by the moment less a second, the same quantiles.
    expect((await walk(aged(obs, moment! - 1))).slice(0, 2)).toEqual([median, p90]);
  });
});
