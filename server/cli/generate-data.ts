// npm run generate: fills the Postgres server DATABASE_URL names with a large,
// realistic data set for the benchmarks (npm run bench, npm run bench:leaderboard).
//   --stories 1000000 --organisations 10000 --users 5000 --replies-per-story 0.8
//   --thread-replies 100 --seed 1 --jobs 2 (connections writing at once)
//   --force (empty the database first) --append (add to it)
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { connectPostgres } from "../db/connect.js";
import { migrateToLatest } from "../db/migrate.js";
import { storyPath } from "../lib/paths.js";
import { generateData, isEmptyDatabase, wipeData } from "../generator/generate.js";
import { progressBar } from "../generator/progress.js";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function count(name: string, raw: string | undefined, fallback: number, min = 0): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ""));
  if (!Number.isFinite(value) || value < min) fail(`--${name} must be a number of at least ${min}, got "${raw}"`);
  return value;
}

const { values } = parseArgs({
  options: {
    stories: { type: "string" },
    organisations: { type: "string" },
    users: { type: "string" },
    "replies-per-story": { type: "string" },
    "thread-replies": { type: "string" },
    seed: { type: "string" },
    jobs: { type: "string" },
    force: { type: "boolean", default: false },
    append: { type: "boolean", default: false },
  },
});

let config;
try {
  config = loadConfig();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
if (!config.databaseUrl) {
  fail("npm run generate writes a million rows and needs a PostgreSQL server: set DATABASE_URL, e.g.\n  createdb -h 127.0.0.1 -U postgres escalator_bench\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/escalator_bench npm run generate");
}
if (values.force && values.append) fail("Give --force (empty the database first) or --append (add to it), not both.");

const options = {
  stories: Math.floor(count("stories", values.stories, 1_000_000, 1)),
  organisations: Math.floor(count("organisations", values.organisations, 10_000, 2)),
  users: Math.floor(count("users", values.users, 5_000, 2)),
  repliesPerStory: count("replies-per-story", values["replies-per-story"], 0.8),
  threadReplies: Math.floor(count("thread-replies", values["thread-replies"], 100)),
  // An appended run draws new data; a fresh one is reproducible.
  seed: Math.floor(count("seed", values.seed, values.append ? Date.now() % 2 ** 31 : 1)),
  jobs: Math.floor(count("jobs", values.jobs, 2, 1)),
};

const database = connectPostgres({ kind: "postgres", url: config.databaseUrl, poolSize: options.jobs + 1 }, (error) => console.warn("idle connection lost:", error.message));
try {
  await migrateToLatest(database.db);
  if (!(await isEmptyDatabase(database.db))) {
    if (values.force) {
      console.error(`Emptying ${database.describe} (--force).`);
      await wipeData(database.db);
    } else if (!values.append) {
      fail(`${database.describe} already has data. Use --force to empty it first, or --append to add to it.`);
    }
  }
  console.error(`Generating ${options.stories} stories over ${options.organisations} organisations and ${options.users} members into ${database.describe}.`);
  const bar = progressBar();
  const summary = await generateData(database.db, {
    ...options,
    usernameTag: values.append ? `_${options.seed.toString(36)}` : "",
    onProgress: bar.update,
  });
  bar.done();
  const total = summary.phases.reduce((sum, [, s]) => sum + s, 0);
  console.log(`${summary.stories} stories, ${summary.replies} replies, ${summary.meToos} "me too"s, ${summary.organisations} organisations, ${summary.users} members in ${total.toFixed(1)}s`);
  console.log(summary.phases.map(([name, s]) => `  ${name}: ${s.toFixed(1)}s`).join("\n"));
  const path = storyPath(summary.thread);
  console.log(`The ${summary.thread.replies}-reply thread: ${path} (http://${config.host}:${config.port}${path})`);
} finally {
  await database.close();
}
