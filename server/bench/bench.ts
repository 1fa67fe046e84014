// npm run bench: req/s and p50/p99 of the pages readers hit most, on the data
// set npm run generate made, next to a bare Fastify route serving the thread
// page's bytes from memory (the most this process could serve a page at).
//   --connections 10 --duration 10 --search "words"
import { sql } from "kysely";
import { createSessionManager, SESSION_COOKIE } from "../accounts/session.js";
import { connectPostgres } from "../db/connect.js";
import { storyPath } from "../lib/paths.js";
import { PAGE_SIZE } from "../stories/queries.js";
import { benchSetup, load, machine, ms, startBenchServer, table, type LoadResult } from "./harness.js";
import { createBenchMember, removeBenchMember } from "./member.js";

const LIST_PAGE = 10_000;

const options = benchSetup({ connections: 10, seconds: 10 });
const database = connectPostgres({ kind: "postgres", url: options.databaseUrl, poolSize: 2 }, () => {});
const db = database.db;

// The thread with the most replies: the generator's 100-reply one.
const thread = await db.selectFrom("stories").select(["id", "slug", "reply_count"]).where("hidden_at", "is", null).where("deleted_at", "is", null)
  .orderBy("reply_count", "desc").limit(1).executeTakeFirst();
if (!thread) {
  console.error("No stories: run npm run generate first.");
  process.exit(1);
}
// Page 10,000 continues after the last story of page 9,999, in the list's own order (stories/queries.ts).
const cursor = await sql<{ id: number }>`
  select id from stories where hidden_at is null and deleted_at is null
  order by created_at desc, id desc offset ${PAGE_SIZE * (LIST_PAGE - 1) - 1} limit 1`.execute(db);
const after = cursor.rows[0]?.id;
// A mid-sized organisation's name and a common word: a search with a few hundred hits.
const organisation = await sql<{ name: string }>`
  select o.name from company_figures f join organisations o on o.id = f.company_id
  where f.period = 'all' and f.country = '' and f.channel = '' order by f.stories desc, f.company_id offset 49 limit 1`.execute(db);
const searchText = options.search ?? `${organisation.rows[0]?.name.split(" ")[0] ?? "refund"} refund`;

const member = await createBenchMember(db);
const sessions = createSessionManager(db, { secure: false });
const session = await sessions.createSession(member.id, { user_agent: "autocannon" });
const loggedIn = { cookie: `${SESSION_COOKIE}=${session.id}` };

const server = await startBenchServer({ databaseUrl: options.databaseUrl });
try {
  const threadUrl = `${server.url}${storyPath(thread)}`;
  const page = await fetch(threadUrl);
  if (!page.ok) throw new Error(`${threadUrl} answered ${page.status}`);
  const bareUrl = await server.bare(await page.text());

  const runs: [string, string, Record<string, string>?][] = [
    ["home page /", `${server.url}/`],
    [`list page ${LIST_PAGE.toLocaleString("en")} /?after=${after}`, `${server.url}/?after=${after}`],
    [`${thread.reply_count}-reply thread, logged out`, threadUrl],
    [`${thread.reply_count}-reply thread, logged in`, threadUrl, loggedIn],
    [`search "${searchText}"`, `${server.url}/search?q=${encodeURIComponent(searchText)}`],
    ["bare Fastify, thread bytes from memory", bareUrl],
  ];
  if (after === undefined) runs.splice(1, 1);
  const results: LoadResult[] = [];
  for (const [name, url, headers] of runs) {
    process.stderr.write(`${name} …\n`);
    results.push(await load(name, url, { connections: options.connections, seconds: options.seconds, headers }));
  }

  const bare = results[results.length - 1]!;
  console.log(`\nnpm run bench: ${options.connections} connections, ${options.seconds}s each after a 2s warm-up;`);
  console.log(`"of bare" = req/s as a share of the bare route's; "alone" = one request at a time, before the load`);
  console.log(`machine: ${machine()}\n`);
  console.log(
    table(
      ["page", "req/s", "p50 ms", "p99 ms", "of bare", "alone ms", "kB", "responses", "failed"],
      results.map((r) => [
        r.name, r.reqPerSec.toFixed(0), ms(r.p50), ms(r.p99),
        r === bare ? "100 %" : `${((r.reqPerSec / bare.reqPerSec) * 100).toFixed(1)} %`,
        ms(r.alone), (r.bytesPerRequest / 1024).toFixed(1), r.requests, r.failures,
      ]),
    ),
  );
} finally {
  await server.close();
  await sessions.invalidateSession(session.id);
  await removeBenchMember(db, member.id);
  await database.close();
}
