// npm run bench: every row of issue #12's table on the data set npm run
// generate made, each comparison run as pairs interleaved A B A B in one run
// (the machine is shared: absolute figures move with its load, ratios less),
// printed as goal / measured / ratio / met or missed with the load average.
//   --connections 10 --duration 6 (seconds per page, split over two rounds)
//   --only threads,search,filters,long-thread,companies,compression,start (all when absent)
import { spawn } from "node:child_process";
import { once } from "node:events";
import { get, type IncomingMessage } from "node:http";
import { sql } from "kysely";
import { connectPostgres } from "../db/connect.js";
import { companyPath, storyPath } from "../lib/paths.js";
import { projectRoot } from "../folders.js";
import { SORT_KEYS } from "../stories/list-schema.js";
import { benchSetup, load, machine, mergeRuns, ms, percentile, startBenchServer, table, timeRuns, type LoadOptions, type LoadResult } from "./harness.js";
import { ensureThread } from "./thousand-replies.js";
import { createLoggedInMembers, memberBrowser, removeBenchMember } from "./member.js";

const options = benchSetup({ connections: 10, seconds: 6 });
const section = (name: "threads" | "search" | "filters" | "long-thread" | "companies" | "compression" | "start") => !options.only || options.only.has(name);
const database = connectPostgres({ kind: "postgres", url: options.databaseUrl, poolSize: 2 }, () => {});
const db = database.db;

const hundred = await db.selectFrom("stories").select(["id", "slug", "reply_count"]).where("hidden_at", "is", null).where("deleted_at", "is", null)
  .where("reply_count", "<", 500).orderBy("reply_count", "desc").limit(1).executeTakeFirst();
if (!hundred) {
  console.error("No stories: run npm run generate first.");
  process.exit(1);
}
const thousand = section("long-thread") ? await ensureThread(db, 1000) : null;
const biggest = await sql<{ slug: string; stories: number }>`
  select o.slug, f.stories from company_figures f join organisations o on o.id = f.company_id
  where f.period = 'all' and f.country = '' and f.channel = '' order by f.stories desc limit 1`.execute(db);
const big = biggest.rows[0]!;

// The logged-in rows: as many members as connections, one each, so a member's requests are not all one session.
const members = await createLoggedInMembers(db, 64);

/** met null: a reference row, no goal of its own. */
interface Row { page: string; goal: string; measured: string; ratio: string; met: boolean | null }
const rows: Row[] = [];
const row = (page: string, goal: string, measured: string, ratio: number | null, met: boolean | null) =>
  rows.push({ page, goal, measured, ratio: ratio === null ? "" : ratio.toFixed(2), met });
const lat = (r: LoadResult) => `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)} ms, ${r.reqPerSec.toFixed(0)} req/s${r.failures ? `, ${r.failures} failed` : ""}`;

/** Pages measured in turns, A B A B: each gets `seconds` in all, over two rounds. */
async function interleaved(pages: { name: string; url: string; headers?: LoadOptions["headers"]; connections?: number }[], seconds = options.seconds) {
  const runs = pages.map(() => [] as LoadResult[]);
  for (let round = 0; round < 2; round++) {
    for (const [i, page] of pages.entries()) {
      process.stderr.write(`${page.name} (round ${round + 1}) …\n`);
      runs[i]!.push(await load(page.name, page.url, { connections: page.connections ?? options.connections, seconds: Math.max(1, Math.round(seconds / 2)), headers: page.headers, warmup: round ? 0 : 1 }));
    }
  }
  return runs.map(mergeRuns);
}

/** The body's size as sent (fetch would decompress it). */
async function bytesOnTheWire(target: string, acceptEncoding: string): Promise<{ encoding: string | undefined; bytes: number }> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => get(target, { headers: { "accept-encoding": acceptEncoding } }, resolve).on("error", reject));
  let bytes = 0;
  for await (const chunk of response) bytes += (chunk as Buffer).length;
  const encoding = response.headers["content-encoding"];
  return { encoding: typeof encoding === "string" ? encoding : undefined, bytes };
}

/** Milliseconds from `node server/start.mjs` to its first 200: the plain-JavaScript start (the build is current). */
async function warmStart(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["server/start.mjs"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: options.databaseUrl, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", SEED_DEMO: "false" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    for (;;) {
      const url = output.match(/Open (http:\/\/\S+)/)?.[1];
      if (url) {
        const response = await fetch(url.replace("localhost", "127.0.0.1")).catch(() => undefined);
        if (response?.status === 200) return performance.now() - started;
      }
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill("SIGTERM");
    if (child.exitCode === null) await once(child, "exit");
  }
}

