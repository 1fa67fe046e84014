// The benchmark data set: organisations, members, stories with varied facts,
// replies, "me too"s and one 100-reply thread. Rows are drawn in JavaScript
// (seeded, so a seed gives one data set) and written in batches by `jobs`
// connections at once, in bulk-load mode (bulk-load.ts); then the planner
// statistics and the visibility map are refreshed with VACUUM ANALYZE.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { renderMarkdown } from "../lib/markdown.js";
import { beginBulkLoad, endBulkLoad, onSession, restoreInterruptedLoad, UNLIMITED } from "./bulk-load.js";
import { replyBodies, storyBodies } from "./fake-text.js";
import { insertPaths } from "./paths.js";
import { insertMeToos, insertOrganisations, insertReplies, insertStories, insertUsers } from "./inserts.js";
import { insertLongThread, type LongThread } from "./long-thread.js";
import { seededRandom } from "./random.js";
import { storyDrawer } from "./story-rows.js";

export interface GenerateOptions {
  stories: number;
  organisations: number;
  users: number;
  /** Mean replies per story (besides the long thread). */
  repliesPerStory: number;
  threadReplies: number;
  seed: number;
  batchSize?: number;
  /** Connections writing at once; 1 on PGlite, which has one. */
  jobs?: number;
  now?: Date;
  /** Memory for each index rebuild; PGlite's heap is far smaller than a server's. */
  maintenanceWorkMem?: string;
  /** Appended usernames get this suffix, so a second run adds members instead of reusing them. */
  usernameTag?: string;
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export interface GenerateSummary {
  organisations: number;
  users: number;
  stories: number;
  replies: number;
  meToos: number;
  thread: LongThread;
  /** Seconds spent per phase, in order. */
  phases: [string, number][];
}

/** True when the database holds no organisations, members or stories. */
export async function isEmptyDatabase(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ used: boolean }>`
    select exists (select 1 from stories) or exists (select 1 from users) or exists (select 1 from organisations) as used`.execute(db);
  return !rows[0]!.used;
}

/** Empties every table the app writes (for --force); the migrations stay. */
export async function wipeData(db: Kysely<DB>): Promise<void> {
  await sql`truncate table users, sessions, organisations, organisation_aliases, stories, replies, revisions, me_toos,
    flags, moderation_log, notifications, representatives, company_figures, company_figures_queue restart identity cascade`.execute(db);
  // After an interrupted run: its indexes and triggers come back, instantly on empty tables.
  await restoreInterruptedLoad(db, { jobs: 1, maintenanceWorkMem: "64MB" });
}

