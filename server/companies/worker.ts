// Keeps company_figures, and the company pages' breakdowns and how-to-escalate
// tables (page-figures.ts, migrations/0013), up to date outside the requests. The story triggers
// only queue the touched (organisation, country, channel) in
// company_figures_queue, so posting never waits for a big organisation's
// recomputation; this worker drains the queue (and the rows that time alone has
// changed, see stale_at) one organisation per transaction, every POLL_MS. Several
// app processes share the work: company_figures_work_one() skips an organisation
// another one holds (advisory lock 1717), so none is recomputed twice at once.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { workOnePage } from "./page-figures.js";
import { ACROSS_ORGANISATIONS, bumpPageVersions } from "./page-versions.js";

/** Well under the promised 2 seconds, and an empty poll is two index probes. */
export const POLL_MS = 250;
/**
 * The longest wait between tries while the database is failing: once it is
 * back, the figures follow again within a second (a longer back-off left them
 * ~9 s behind after a 10-second outage).
 */
export const MAX_RETRY_MS = 1_000;

declare module "fastify" {
  interface FastifyInstance {
    figuresWorker: { lagSeconds(): number };
  }
}

async function workOne(db: Kysely<DB>, wait: boolean): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // A big organisation's sorted observations (100,000) fit in memory instead of spilling to disk (as in page-figures.ts).
    await sql`set local work_mem = '64MB'`.execute(trx);
    const { rows } = await sql<{ company: number | null }>`select company_figures_work_one(${wait}) as company`.execute(trx);
    const company = rows[0]?.company;
    if (company === null || company === undefined) return false;
    // Its page and the leaderboard show these figures: their kept renderings go with this commit.
    await bumpPageVersions(trx, [ACROSS_ORGANISATIONS, company]);
    return true;
  });
}

/**
 * Recomputes everything queued or due, one organisation (or page part) per
 * transaction, and returns how many were done. Figures and pages share neither
 * tables nor locks, so they are drained side by side (figures on one connection,
 * pages on two): a long backlog of one never holds up the other, and a change to a
 * big organisation waits for the longest of them, not their sum. With wait, it also waits for
 * organisations another worker is recomputing, so that on return every change
 * committed before the call shows in the figures (for tests, scripts and the bench).
 * Once `signal` aborts, each drain stops after the unit it is in (its transaction commits).
 */
export async function flushFigures(db: Kysely<DB>, { wait = true, signal }: { wait?: boolean; signal?: AbortSignal } = {}): Promise<number> {
  const drain = async (workOneOf: () => Promise<boolean>) => {
    let done = 0;
    // A closing app stops between units: after a bulk load the rows due by time alone take minutes.
    while (!signal?.aborted && (await workOneOf())) done++;
    return done;
  };
  // Two rounds of pages at once: an organisation's page and the routes across organisations a change touched.
  const done = await Promise.all([drain(() => workOne(db, wait)), drain(() => workOnePage(db, wait)), drain(() => workOnePage(db, wait))]);
  return done.reduce((a, b) => a + b, 0);
}

/** db: the worker's own pool where there is one (db/connect.ts, Database.workerDb), else the app's. */
export default fp(async function figuresWorker(app: FastifyInstance, opts: { db: Kysely<DB> }) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const closing = new AbortController();

  // After failures, wait a little longer (up to MAX_RETRY_MS); an outage is logged when it starts and when it ends.
  let delay = POLL_MS;
  let failures = 0;
  let drainedAt = Date.now();
  app.decorate("figuresWorker", { lagSeconds: () => (Date.now() - drainedAt) / 1000 });
  const tick = () => {
    running = flushFigures(opts.db, { wait: false, signal: closing.signal })
      .then(() => {
        if (failures > 0) app.log.info({ failures }, "company figures worker: the database answers again");
        failures = 0;
        delay = POLL_MS;
        drainedAt = Date.now();
      })
      // A failed round (a dropped connection, a statement timeout) is retried later.
      .catch((err: unknown) => {
        failures++;
        delay = Math.min(delay * 2, MAX_RETRY_MS);
        if (failures === 1) app.log.error({ err, retryInMs: delay }, "company figures worker");
      })
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, delay);
      });
  };

  app.addHook("onReady", async () => {
    timer = setTimeout(tick, POLL_MS);
  });
  // Before the database closes: stop polling and let the unit in progress commit.
  app.addHook("onClose", async () => {
    stopped = true;
    closing.abort();
    clearTimeout(timer);
    await running;
  });
});
