// Full-text search over visible stories and replies (vectors from
// migrations/0003). A story appears once, ranked by its best match, with a
// snippet from the story itself or else from its best-matching reply.
import { sql, type Expression, type Kysely, type QueryCreator } from "kysely";
import type { DB } from "../db/schema.js";
import { exclusionQuery } from "./exclusions.js";
import { headlineOptions, type Markers } from "./snippets.js";

export const SEARCH_PAGE_SIZE = 20;

// A reply match counts for less than the same match in the story itself.
const REPLY_WEIGHT = 0.5;

const english = (text: string) => sql`websearch_to_tsquery('english', ${text})`;
const german = (text: string) => sql`websearch_to_tsquery('german', ${text})`;

type Alias = "s" | "r";
const vectors = (alias: Alias) => [sql.ref(`${alias}.search_en`), sql.ref(`${alias}.search_de`)] as const;

// The query matches under either language's stems. That alone would let a
// "-word" through on the side that stems it differently ("-Lieferung" keeps
// "Lieferungen" in English), so the excluded words are checked again, and
// rule a text out when either language finds them.
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

// ts_headline takes one configuration: use the one whose stems match this text.
function headline(doc: Expression<string>, text: string, options: string) {
  return sql<string>`case when to_tsvector('english', ${doc}) @@ websearch_to_tsquery('english', ${text})
    then ts_headline('english', ${doc}, websearch_to_tsquery('english', ${text}), ${options})
    else ts_headline('german', ${doc}, websearch_to_tsquery('german', ${text}), ${options}) end`;
}

function matches(qc: QueryCreator<DB>, text: string) {
  const storyMatches = qc
    .selectFrom("stories as s")
    .where(matchesQuery("s", text))
    .where("s.hidden_at", "is", null)
    .where("s.deleted_at", "is", null)
    .select(["s.id as story_id", sql<number | null>`null::integer`.as("reply_id"), rank("s", text).as("rank")]);
  const replyMatches = qc
    .selectFrom("replies as r")
    .innerJoin("stories as s", "s.id", "r.story_id")
    .where(matchesQuery("r", text))
    .where("r.hidden_at", "is", null)
    .where("r.deleted_at", "is", null)
    .where("s.hidden_at", "is", null)
    .where("s.deleted_at", "is", null)
    .select(["r.story_id", sql<number | null>`r.id`.as("reply_id"), sql<number>`${rank("r", text)} * ${REPLY_WEIGHT}`.as("rank")]);
  return storyMatches.unionAll(replyMatches);
}

export async function searchStories(db: Kysely<DB>, opts: { text: string; page: number; markers: Markers }) {
  const { text, page, markers } = opts;
  const rows = await db
    .with("matches", (qc) => matches(qc, text))
    .with("ranked", (qc) =>
      qc
        .selectFrom("matches")
        .select([
          "story_id",
          sql<number>`max(rank)`.as("rank"),
          // The story's own text first when it matched, else its best reply.
          sql<number | null>`(array_agg(reply_id order by reply_id is not null, rank desc, reply_id))[1]`.as("reply_id"),
        ])
        .groupBy("story_id")
        .orderBy("rank", "desc")
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
      "s.id", "s.slug", "s.title", "s.outcome", "s.created_at", "s.reply_count",
      "c.name as company_name", "c.slug as company_slug", "u.username as author_username",
      "m.reply_id", "ru.username as reply_author_username",
      headline(sql.ref("s.title"), text, headlineOptions(markers, true)).as("title_headline"),
      headline(sql<string>`coalesce(r.body_md, s.body_md)`, text, headlineOptions(markers, false)).as("snippet_headline"),
    ])
    .orderBy("m.rank", "desc")
    .orderBy("m.story_id", "desc")
    .execute();
  return { results: rows.slice(0, SEARCH_PAGE_SIZE), hasMore: rows.length > SEARCH_PAGE_SIZE };
}

export type SearchRow = Awaited<ReturnType<typeof searchStories>>["results"][number];
