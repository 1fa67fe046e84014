// Full-text search over visible stories and replies (vectors from
// migrations/0003, rebuilt accent-free in 0008_2). The matching stories form
// one stream, newest first (matchStream); page p ranks only its window of
// WINDOW stories in that stream (rankWindow), so the cost of a page never
// grows with the number of matches. Within a window a title match comes
// first, then the better rank, then the newer story. A story appears once,
// with a snippet from itself or else its best reply. A query that names an
// organisation (any spelling, "ATT") also finds that organisation's stories.
import { sql, type Expression, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { ContentLanguage } from "../lib/content-language.js";
import { exclusionQuery } from "./exclusions.js";
import { headlineOptions, type Markers } from "./snippets.js";

export const SEARCH_PAGE_SIZE = 20;
// A reply match counts for less than the same match in the story itself.
const REPLY_WEIGHT = 0.5;

// The query's text is folded like the documents' (search_text, migrations/0008_2).
const english = (text: string) => sql`websearch_to_tsquery('english', search_text(${text}))`;
const german = (text: string) => sql`websearch_to_tsquery('german', search_text(${text}))`;

type Alias = "s" | "r";
const vectors = (alias: Alias) => [sql.ref(`${alias}.search_en`), sql.ref(`${alias}.search_de`)] as const;

// Each text's vector sits in its own language's column, the other column
// empty (migrations/0012), so "English stems in search_en or German stems in
// search_de" stems the query as each text was stemmed. An empty vector
// satisfies a purely negative query ("-Lieferung"), so the excluded words are
// checked again (exclusions.ts), and rule a text out when either column finds
// them.
function matchesQuery(alias: Alias, text: string) {
  const [en, de] = vectors(alias);
  const positive = sql<boolean>`(${en} @@ ${english(text)} or ${de} @@ ${german(text)})`;
  const excluded = exclusionQuery(text);
  return excluded ? sql<boolean>`(${positive} and not (${en} @@ ${english(excluded)} or ${de} @@ ${german(excluded)}))` : positive;
}

function rank(alias: Alias, text: string) {
  const [en, de] = vectors(alias);
  return sql<number>`greatest(ts_rank_cd(${en}, ${english(text)}), ts_rank_cd(${de}, ${german(text)}))`;
}

/** Whether the title (weight A, migrations/0003) holds a match: weights are {D, C, B, A}. */
function titleMatches(text: string) {
  const [en, de] = vectors("s");
  return sql<boolean>`(ts_rank('{0,0,0,1}', ${en}, ${english(text)}) > 0 or ts_rank('{0,0,0,1}', ${de}, ${german(text)}) > 0)`;
}

// ts_headline takes one configuration: the text's own language's (stories.lang, replies.lang), as its vector was stemmed.
function headline(doc: Expression<string>, lang: Expression<string>, text: string, options: string) {
  return sql<string>`case when ${lang} = 'de'
    then ts_headline('german', ${doc}, websearch_to_tsquery('german', ${text}), ${options})
    else ts_headline('english', ${doc}, websearch_to_tsquery('english', ${text}), ${options}) end`;
}

const visibleStory = sql<boolean>`s.hidden_at is null and s.deleted_at is null`;
const visibleReply = sql<boolean>`r.hidden_at is null and r.deleted_at is null`;

/** How many stories one ranking orders (five pages); page p ranks window ⌊(p − 1) / 5⌋ alone. */
export const WINDOW = 100;
const PAGES_PER_WINDOW = WINDOW / SEARCH_PAGE_SIZE;

/** A story's place in the newest-first stream: its creation time to the microsecond (sortable text), then its id. */
interface StreamEntry { id: number; at: string }
const streamKey = sql<string>`to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`;
const newer = (a: StreamEntry, b: StreamEntry) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1);
/** Only stories created at or after `at` (the stream's cut-off), read through the created_at indexes. */
const notOlderThan = (at: string | null) => (at === null ? sql<boolean>`true` : sql<boolean>`s.created_at >= (${at}::timestamp at time zone 'UTC')`);

