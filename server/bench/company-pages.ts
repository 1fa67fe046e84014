// The company pages' kept figures at a million stories, without the app server:
// the leaderboard's stored read against the full scan (database time, as in
// bench:leaderboard), the biggest organisation's page figures as kept against
// computed from its stories and steps (round trips), and what the figures worker
// spends recomputing that page and the busiest route across organisations.
// DATABASE_URL=… npx tsx server/bench/company-pages.ts (PGOPTIONS="-c statement_timeout=0" on a database with a 15 s limit)
import { CompiledQuery, sql, type Compilable, type Kysely } from "kysely";
import { connectPostgres } from "../db/connect.js";
import type { DB } from "../db/schema.js";
import { leaderboard, leaderboardByFullScan, leaderboardQuery } from "../companies/figures.js";
import { monthlyTrend, responseHistogram, steppedIn } from "../companies/breakdowns.js";
import { companyPageFigures, steppedInPage } from "../companies/company-page.js";
import { responseCurve } from "../companies/response-curve.js";
import { routesToEscalate } from "../companies/routes-to-escalate.js";
import { refreshRoute, refreshWholePage } from "../companies/page-figures.js";
import { machine, ms, percentile, timeRuns } from "./harness.js";
const database = connectPostgres({ kind: "postgres", url: process.env.DATABASE_URL!, poolSize: 2 }, () => {});
const db = database.db;
async function serverTimes(on: Kysely<DB>, query: Compilable, runs: number) {
  const { sql: text, parameters } = query.compile();
  const explain = CompiledQuery.raw(`explain (analyze, timing off, summary, format json) ${text}`, [...parameters]);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { rows } = await on.executeQuery<any>(explain);
    const plan = rows[0]!["QUERY PLAN"][0]!;
    out.push(plan["Planning Time"] + plan["Execution Time"]);
  }
  return out.sort((a, b) => a - b);
}
const stats = (name: string, s: number[]) => `| ${name} | ${s.length} | ${ms(percentile(s, 0.5))} | ${ms(percentile(s, 0.95))} |`;
console.log("machine:", machine());
const big = (await sql<{ id: number; stories: number }>`select company_id as id, stories from company_figures where period='all' and country='' and channel='' order by stories desc limit 1`.execute(db)).rows[0]!;
console.log("biggest", big);
const query = { period: "12m" as const, country: "", channel: "", sort: "rank" as const, page: 1 };
await timeRuns(5, () => leaderboard(db, query));
const storedIn = await serverTimes(db, leaderboardQuery(db, query), 100);
const scanIn = await db.connection().execute(async (c) => { await sql`set statement_timeout = 0`.execute(c); await sql`set jit = off`.execute(c); return serverTimes(c, leaderboardByFullScan(c, "12m"), 3); });
const slice = { limit: 10, offset: 0 };
const kept = () => Promise.all([companyPageFigures(db, big.id, "12m"), steppedInPage(db, big.id, "12m", slice)]);
await timeRuns(5, kept);
const keptRuns = await timeRuns(100, kept);
const liveRuns = await db.connection().execute(async (c) => { await sql`set statement_timeout = 0`.execute(c); return timeRuns(3, () => Promise.all([responseHistogram(c, big.id, "12m"), monthlyTrend(c, big.id, "12m"), responseCurve(c, big.id, "12m"), routesToEscalate(c, big.id, "12m"), steppedIn(c, big.id, "12m", slice)])); });
const round = await db.connection().execute(async (c) => { await sql`set statement_timeout = 0`.execute(c); return timeRuns(3, () => c.transaction().execute(async (trx) => { await sql`set local jit = off`.execute(trx); await refreshWholePage(trx, big.id); })); });
const routeRound = await db.connection().execute(async (c) => { await sql`set statement_timeout = 0`.execute(c); return timeRuns(3, () => c.transaction().execute(async (trx) => { await sql`set local jit = off`.execute(trx); await refreshRoute(trx, 0, { channel: "email", writtenTo: "ceo" }); })); });
console.log(["| measured (ms) | runs | p50 | p95 |", "| --- | ---: | ---: | ---: |",
  stats("leaderboard read, stored figures, 12 months, page 1: in the server", storedIn),
  stats("full-scan GROUP BY + Kaplan–Meier, 12 months: in the server", scanIn),
  stats(`biggest page's figures as kept (company-page.ts), round trips`, keptRuns),
  stats(`the same computed from its ${big.stories} stories and their steps`, liveRuns),
  stats("worker: recomputing the biggest organisation's page", round),
  stats("worker: recomputing email × CEO across every organisation", routeRound)].join("\n"));
console.log(`ratio leaderboard: ${(percentile(scanIn, 0.5) / percentile(storedIn, 0.95)).toFixed(0)}x; page figures: ${(percentile(liveRuns, 0.5) / percentile(keptRuns, 0.95)).toFixed(0)}x`);
console.log("load after:", machine());
await database.close();
