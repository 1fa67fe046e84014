// A member's page: the account, and their visible stories and replies, newest
// first, each list keyset-paged on its own.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { normaliseUsername } from "../lib/usernames.js";

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
  const limit = opts.limit ?? USER_PAGE_SIZE;
  let query = db
    .selectFrom("stories as s")
    .innerJoin("organisations as c", "c.id", "s.company_id")
    .leftJoin("organisations as o", "o.id", "s.other_party_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .where("s.author_id", "=", userId)
    .where("s.hidden_at", "is", null)
    .where("s.deleted_at", "is", null)
    // The columns partials/_story_row.eta shows.
    .select([
      "s.id", "s.slug", "s.title", "s.created_at", "s.outcome", "s.country", "s.response_seconds", "s.response_bucket",
      "s.reply_count", "s.me_too_count", "c.name as company_name", "c.slug as company_slug",
      "o.name as other_party_name", "o.slug as other_party_slug", "u.username as author_username",
    ]);
  if (opts.after !== undefined) {
    // Keyset read from the cursor row itself (no timestamp precision lost in the URL); an unknown cursor starts over.
    const after = opts.after;
    query = query.where(sql<boolean>`(not exists (select 1 from stories where id = ${after})
      or (s.created_at, s.id) < (select created_at, id from stories where id = ${after}))`);
  }
  const rows = await query.orderBy("s.created_at", "desc").orderBy("s.id", "desc").limit(limit + 1).execute();
  return paged(rows, limit);
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
    .select(["r.id", "r.body_html", "r.created_at", "r.edited_at", "s.id as story_id", "s.slug as story_slug", "s.title as story_title"]);
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