const server = await startBenchServer({ databaseUrl: options.databaseUrl, poolSize: 10 });
try {
  const url = (path: string) => `${server.url}${path}`;
  const page = await fetch(url(storyPath(hundred)));
  if (!page.ok) throw new Error(`${storyPath(hundred)} answered ${page.status}`);
  const bareUrl = await server.bare(await page.text());
  const browsers = await Promise.all(members.map((m) => memberBrowser(server.url, m.sessionId)));
  const loggedIn = browsers[0]!;
  const threadName = `${hundred.reply_count}-reply thread`;

  // The thread against the same bytes from memory.
  if (section("threads")) {
    await server.peakMemory(); // from here on: the peak under the thread loads
    const [out, inn, bare] = await interleaved([
      { name: `${threadName}, logged out`, url: url(storyPath(hundred)) },
      { name: `${threadName}, logged in`, url: url(storyPath(hundred)), headers: browsers },
      { name: "bare Fastify, the thread's bytes", url: bareUrl },
    ]);
    row(`${threadName}, logged out ÷ bare`, "≥ 0.5 of bare", `${out!.reqPerSec.toFixed(0)} vs ${bare!.reqPerSec.toFixed(0)} req/s; ${lat(out!)}`, out!.reqPerSec / bare!.reqPerSec, out!.reqPerSec / bare!.reqPerSec >= 0.5 && !out!.failures);
    row(`${threadName}, logged in`, "≥ 0.2 of bare; p99 ≤ 100 ms", lat(inn!), inn!.reqPerSec / bare!.reqPerSec, inn!.reqPerSec / bare!.reqPerSec >= 0.2 && inn!.p99 <= 100 && !inn!.failures);
    const rss = await server.peakMemory();
    row("RSS under the logged-in load", "≤ 250 MB", `${rss.toFixed(0)} MB peak of the app's own process`, null, rss <= 250);
  }

  // Searches against the home page.
  if (section("search")) {
    for (const text of ["refund", "order", "refund OR order", '"credit card"', "Bestellung"]) {
      const [search, home] = await interleaved([{ name: `search ${text}`, url: url(`/search?q=${encodeURIComponent(text)}`) }, { name: "home page", url: url("/") }]);
      const ratio = search!.p95 / home!.p95;
      row(`search ${text}`, "p95 ≤ 10× home's p95", `${lat(search!)}; home p95 ${ms(home!.p95)} ms`, ratio, ratio <= 10 && !search!.failures);
    }
    const [storm] = await interleaved([{ name: "search refund, 64 connections", url: url("/search?q=refund"), connections: 64 }]);
    row("search refund, 64 connections", "no 503", lat(storm!), null, storm!.requests > 0 && storm!.failures === 0);
  }

  // Every filter combination without a company, each sort, one request at a time against that sort's page 1.
  if (section("filters")) {
    const filters = { country: "DE", outcome: "goodwill", bucket: "under_1h" } as const;
    const keys = Object.keys(filters) as (keyof typeof filters)[];
    let worst = { ratio: 0, what: "" };
    for (const sort of SORT_KEYS) {
      const first = url(`/?sort=${sort}`);
      for (let mask = 1; mask < 1 << keys.length; mask++) {
        const chosen = keys.filter((_, i) => mask & (1 << i));
        const filtered = url(`/?sort=${sort}&${chosen.map((k) => `${k}=${filters[k]}`).join("&")}`);
        const a: number[] = [], b: number[] = [];
        // 40 pairs: the p95 of ten was their slowest, one pause of the machine's.
        for (let i = 0; i < 40; i++) {
          // As a member, on both sides: the queries' cost, not a kept visitor's page (plugins/kept-pages.ts).
          a.push(...(await timeRuns(1, () => fetch(filtered, { headers: loggedIn }).then((r) => r.arrayBuffer()))));
          b.push(...(await timeRuns(1, () => fetch(first, { headers: loggedIn }).then((r) => r.arrayBuffer()))));
        }
        a.sort((x, y) => x - y);
        b.sort((x, y) => x - y);
        const ratio = percentile(a, 0.95) / percentile(b, 0.95);
        if (ratio > worst.ratio) worst = { ratio, what: `${chosen.join(" × ")}, sort ${sort}: p95 ${ms(percentile(a, 0.95))} ms vs page 1 ${ms(percentile(b, 0.95))} ms` };
      }
    }
    row("list filters, 21 combinations × sorts, as a member (worst shown)", "each ≤ 5× page 1", worst.what, worst.ratio, worst.ratio <= 5);
  }

  if (section("long-thread")) {
    const [long, short] = await interleaved([
      { name: "1,000-reply thread", url: url(storyPath(thousand!)) },
      { name: threadName, url: url(storyPath(hundred)) },
    ]);
    row("1,000-reply thread (paged)", "p95 ≤ 2× the 100-reply thread", `${lat(long!)}; ${(long!.bytesPerRequest / 1024).toFixed(0)} kB`, long!.p95 / short!.p95, long!.p95 / short!.p95 <= 2);
  }

  if (section("companies")) {
    // The ceiling on this machine: the same bytes from memory, no lookup at all.
    const companyBare = await server.bare(await (await fetch(url(companyPath(big)))).text());
    const [companies, company, companyIn, companyBr, companyInGzip, bareCompany] = await interleaved([
      { name: "/companies", url: url("/companies"), connections: 64 },
      { name: "biggest company", url: url(companyPath(big)), connections: 64 },
      { name: "biggest company, logged in", url: url(companyPath(big)), headers: browsers, connections: 64 },
      // What a browser asks for: the page compressed.
      { name: "biggest company, Accept-Encoding br", url: url(companyPath(big)), headers: { "accept-encoding": "br" }, connections: 64 },
      // A member's browser asks the same; a member's page is a gzip stream of parts deflated once.
      { name: "biggest company, logged in, Accept-Encoding gzip, deflate, br", url: url(companyPath(big)), headers: browsers.map((b) => ({ ...b, "accept-encoding": "gzip, deflate, br" })), connections: 64 },
      { name: "bare Fastify, the biggest company page's bytes", url: companyBare, connections: 64 },
    ]);
    row("/companies, 64 connections", "p99 ≤ 50 ms", lat(companies!), null, companies!.p99 <= 50);
    row(`biggest company (${big.stories.toLocaleString("en")} stories), logged out, 64 conn.`, "p99 ≤ 50 ms", lat(company!), null, company!.p99 <= 50);
    row("biggest company, logged in, 64 conn.", "p99 ≤ 50 ms", lat(companyIn!), null, companyIn!.p99 <= 50);
    row("(reference) bare Fastify, the same page's bytes, 64 conn.", "", lat(bareCompany!), null, null);
    row("biggest company, logged out, brotli, 64 conn.", "p99 ≤ 50 ms", `${lat(companyBr!)}; ${(companyBr!.bytesPerRequest / 1024).toFixed(0)} kB vs ${(company!.bytesPerRequest / 1024).toFixed(0)} kB`, null, companyBr!.p99 <= 50);
    row("biggest company, logged in, as a browser asks (gzip), 64 conn.", "p99 ≤ 50 ms", `${lat(companyInGzip!)}; ${(companyInGzip!.bytesPerRequest / 1024).toFixed(0)} kB`, null, companyInGzip!.p99 <= 50);
  }

  if (section("compression")) {
    const wire = await bytesOnTheWire(url(storyPath(hundred)), "br, gzip");
    const plain = (await (await fetch(url(storyPath(hundred)), { headers: { "accept-encoding": "identity" } })).arrayBuffer()).byteLength;
    row("response bodies", "brotli/gzip by Accept-Encoding", `thread: ${wire.encoding ?? "not compressed"}, ${(wire.bytes / 1024).toFixed(0)} kB on the wire (${(plain / 1024).toFixed(0)} kB plain)`, null, wire.encoding === "br");
  }

  if (section("start")) {
    const starts = [await warmStart(), await warmStart(), await warmStart()].sort((x, y) => x - y);
    row("warm npm start to the first 200", "≤ 3 s", `${(starts[1]! / 1000).toFixed(2)} s (median of 3: ${starts.map((s) => (s / 1000).toFixed(2)).join(", ")})`, null, starts[1]! <= 3000);
  }
} finally {
  await server.close();
  for (const m of members) await removeBenchMember(db, m.id);
  await database.close();
}

console.log(`\nnpm run bench: ${options.connections} connections unless said, ${options.seconds} s a page over two interleaved rounds`);
console.log(`machine: ${machine()}\n`);
console.log(table(["page", "goal", "measured", "ratio", "result"], rows.map((r) => [r.page, r.goal, r.measured, r.ratio, r.met === null ? "" : r.met ? "met" : "MISSED"])));