/** The newest `limit` visible stories whose own text matches. */
function ownMatches(db: Kysely<DB>, text: string, limit: number) {
  return db.selectFrom("stories as s").where(matchesQuery("s", text)).where(visibleStory)
    .select(["s.id", streamKey.as("at")]).orderBy("s.created_at", "desc").orderBy("s.id", "desc").limit(limit).execute();
}

/** The newest `limit` visible stories (not older than `since`) with a visible matching reply. */
function replyMatches(db: Kysely<DB>, text: string, limit: number, since: string | null) {
  return db.selectFrom("replies as r").innerJoin("stories as s", "s.id", "r.story_id")
    .where(matchesQuery("r", text)).where(visibleReply).where(visibleStory).where(notOlderThan(since))
    .select(["s.id", streamKey.as("at"), "s.created_at"]).distinct()
    .orderBy("s.created_at", "desc").orderBy("s.id", "desc").limit(limit).execute();
}

/** The newest `limit` visible stories (not older than `since`) about the organisation the query names. */
function namedMatches(db: Kysely<DB>, organisationId: number, limit: number, since: string | null) {
  return db.selectFrom("stories as s").where("s.company_id", "=", organisationId).where(visibleStory).where(notOlderThan(since))
    .select(["s.id", streamKey.as("at")]).orderBy("s.created_at", "desc").orderBy("s.id", "desc").limit(limit).execute();
}

/**
 * The matching stories, newest first, as far as window `w` reaches: every
 * story whose own text matches, that has a matching reply, or that is about
 * the organisation the query names. Each source is read newest-first and
 * stops after enough; once the stories' own matches fill the reach, the
 * others are only looked for among stories as new as the last of them, so a
 * word in a third of all stories and in no reply costs what a rare one does.
 * `complete`: nothing beyond what was read matches.
 */
async function matchStream(db: Kysely<DB>, text: string, organisationId: number | null, w: number) {
  const reach = (w + 1) * WINDOW + 1; // one more: whether anything lies beyond the window
  const own = await ownMatches(db, text, reach);
  const since = own.length === reach ? own[reach - 1]!.at : null;
  const [viaReply, named] = await Promise.all([
    replyMatches(db, text, reach, since),
    organisationId === null ? [] : namedMatches(db, organisationId, reach, since),
  ]);
  const seen = new Map<number, StreamEntry>();
  for (const entry of [...own, ...viaReply, ...named]) seen.set(entry.id, { id: entry.id, at: entry.at });
  const stream = [...seen.values()].sort(newer).slice(0, reach);
  return { stream, complete: own.length < reach && viaReply.length < reach && named.length < reach };
}

/**
 * One window's stories ranked, and the page asked for: a title match first,
 * then the better rank (a reply's match counts REPLY_WEIGHT of the story's
 * own), then the newer story. The snippet is the story's own text when it
 * matched, else its best reply.
 */
