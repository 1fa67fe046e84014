// migrations/0022 walks the sorted observations with less work each, and
// computes the stored figures' window bounds once: every median, p90, crossing
// and curve point must stay what 0018's functions gave, to the last bit (the
// ageing moment: never sooner, since 0024 waits past harmless crossings), and
// every stored figure what 0011's view gave. 0018's functions are created again beside the current ones
// (in a schema of their own, inside a transaction that is rolled back) and both
// are given the same observations: many small sets full of ties (answers and
// silences at the same second, curve times that are observation times), one
// large set, and the edge cases.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { up as up0018 } from "../../migrations/0018_km_single_pass.js";
import { down as down0022, up as up0022 } from "../../migrations/0022_lean_figure_rounds.js";
import { CURVE_TIMES } from "../../server/companies/response-curve.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser, DAY } from "../helpers/fixtures.js";
import { insertStories, referenceKm, seededRandom, type StorySpec } from "./helpers.js";

let t: TestApp;

interface Compared {
  obs: (number | string)[] | null;
  km: (number | null)[];
  km0018: (number | null)[];
  curve: (number | null)[];
  curve0018: (number | null)[];
  dense: (number | null)[];
  dense0018: (number | null)[];
}

let rows: Compared[] = [];
/** company_figures_computed under 0011's view and 0018's functions, then under 0022's, in one transaction (one now()). */
let before: unknown[] = [];
let after: unknown[] = [];


/** Sorted observations (seconds × 2, + 1 when censored) over a few distinct seconds, so ties are everywhere. */
function observationSets(): number[][] {
  const next = seededRandom(13);
  const sets: number[][] = [];
  for (let g = 0; g < 400; g++) {
    const size = 1 + Math.floor(next() * 40);
    const spread = 1 + Math.floor(next() * 12);
    const silences = next();
    sets.push(Array.from({ length: size }, () => Math.floor(next() * spread) * 2 + (next() < silences ? 1 : 0)).sort((a, b) => a - b));
  }
  // One large set at the curve's scale: up to 100 days, a third silent.
  sets.push(Array.from({ length: 20_000 }, () => Math.floor(next() * 100 * 86_400) * 2 + (next() < 0.33 ? 1 : 0)).sort((a, b) => a - b));
  sets.push([], [1], [2], [1, 3, 5], [0, 0, 1], [2, 2, 2, 2], [7200, 7201, 28_800, 28_801, 86_400]);
  return sets;
}

