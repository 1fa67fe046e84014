// A member's page: the account, and their visible stories and replies, newest
// first, each list keyset-paged on its own.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { normaliseUsername } from "../lib/usernames.js";
import { listStories } from "../stories/queries.js";

export const USER_PAGE_SIZE = 20;

export interface Paged<T> {
  items: T[];
  /** The id to continue after, when there is an older page. */
  nextAfter: number | null;
}

function paged<T extends { id: number }>(rows: T[], limit: number): Paged<T> {
  const items = rows.slice(0, limit);
  return { items, nextAfter: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** Looks up by username_key, so /u/Kai_Berlin finds kai_berlin. */
export async function findUserByUsername(db: Kysely<DB>, username: string) {
  return db
    .selectFrom("users")
    .select(["id", "username", "created_at"])
    .where("username_key", "=", normaliseUsername(username))
    .executeTakeFirst();
}

export async function listUserStories(db: Kysely<DB>, userId: number, opts: { after?: number; limit?: number } = {}) {
  const page = await listStories(db, { authorId: userId, after: opts.after, limit: opts.limit ?? USER_PAGE_SIZE });
  return { items: page.stories, nextAfter: page.nextAfter };
}

export async function listUserReplies(db: Kysely<DB>, userId: number, opts: { after?: number; limit?: number } = {}) {
  const limit = opts.limit ?? USER_PAGE_SIZE;
  let query = db
    .selectFrom("replies as r")
    .innerJoin("stories as s", "s.id", "r.story_id")
    .where("r.author_id", "=", userId)
    .where("r.hidden_at", "is", null)
    .where("r.deleted_at", "is", null)
    // A reply under a hidden story has no page to link to.
    .where("s.hidden_at", "is", null)
    .where("s.deleted_at", "is", null)
    .select(["r.id", "r.lang", "r.body_html", "r.created_at", "r.edited_at", "s.id as story_id", "s.slug as story_slug", "s.title as story_title", "s.lang as story_lang"]);
  if (opts.after !== undefined) {
    const after = opts.after;
    query = query.where(sql<boolean>`(not exists (select 1 from replies where id = ${after})
      or (r.created_at, r.id) < (select created_at, id from replies where id = ${after}))`);
  }
  const rows = await query.orderBy("r.created_at", "desc").orderBy("r.id", "desc").limit(limit + 1).execute();
  return paged(rows, limit);
}

export type UserStory = Awaited<ReturnType<typeof listUserStories>>["items"][number];
export type UserReply = Awaited<ReturnType<typeof listUserReplies>>["items"][number];
