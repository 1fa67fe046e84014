// Postgres itself frozen: every process of a cluster stopped with SIGSTOP for
// 20 seconds (a stalled disk or a VM pause looks like this: connections open,
// nothing answers). The cluster is the scaling services' own freezable one.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectPostgres, type Database } from "../../server/db/connect.js";
import { prepareDatabase } from "../../server/db/startup.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createServerDatabase, describeWithServers, env, eventually } from "../helpers/servers.js";

/** The postmaster of the cluster in dataDir and every process it started. */
function clusterPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const children = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent; the command name (field 2) may hold spaces, so read after its ")".
        return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1]) === postmaster;
      } catch {
        return false; // the process ended meanwhile
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

const signalAll = (pids: number[], signal: NodeJS.Signals) => {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // gone already
    }
  }
};

const timed = async <T>(work: Promise<T>) => {
  const started = Date.now();
  const result = await work;
  return { result, ms: Date.now() - started };
};

describeWithServers(["TEST_FREEZABLE_URL", "TEST_FREEZABLE_DATA"], "Postgres frozen with SIGSTOP", () => {
  let fresh: Awaited<ReturnType<typeof createServerDatabase>>;
  let setup: Database;
  let testApp: TestApp;
  beforeAll(async () => {
    fresh = await createServerDatabase(env("TEST_FREEZABLE_URL"));
    setup = connectPostgres({ kind: "postgres", url: fresh.url }, () => {});
    await prepareDatabase(setup, { seedDemo: true }, () => {});
    // What the server does with DATABASE_TIMEOUT_MS=2500 (server/db/open.ts).
    const database = connectPostgres({ kind: "postgres", url: fresh.url, poolSize: 4, connectTimeoutMs: 2_500, queryTimeoutMs: 2_500 }, () => {});
    testApp = await createTestApp({ database });
  }, 60_000);
  afterAll(async () => {
    await testApp?.close();
    await setup?.close();
    await fresh?.drop();
  });

  it("for 20 seconds: every request answers within a few seconds (the 503 page, JSON and CSV in their own format), /healthz within 2 s; pages return after", async () => {
    const { app } = testApp;
    expect((await app.inject("/")).statusCode).toBe(200);
    const pids = clusterPids(env("TEST_FREEZABLE_DATA"));
    expect(pids.length).toBeGreaterThan(3); // the postmaster and its workers
    signalAll(pids, "SIGSTOP");
    let rounds = 0;
    try {
      const until = Date.now() + 20_000;
      while (Date.now() < until) {
        const [home, story, json, csv, health] = await Promise.all(["/", "/stories/1/x", "/companies.json", "/companies.csv", "/healthz"].map((url) => timed(app.inject(url))));
        for (const answer of [home!, story!, json!, csv!]) {
          expect(answer.result.statusCode).toBe(503);
          expect(answer.ms).toBeLessThan(6_000);
        }
        expect(home!.result.body).toContain("cannot reach its database");
        expect(json!.result.headers["content-type"]).toMatch(/application\/json/);
        expect(csv!.result.headers["content-type"]).toMatch(/text\/csv/);
        expect(health!.result.statusCode).toBe(200);
        expect(health!.ms).toBeLessThan(2_000);
        rounds++;
      }
    } finally {
      signalAll(pids, "SIGCONT");
    }
    expect(rounds).toBeGreaterThanOrEqual(3);
    await eventually(async () => (await app.inject("/")).statusCode === 200, 10_000, "pages again once Postgres runs");
  }, 90_000);
});