beforeAll(async () => {
  t = await createTestApp();
  const sets = observationSets();
  const rollback = new Error("rollback");
  await t.database.db.transaction().execute(async (trx) => {
    // The app's own schema (a test database may give each app one), and 0018's functions in another.
    const { rows: [where] } = await sql<{ schema: string; path: string }>`select current_schema() as schema, current_setting('search_path') as path`.execute(trx);
    const app = sql.id(where!.schema);
    await sql`create schema km_0018`.execute(trx);
    await sql`select set_config('search_path', ${`km_0018, ${where!.path}`}, true)`.execute(trx);
    await up0018(trx);
    await sql`select set_config('search_path', ${where!.path}, true)`.execute(trx);
    const times = sql`${sql.val([...CURVE_TIMES])}::bigint[]`;
    // Times that are the small sets' own seconds, where the at-risk counts and crossings have their edge cases.
    const dense = sql`${sql.val([0, 1, 2, 3, 5, 8])}::bigint[]`;
    const found = await sql<Compared>`
      select x.obs,
        ${app}.company_figures_km(x.obs) as km, km_0018.company_figures_km(x.obs) as km0018,
        ${app}.company_pages_curve(x.obs, ${times}) as curve, km_0018.company_pages_curve(x.obs, ${times}) as curve0018,
        ${app}.company_pages_curve(x.obs, ${dense}) as dense, km_0018.company_pages_curve(x.obs, ${dense}) as dense0018
      from (select (${JSON.stringify(sets)}::jsonb -> i::integer)::text as raw from generate_series(0, ${sets.length - 1}) as i) j
      cross join lateral (select array(select jsonb_array_elements_text(j.raw::jsonb)::bigint) as obs) x
      union all
      select null, ${app}.company_figures_km(null), km_0018.company_figures_km(null),
        ${app}.company_pages_curve(null, ${times}), km_0018.company_pages_curve(null, ${times}),
        ${app}.company_pages_curve(null, ${dense}), km_0018.company_pages_curve(null, ${dense})`.execute(trx);
    rows = found.rows;
    throw rollback;
  }).catch((error: unknown) => {
    if (error !== rollback) throw error;
  });
});
beforeAll(async () => {
  const db = t.database.db;
  const author = await createUser(db);
  const next = seededRandom(7);
  // Two organisations, stories over three years in four countries and channels: answered within and after
  // 30 days, silent ones young and old, at the 12-month and 30-day edges, every outcome.
  for (const name of ["Lean Rounds Ltd", "Other Lean Co"]) {
    const company = await createOrganisation(db, name);
    const answeredOutcomes = ["pending", "resolved", "goodwill", "refused", "gave_up"] as const;
    const silentOutcomes = ["pending", "no_response", "gave_up"] as const;
    const specs: StorySpec[] = Array.from({ length: 160 }, (_, i) => {
      const response = next() < 0.3 ? null : Math.floor((next() * 60 * DAY) / 1000);
      return {
        daysAgo: i % 16 === 0 ? 365 + (i % 3) - 1 : i % 16 === 1 ? 30 + (i % 3) - 1 : next() * 1_100,
        response,
        country: ["GB", "US", "DE", "FR"][i % 4]!,
        channel: (["email", "phone", "letter", "social_dm"] as const)[Math.floor(i / 4) % 4]!,
        outcome: response === null ? silentOutcomes[i % silentOutcomes.length]! : answeredOutcomes[i % answeredOutcomes.length]!,
      };
    });
    await insertStories(db, { author_id: author, company_id: company }, specs);
  }
  const rollback = new Error("rollback");
  await db.transaction().execute(async (trx) => {
    const computed = () => sql`select * from company_figures_computed order by company_id, period, country, channel`.execute(trx);
    await down0022(trx);
    before = (await computed()).rows;
    await up0022(trx);
    after = (await computed()).rows;
    throw rollback;
  }).catch((error: unknown) => {
    if (error !== rollback) throw error;
  });
});
afterAll(() => t.close());

describe("the stored figures' scopes of migrations/0022", () => {
  it("give every row 0011's view gave, stale_at included", () => {
    expect(before.length).toBeGreaterThan(50);
    expect(after).toEqual(before);
  });
});

describe("the Kaplan–Meier walks of migrations/0022", () => {
  it("compared every set", () => {
    expect(rows).toHaveLength(409);
    expect(rows.filter((r) => (r.obs?.length ?? 0) > 1_000)).toHaveLength(1);
  });

  it("give 0018's median and p90 to the last bit, and an ageing moment never before 0018's first crossing", () => {
    for (const r of rows) {
      expect(r.km.slice(0, 2), JSON.stringify(r.obs)).toEqual(r.km0018.slice(0, 2));
      // migrations/0024 waits past crossings that cannot move either quantile (test/companies/km-ageing.test.ts).
      if (r.km[2] !== null) expect(r.km[2], JSON.stringify(r.obs)).toBeGreaterThanOrEqual(r.km0018[2]!);
    }
  });

  it("give 0018's response curve, stories at risk and crossing to the last bit", () => {
    for (const r of rows) {
      expect(r.curve, JSON.stringify(r.obs)).toEqual(r.curve0018);
      expect(r.dense, JSON.stringify(r.obs)).toEqual(r.dense0018);
    }
  });

  it("agree with the product-limit estimator worked out in the test", () => {
    for (const r of rows) {
      const observations = (r.obs ?? []).map((o) => ({ seconds: Math.floor(Number(o) / 2), answered: Number(o) % 2 === 0 }));
      expect(r.km.slice(0, 2), JSON.stringify(r.obs)).toEqual(referenceKm(observations));
    }
  });
});