function rankWindow(db: Kysely<DB>, text: string, ids: number[], offset: number, markers: Markers) {
  return db
    .with("own", (qc) =>
      qc.selectFrom("stories as s").where("s.id", "in", ids).where(matchesQuery("s", text))
        .select(["s.id as story_id", titleMatches(text).as("title"), rank("s", text).as("rank")]))
    .with("best_reply", (qc) =>
      qc.selectFrom("replies as r").where("r.story_id", "in", ids).where(matchesQuery("r", text)).where(visibleReply)
        .distinctOn("r.story_id")
        .select(["r.story_id", "r.id as reply_id", sql<number>`${rank("r", text)} * ${REPLY_WEIGHT}`.as("rank")])
        .orderBy("r.story_id").orderBy("rank", "desc").orderBy("r.id"))
    .with("ranked", (qc) =>
      qc.selectFrom("stories as s")
        .leftJoin("own as o", "o.story_id", "s.id")
        .leftJoin("best_reply as b", "b.story_id", "s.id")
        .where("s.id", "in", ids)
        .select([
          "s.id as story_id", "s.created_at",
          sql<boolean>`coalesce(o.title, false)`.as("title"),
          sql<number>`greatest(coalesce(o.rank, 0), coalesce(b.rank, 0))`.as("rank"),
          sql<number | null>`case when o.story_id is null then b.reply_id end`.as("reply_id"),
        ])
        .orderBy("title", "desc").orderBy("rank", "desc").orderBy("s.created_at", "desc").orderBy("s.id", "desc")
        .limit(SEARCH_PAGE_SIZE + 1)
        .offset(offset))
    .selectFrom("ranked as m")
    .innerJoin("stories as s", "s.id", "m.story_id")
    .innerJoin("organisations as c", "c.id", "s.company_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .leftJoin("replies as r", "r.id", "m.reply_id")
    .leftJoin("users as ru", "ru.id", "r.author_id")
    .select([
      "s.id", "s.slug", "s.title", "s.lang", "s.outcome", "s.created_at", "s.reply_count",
      "c.name as company_name", "c.slug as company_slug", "u.username as author_username",
      "m.reply_id", "ru.username as reply_author_username",
      sql<ContentLanguage>`coalesce(r.lang, s.lang)`.as("snippet_lang"),
      headline(sql.ref("s.title"), sql.ref("s.lang"), text, headlineOptions(markers, true)).as("title_headline"),
      headline(sql<string>`coalesce(r.body_md, s.body_md)`, sql<string>`coalesce(r.lang, s.lang)`, text, headlineOptions(markers, false)).as("snippet_headline"),
    ])
    .orderBy("m.title", "desc").orderBy("m.rank", "desc").orderBy("m.created_at", "desc").orderBy("m.story_id", "desc")
    .execute();
}

/**
 * A page of results. Bounded at any size: a page reads at most the newest
 * (window + 1) × WINDOW matches of each kind and ranks one window of WINDOW
 * stories, so neither a word in a third of a million stories nor a rare one
 * costs more than that. Windows follow each other newest first, so paging
 * never repeats or skips a story.
 */
export async function searchStories(db: Kysely<DB>, opts: { text: string; page: number; markers: Markers; organisationId?: number | null }) {
  const { text, page, markers } = opts;
  const w = Math.floor((page - 1) / PAGES_PER_WINDOW);
  const { stream, complete } = await matchStream(db, text, opts.organisationId ?? null, w);
  const ids = stream.slice(w * WINDOW, (w + 1) * WINDOW).map((entry) => entry.id);
  const rows = ids.length ? await rankWindow(db, text, ids, ((page - 1) % PAGES_PER_WINDOW) * SEARCH_PAGE_SIZE, markers) : [];
  // How many stories match: exact when every source was read to its end, else the planner's estimate ("about N").
  const total: { count: number; exact: boolean } = complete ? { count: stream.length, exact: true } : { count: Math.max(stream.length, await estimateStoryMatches(db, text)), exact: false };
  return { results: rows.slice(0, SEARCH_PAGE_SIZE), hasMore: stream.length > page * SEARCH_PAGE_SIZE, total };
}

/** The planner's estimate of the matching stories: planning only, nothing is counted. */
async function estimateStoryMatches(db: Kysely<DB>, text: string): Promise<number> {
  const query = db.selectFrom("stories as s").where(matchesQuery("s", text)).where(visibleStory).select("s.id");
  const { rows } = await sql<{ "QUERY PLAN": unknown }>`explain (format json) ${query}`.execute(db);
  const raw = rows[0]?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan?: { "Plan Rows"?: number } }[];
  return Math.round(plan[0]?.Plan?.["Plan Rows"] ?? 0);
}

export type SearchRow = Awaited<ReturnType<typeof searchStories>>["results"][number];
