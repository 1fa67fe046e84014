// Reading a thread's replies a page at a time, in display order: official
// responses' discussions first, then the rest, each a depth-first walk of
// replies.thread_path (migrations/0008_1) read through replies_thread.
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../db/schema.js";

/** Replies on one page of a thread; the 100-reply thread fits on one. */
export const THREAD_PAGE_SIZE = 100;

/**
 * A deleted reply stays as "[deleted]" only while an answer that is not
 * deleted hangs somewhere under it; its answers are the paths between
 * `path.` and `path/`.
 */
const shown = sql<boolean>`(r.deleted_at is null or exists (
  select 1 from replies d
  where d.story_id = r.story_id and d.thread_path > r.thread_path || '.' and d.thread_path < r.thread_path || '/' and d.deleted_at is null))`;

/** The company's visible replies, in display order, with the top-level reply each hangs under. */
export async function listOfficialReplies(db: Kysely<DB>, storyId: number) {
  return db
    .selectFrom("replies as r")
    .innerJoin("stories as s", "s.id", "r.story_id")
    .innerJoin("representatives as rp", (join) => join.onRef("rp.user_id", "=", "r.author_id").onRef("rp.organisation_id", "=", "s.company_id"))
    .where("r.story_id", "=", storyId)
    .where("r.deleted_at", "is", null)
    .where("r.hidden_at", "is", null)
    .select(["r.id", sql<string>`split_part(r.thread_path, '.', 1)`.as("root")])
    .orderBy("r.thread_path")
    .execute();
}

/** false for replies under an official response's top-level reply, which sort first. */
function rankOf(alias: "r" | "a", officialRoots: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`(split_part(${sql.ref(`${alias}.thread_path`)}, '.', 1) <> all(${[...officialRoots]}::text[]))`;
}

function threadQuery(db: Kysely<DB>, storyId: number) {
  return db.selectFrom("replies as r").where("r.story_id", "=", storyId).where(shown);
}

/** The replies after `after` (the previous page's last reply id), one page and one more to tell whether another page follows. */
export async function listThreadPage(db: Kysely<DB>, storyId: number, officialRoots: readonly string[], after: number | null) {
  let query = threadQuery(db, storyId)
    .innerJoin("users as u", "u.id", "r.author_id")
    .innerJoin("stories as s", "s.id", "r.story_id")
    .leftJoin("representatives as rp", (join) => join.onRef("rp.user_id", "=", "r.author_id").onRef("rp.organisation_id", "=", "s.company_id"))
    .leftJoin("replies as p", "p.id", "r.parent_id")
    .leftJoin("users as pu", "pu.id", "p.author_id")
    .select(["r.id", "r.parent_id", "r.depth", "r.lang", "r.body_html", "r.created_at", "r.edited_at", "r.deleted_at", "r.hidden_at", "r.hidden_reason", "r.author_id", "u.username as author_username"])
    .select(sql<boolean>`rp.user_id is not null`.as("official"))
    // Named when a page starts inside a discussion: "in reply to …".
    .select(sql<string | null>`case when p.deleted_at is null then pu.username end`.as("parent_author_username"));
  if (officialRoots.length === 0) {
    // The usual case: one range of replies_thread.
    if (after !== null) query = query.where(sql<boolean>`r.thread_path > (select a.thread_path from replies a where a.id = ${after} and a.story_id = ${storyId})`);
    return query.orderBy("r.thread_path").limit(THREAD_PAGE_SIZE + 1).execute();
  }
  if (after !== null) {
    query = query.where(sql<boolean>`(${rankOf("r", officialRoots)}, r.thread_path) > (select ${rankOf("a", officialRoots)}, a.thread_path from replies a where a.id = ${after} and a.story_id = ${storyId})`);
  }
  return query.orderBy(rankOf("r", officialRoots)).orderBy("r.thread_path").limit(THREAD_PAGE_SIZE + 1).execute();
}

export type ReplyRow = Awaited<ReturnType<typeof listThreadPage>>[number];

/**
 * Where the page holding `replyId` starts: the id of the reply before it
 * (null for the first page). Pages are THREAD_PAGE_SIZE replies from the
 * thread's start, as its "next page" links walk them.
 */
export async function findPageStart(db: Kysely<DB>, storyId: number, officialRoots: readonly string[], replyId: number): Promise<number | null> {
  const rows = await threadQuery(db, storyId)
    .select("r.id")
    .orderBy(officialRoots.length ? rankOf("r", officialRoots) : sql`1`)
    .orderBy("r.thread_path")
    .execute();
  const index = rows.findIndex((row) => row.id === replyId);
  const start = index < 0 ? 0 : index - (index % THREAD_PAGE_SIZE);
  return start === 0 ? null : rows[start - 1]!.id;
}

/** One reply with its author and story, whatever its state: callers decide who may see it (isPublicReply). */
export async function findReply(db: Kysely<DB>, id: number) {
  return db
    .selectFrom("replies as r")
    .innerJoin("users as u", "u.id", "r.author_id")
    .innerJoin("stories as s", "s.id", "r.story_id")
    .where("r.id", "=", id)
    .select([
      "r.id", "r.story_id", "r.parent_id", "r.author_id", "r.lang", "r.body_md", "r.body_html", "r.created_at", "r.edited_at", "r.deleted_at", "r.hidden_at",
      "u.username as author_username", "s.slug as story_slug", "s.title as story_title", "s.lang as story_lang", "s.hidden_at as story_hidden_at", "s.deleted_at as story_deleted_at",
    ])
    .executeTakeFirst();
}

export type ReplyDetail = NonNullable<Awaited<ReturnType<typeof findReply>>>;

/** Whether everyone may read the reply: neither it nor its story is hidden or deleted. */
export function isPublicReply(reply: ReplyDetail): boolean {
  return !reply.deleted_at && !reply.hidden_at && !reply.story_hidden_at && !reply.story_deleted_at;
}