export async function generateData(db: Kysely<DB>, opts: GenerateOptions): Promise<GenerateSummary> {
  const now = (opts.now ?? new Date()).getTime();
  const random = seededRandom(opts.seed);
  const batchSize = opts.batchSize ?? 5_000;
  const jobs = Math.max(1, opts.jobs ?? 1);
  const maintenanceWorkMem = opts.maintenanceWorkMem ?? "512MB";
  const report = opts.onProgress ?? (() => {});
  const phases: [string, number][] = [];
  let phaseStart = performance.now();
  const endPhase = (name: string) => {
    const t = performance.now();
    phases.push([name, (t - phaseStart) / 1000]);
    phaseStart = t;
  };
  /** Runs `work` on `jobs` connections at once, each in bulk-load session settings. */
  const inParallel = (settings: Record<string, string>, work: (connection: Kysely<DB>) => Promise<void>) =>
    Promise.all(Array.from({ length: jobs }, () => onSession(db, settings, work)));

  await restoreInterruptedLoad(db, { jobs, maintenanceWorkMem });
  const storyTexts = storyBodies(random).map((b) => ({ ...b, html: renderMarkdown(b.markdown) }));
  const storyArrays = { md: storyTexts.map((b) => b.markdown), html: storyTexts.map((b) => b.html), lang: storyTexts.map((b) => b.language) };
  const replyTexts = replyBodies().map((b) => renderMarkdown(b.markdown));
  const replyArrays = { md: replyBodies().map((b) => b.markdown), html: replyTexts, lang: replyBodies().map((b) => b.language) };
  const firstNewId = await nextStoryId(db);

  const load = await beginBulkLoad(db);
  const settings: Record<string, string> = load.replica ? { ...UNLIMITED, session_replication_role: "replica" } : UNLIMITED;
  let thread: LongThread | undefined;
  let organisationCount = 0;
  let userCount = 0;
  let failure: unknown;
  try {
    report({ phase: "organisations and members", done: 0, total: opts.organisations + opts.users });
    const organisations = await insertOrganisations(db, random, opts.organisations);
    const users = await insertUsers(db, random, opts.users, now, opts.usernameTag ?? "");
    organisationCount = organisations.length;
    userCount = users.length;
    report({ phase: "organisations and members", done: opts.organisations + opts.users, total: opts.organisations + opts.users });
    endPhase("organisations and members");

    const drawer = storyDrawer(random, { organisations, users, bodies: storyTexts, repliesPerStory: opts.repliesPerStory, now });
    let drawn = 0;
    let written = 0;
    report({ phase: "stories", done: 0, total: opts.stories });
    // Each connection draws its next batch while the others' are being written.
    await inParallel(settings, async (connection) => {
      while (drawn < opts.stories) {
        const count = Math.min(batchSize, opts.stories - drawn);
        drawn += count;
        await insertStories(connection, drawer.draw(count), storyArrays);
        written += count;
        report({ phase: "stories", done: written, total: opts.stories });
      }
    });
    endPhase("stories");

    const lastId = (await nextStoryId(db)) - 1;
    const span = Math.max(0, lastId - firstNewId + 1);
    const chunk = 25_000;
    let next = firstNewId;
    let finished = 0;
    report({ phase: "replies and me toos", done: 0, total: span });
    await inParallel(settings, async (connection) => {
      while (next <= lastId) {
        const range = { from: next, to: Math.min(lastId, next + chunk - 1) };
        next = range.to + 1;
        await insertReplies(connection, { ...range, users, bodies: replyArrays });
        await insertPaths(connection, { ...range, now });
        await insertMeToos(connection, { ...range, users, now });
        finished += range.to - range.from + 1;
        report({ phase: "replies and me toos", done: finished, total: span });
      }
    });
    endPhase("replies and me toos");

    const intermediary = organisations.find((o) => o.intermediary && o.id !== organisations[0]!.id) ?? null;
    thread = await db.transaction().execute((trx) =>
      insertLongThread(trx, random, { company: organisations[0]!, otherParty: intermediary, users, replies: opts.threadReplies, now }),
    );
    endPhase("long thread");
  } catch (error) {
    failure = error;
  }

  // Even after a failure: never leave the tables without their indexes and triggers.
  report({ phase: "indexes and company figures", done: 0, total: load.indexes.length + 1 });
  await endBulkLoad(db, load, { jobs, maintenanceWorkMem, onTask: (done, total) => report({ phase: "indexes and company figures", done, total }) });
  if (failure !== undefined) throw failure;
  endPhase("indexes and company figures");

  // Statistics for the planner, and a visibility map so the figures triggers read index-only.
  report({ phase: "vacuum analyze", done: 0, total: 1 });
  await onSession(db, UNLIMITED, async (connection) => {
    for (const table of ["organisations", "organisation_aliases", "users", "stories", "story_steps", "route_steps", "replies", "me_toos", "company_figures"]) {
      await sql`vacuum (analyze) ${sql.id(table)}`.execute(connection);
    }
  });
  report({ phase: "vacuum analyze", done: 1, total: 1 });
  endPhase("vacuum analyze");

  const { rows } = await sql<{ stories: number; replies: number; me_toos: number }>`
    select (select count(*) from stories where id >= ${firstNewId})::integer as stories,
           (select count(*) from replies r where r.story_id >= ${firstNewId})::integer as replies,
           (select count(*) from me_toos m where m.story_id >= ${firstNewId})::integer as me_toos`.execute(db);
  const c = rows[0]!;
  return { organisations: organisationCount, users: userCount, stories: c.stories, replies: c.replies, meToos: c.me_toos, thread: thread!, phases };
}

async function nextStoryId(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom("stories").select(sql<number>`coalesce(max(id), 0) + 1`.as("next")).executeTakeFirstOrThrow();
  return row.next;
}
