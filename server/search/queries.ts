// Full-text search over visible stories and replies (vectors from
// migrations/0003, rebuilt accent-free in 0008_2). Bounded at any size: only
// the newest CANDIDATES matching stories and the newest CANDIDATES matching
// replies are ranked, each read newest-first through an index (or, for a rare
// word, from the GIN index, whichever the planner finds cheaper), so a word
// in a third of a million stories costs what a rare one does. Among those a
// title match comes first, then the better rank, then the newer story. A
// story appears once, with a snippet from itself or else its best reply.
// A query that names an organisation (any spelling, "ATT") also finds that
// organisation's newest stories.
import { sql, type Expression, type Kysely, type QueryCreator } from "kysely";
import type { DB } from "../db/schema.js";
import type { ContentLanguage } from "../lib/content-language.js";
import { exclusionQuery } from "./exclusions.js";
import { MAX_PAGE } from "./schema.js";
import { headlineOptions, type Markers } from "./snippets.js";

export const SEARCH_PAGE_SIZE = 20;
/** How many matches are ranked: every page a visitor can reach (MAX_PAGE), and one more to know there are more. */
export const CANDIDATES = MAX_PAGE * SEARCH_PAGE_SIZE + 1;

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

/** The newest matching stories and replies, CANDIDATES of each at most, with what ranks them. */
function candidates(qc: QueryCreator<DB>, text: string, organisationId: number | null) {
  const stories = qc
    .selectFrom("stories as s")
    .where(matchesQuery("s", text))
    .where(visibleStory)
    .select(["s.id as story_id", sql<number | null>`null::integer`.as("reply_id"), titleMatches(text).as("title"), rank("s", text).as("rank")])
    .orderBy("s.created_at", "desc")
    .orderBy("s.id", "desc")
    .limit(CANDIDATES);
  const replies = qc
    .selectFrom("replies as r")
    .where(matchesQuery("r", text))
    .where("r.hidden_at", "is", null)
    .where("r.deleted_at", "is", null)
    .select(["r.story_id", sql<number | null>`r.id`.as("reply_id"), sql<boolean>`false`.as("title"), sql<number>`${rank("r", text)} * ${REPLY_WEIGHT}`.as("rank")])
    .orderBy("r.id", "desc")
    .limit(CANDIDATES);
  let all = qc.selectFrom(stories.as("a")).selectAll().unionAll(qc.selectFrom(replies.as("b")).selectAll());
  if (organisationId !== null) {
    const named = qc
      .selectFrom("stories as s")
      .where("s.company_id", "=", organisationId)
      .where(visibleStory)
      .select(["s.id as story_id", sql<number | null>`null::integer`.as("reply_id"), sql<boolean>`false`.as("title"), sql<number>`0`.as("rank")])
      .orderBy("s.created_at", "desc")
      .orderBy("s.id", "desc")
      .limit(CANDIDATES);
    all = all.unionAll(qc.selectFrom(named.as("c")).selectAll());
  }
  return all;
}

export async function searchStories(db: Kysely<DB>, opts: { text: string; page: number; markers: Markers; organisationId?: number | null }) {
  const { text, page, markers } = opts;
  const rows = await db
    .with("matches", (qc) => candidates(qc, text, opts.organisationId ?? null))
    .with("grouped", (qc) =>
      qc
        .selectFrom("matches as m")
        .innerJoin("stories as s", "s.id", "m.story_id")
        .where(visibleStory)
        .select([
          "m.story_id",
          "s.created_at",
          sql<boolean>`bool_or(m.title)`.as("title"),
          sql<number>`max(m.rank)`.as("rank"),
          // The story's own text first when it matched, else its best reply.
          sql<number | null>`(array_agg(m.reply_id order by m.reply_id is not null, m.rank desc, m.reply_id))[1]`.as("reply_id"),
        ])
        .groupBy(["m.story_id", "s.created_at"]),
    )
    .with("ranked", (qc) =>
      qc
        .selectFrom("grouped")
        .select(["story_id", "title", "rank", "created_at", "reply_id", sql<number>`count(*) over ()`.as("matched")])
        .orderBy("title", "desc")
        .orderBy("rank", "desc")
        .orderBy("created_at", "desc")
        .orderBy("story_id", "desc")
        .limit(SEARCH_PAGE_SIZE + 1)
        .offset((page - 1) * SEARCH_PAGE_SIZE),
    )
    .selectFrom("ranked as m")
    .innerJoin("stories as s", "s.id", "m.story_id")
    .innerJoin("organisations as c", "c.id", "s.company_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .leftJoin("replies as r", "r.id", "m.reply_id")
    .leftJoin("users as ru", "ru.id", "r.author_id")
    .select([
      "s.id", "s.slug", "s.title", "s.lang", "s.outcome", "s.created_at", "s.reply_count",
      "c.name as company_name", "c.slug as company_slug", "u.username as author_username",
      "m.reply_id", "m.matched", "ru.username as reply_author_username",
      sql<ContentLanguage>`coalesce(r.lang, s.lang)`.as("snippet_lang"),
      headline(sql.ref("s.title"), sql.ref("s.lang"), text, headlineOptions(markers, true)).as("title_headline"),
      headline(sql<string>`coalesce(r.body_md, s.body_md)`, sql<string>`coalesce(r.lang, s.lang)`, text, headlineOptions(markers, false)).as("snippet_headline"),
    ])
    .orderBy("m.title", "desc")
    .orderBy("m.rank", "desc")
    .orderBy("m.created_at", "desc")
    .orderBy("m.story_id", "desc")
    .execute();
  const matched = rows[0]?.matched ?? 0;
  // How many stories match: exact below CANDIDATES, else the planner's estimate ("about N").
  const total: { count: number; exact: boolean } = matched < CANDIDATES ? { count: matched, exact: true } : { count: Math.max(matched, await estimateStoryMatches(db, text)), exact: false };
  return { results: rows.slice(0, SEARCH_PAGE_SIZE), hasMore: rows.length > SEARCH_PAGE_SIZE, total };
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
