// What both benchmarks share: the app in a child process, autocannon runs with
// exact latency percentiles, a few CLI options and a plain-text table.
import autocannon from "autocannon";
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { fork, spawnSync } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { projectRoot } from "../folders.js";
import { loadConfig } from "../config.js";
import type { FromWorker, ToWorker, WorkerInput } from "./app-worker.js";

export interface BenchServer {
  url: string;
  /** Starts the bare route serving `html`; resolves to its URL. */
  bare(html: string): Promise<string>;
  /** The app process's peak RSS in MB since the last call (or its start). */
  peakMemory(): Promise<number>;
  close(): Promise<void>;
}

/** The app in a child process running the compiled JavaScript, built first if a source changed (as npm start does). */
export async function startBenchServer(input: WorkerInput): Promise<BenchServer> {
  const build = spawnSync(process.execPath, [path.join(projectRoot, "server", "start.mjs"), "--build"], { cwd: projectRoot, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the TypeScript build failed");
  const child = fork(path.join(projectRoot, "dist", "server", "bench", "app-worker.js"), [], {
    cwd: projectRoot,
    env: { ...process.env, BENCH_WORKER_INPUT: JSON.stringify(input) },
    // BENCH_CPU_PROF=folder: the app process writes a V8 CPU profile there when it exits.
    execArgv: process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = (type: FromWorker["type"]) =>
    new Promise<FromWorker>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the app process exited with ${code}`));
      const onMessage = (message: FromWorker) => {
        if (message.type !== type) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(message);
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  const post = (message: ToWorker) => child.send(message);
  const ready = await next("ready");
  return {
    url: (ready as { url: string }).url,
    async bare(html) {
      const answer = next("bare-ready");
      post({ type: "bare", html });
      return ((await answer) as { url: string }).url;
    },
    async peakMemory() {
      const answer = next("memory");
      post({ type: "memory" });
      return ((await answer) as { peakMb: number }).peakMb;
    },
    async close() {
      const exited = child.exitCode === null ? once(child, "exit") : Promise.resolve();
      post({ type: "close" });
      await exited;
    },
  };
}

export interface LoadResult {
  name: string;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers and socket errors: a run with any is not a fair figure. */
  failures: number;
  bytesPerRequest: number;
  /** Median of five requests sent one at a time (after one unmeasured), before the load: the page's own cost. */
  alone: number;
  /** Every measured response time (ms), sorted, and the seconds they were measured over. */
  times: number[];
  seconds: number;
}

/** One result from several runs of the same page (the A's of an A B A B run). */
export function mergeRuns(runs: readonly LoadResult[]): LoadResult {
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  return {
    name: runs[0]!.name,
    requests,
    reqPerSec: requests / seconds,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
    bytesPerRequest: runs.reduce((sum, r) => sum + r.bytesPerRequest * r.requests, 0) / Math.max(1, requests),
    alone: percentile([...runs.map((r) => r.alone)].sort((a, b) => a - b), 0.5),
    times,
    seconds,
  };
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** The request headers; a list gives each connection its own (one member per connection), in turn. */
  headers?: Record<string, string> | Record<string, string>[];
  /** Seconds of unmeasured load first: JIT, caches, pool connections. */
  warmup?: number;
}

/** Drives `url` with autocannon and reports its own per-response times as p50/p95/p99 (ms). */
export async function load(name: string, url: string, opts: LoadOptions): Promise<LoadResult> {
  const run = async (seconds: number, record: boolean) => {
    const times: number[] = [];
    let failures = 0;
    let instance: autocannon.Instance | undefined;
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      let next = 0;
      const { headers } = opts;
      const perConnection = Array.isArray(headers)
        ? { setupClient: (client: autocannon.Client) => client.setHeaders(headers[next++ % headers.length]) }
        : { headers };
      instance = autocannon({ url, connections: opts.connections, duration: seconds, ...perConnection }, (error: Error | null, result) =>
        error ? reject(error) : resolve(result),
      );
    });
    if (record) {
      instance!.on("response", (_client, status, _bytes, ms) => {
        times.push(ms);
        if (status < 200 || status >= 300) failures++;
      });
    }
    const result = await finished;
    return { result, times, failures: failures + result.errors + result.timeouts };
  };
  const once = async () => {
    const response = await fetch(url, { headers: Array.isArray(opts.headers) ? opts.headers[0] : opts.headers });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    await response.arrayBuffer();
  };
  // A page that fails alone (a 503 on a loaded machine) is counted, not fatal: the run goes on.
  let aloneFailures = 0;
  const tolerant = () => once().catch(() => void aloneFailures++);
  await tolerant();
  const alone = await timeRuns(5, tolerant);
  if ((opts.warmup ?? 2) > 0) await run(opts.warmup ?? 2, false);
  const { result, times, failures } = await run(opts.seconds, true);
  times.sort((a, b) => a - b);
  return {
    name,
    requests: times.length,
    reqPerSec: times.length / opts.seconds,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    failures: failures + aloneFailures,
    bytesPerRequest: result.requests.total ? result.throughput.total / result.requests.total : 0,
    alone: percentile(alone, 0.5),
    times,
    seconds: opts.seconds,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Milliseconds of `fn`, `times` times in a row. */
export async function timeRuns(times: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export const ms = (value: number) => (Number.isNaN(value) ? "-" : value < 10 ? value.toFixed(2) : value.toFixed(1));

/** DATABASE_URL (required: the benches read a generated data set) and the common options. */
export function benchSetup(defaults: { connections: number; seconds: number }) {
  const { values } = parseArgs({
    options: {
      connections: { type: "string" },
      duration: { type: "string" },
      search: { type: "string" },
      iterations: { type: "string" },
      only: { type: "string" },
    },
  });
  const number = (raw: string | undefined, fallback: number, name: string) => {
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1, got "${raw}"`);
    return n;
  };
  const databaseUrl = loadConfig().databaseUrl;
  if (!databaseUrl) {
    console.error("The benchmarks read a generated data set on a PostgreSQL server: set DATABASE_URL and run npm run generate first.");
    process.exit(1);
  }
  return {
    databaseUrl,
    connections: number(values.connections, defaults.connections, "connections"),
    seconds: number(values.duration, defaults.seconds, "duration"),
    iterations: values.iterations === undefined ? undefined : number(values.iterations, 1, "iterations"),
    search: values.search,
    /** --only companies,threads: the sections to run (all when absent). */
    only: values.only === undefined ? null : new Set(values.only.split(",").map((name) => name.trim())),
  };
}

/** The machine, for the record next to the figures. */
export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`;
}
