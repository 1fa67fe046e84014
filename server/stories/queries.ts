// Reading stories: the keyset-paged list and one story with its facts.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export const PAGE_SIZE = 25;

function storySummaryQuery(db: Kysely<DB>) {
  return db
    .selectFrom("stories as s")
    .innerJoin("organisations as c", "c.id", "s.company_id")
    .leftJoin("organisations as o", "o.id", "s.other_party_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .where("s.hidden_at", "is", null)
    .where("s.deleted_at", "is", null)
    .select([
      "s.id", "s.slug", "s.title", "s.created_at", "s.outcome", "s.country", "s.channel", "s.escalated_to",
      "s.response_seconds", "s.response_bucket", "s.reply_count", "s.me_too_count", "s.product",
      "c.name as company_name", "c.slug as company_slug",
      "o.name as other_party_name", "o.slug as other_party_slug",
      "u.username as author_username",
    ]);
}

export type StorySummary = Awaited<ReturnType<ReturnType<typeof storySummaryQuery>["executeTakeFirstOrThrow"]>>;

export interface StoryPage {
  stories: StorySummary[];
  /** The id to continue after, when there is an older page. */
  nextAfter: number | null;
}

/** Newest first. `after` is the id of the last story on the previous page. */
export async function listStories(db: Kysely<DB>, opts: { after?: number; limit?: number } = {}): Promise<StoryPage> {
  const limit = opts.limit ?? PAGE_SIZE;
  let query = storySummaryQuery(db);
  if (opts.after !== undefined) {
    const after = opts.after;
    // Keyset on (created_at, id), read from the cursor row itself so no timestamp
    // precision is lost in the URL.
    query = query.where(sql<boolean>`(s.created_at, s.id) < (select created_at, id from stories where id = ${after})`);
  }
  const rows = await query.orderBy("s.created_at", "desc").orderBy("s.id", "desc").limit(limit + 1).execute();
  const stories = rows.slice(0, limit);
  return { stories, nextAfter: rows.length > limit ? stories[stories.length - 1]!.id : null };
}

export async function findStory(db: Kysely<DB>, id: number) {
  return db
    .selectFrom("stories as s")
    .innerJoin("organisations as c", "c.id", "s.company_id")
    .leftJoin("organisations as o", "o.id", "s.other_party_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .where("s.id", "=", id)
    .where("s.deleted_at", "is", null)
    .selectAll("s")
    .select(["c.name as company_name", "c.slug as company_slug", "o.name as other_party_name", "o.slug as other_party_slug", "u.username as author_username"])
    .executeTakeFirst();
}

export type StoryDetail = NonNullable<Awaited<ReturnType<typeof findStory>>>;

export async function countStories(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom("stories").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return row.n;
}
