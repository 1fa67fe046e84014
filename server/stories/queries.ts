// Reading stories: the keyset-paged list and one story with its facts.
import { sql, type Kysely, type Selectable } from "kysely";
import type { DB } from "../db/schema.js";
import type { Sort, StoryFilters } from "./list-schema.js";
import type { ViewerState } from "./viewer-state.js";

export const PAGE_SIZE = 25;

/** Visible stories with what a list shows of each: the story lists, company pages and feeds. */
export function storySummaryQuery(db: Kysely<DB>) {
  return db
    .selectFrom("stories as s")
    .innerJoin("organisations as c", "c.id", "s.company_id")
    .leftJoin("organisations as o", "o.id", "s.other_party_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .where("s.hidden_at", "is", null)
    .where("s.deleted_at", "is", null)
    .select([
      "s.id", "s.slug", "s.title", "s.created_at", "s.outcome", "s.country", "s.channel", "s.escalated_to",
      "s.response_seconds", "s.response_bucket", "s.reply_count", "s.me_too_count", "s.product", "s.lang",
      "s.escalated_at", "s.escalated_time_known", "s.first_response_at", "s.first_response_time_known",
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

// Each sort is a keyset over (key, id) with an index of its own (migrations/0001).
const SORT_COLUMNS = { new: "created_at", active: "last_activity_at", top: "me_too_count" } as const;

/**
 * One page of visible stories. `after` is the id of the last story on the
 * previous page; its own sort key is read from the row, so no timestamp
 * precision is lost in the URL.
 */
export async function listStories(
  db: Kysely<DB>,
  opts: { sort?: Sort; filters?: StoryFilters; after?: number; limit?: number; companyId?: number; authorId?: number } = {},
): Promise<StoryPage> {
  const limit = opts.limit ?? PAGE_SIZE;
  const column = SORT_COLUMNS[opts.sort ?? "new"];
  const f = opts.filters ?? {};
  let query = storySummaryQuery(db);
  // One organisation's or one member's stories (company and member pages).
  if (opts.companyId !== undefined) query = query.where("s.company_id", "=", opts.companyId);
  if (opts.authorId !== undefined) query = query.where("s.author_id", "=", opts.authorId);
  if (f.company) query = query.where("c.slug", "=", f.company);
  if (f.otherParty) query = query.where("o.slug", "=", f.otherParty);
  if (f.outcome) query = query.where("s.outcome", "=", f.outcome);
  if (f.bucket) query = query.where("s.response_bucket", "=", f.bucket);
  if (f.country) query = query.where("s.country", "=", f.country);
  if (opts.after !== undefined) {
    query = query.where(
      sql<boolean>`(${sql.ref(`s.${column}`)}, s.id) < (select ${sql.ref(column)}, id from stories where id = ${opts.after})`,
    );
  }
  const rows = await query.orderBy(`s.${column}`, "desc").orderBy("s.id", "desc").limit(limit + 1).execute();
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

/** A thread head's row as thread_head() returns it (migrations/0023). */
type ThreadHeadRow = Pick<Selectable<DB["stories"]>, "id" | "slug" | "hidden_at" | "hidden_reason"> & { version: string; me_too: boolean; following: boolean };

/**
 * What decides whether a kept rendering of a thread is still right: one
 * primary-key lookup. `version` changes with every write to the story, its
 * replies, its organisations' names and representatives (migrations/0008_1).
 * A member's own flags come along: one round trip for the page's head and the
 * viewer's state. A PL/pgSQL function (migrations/0023), so that this call on
 * every thread request is not planned anew each time.
 */
export async function findThreadHead(db: Kysely<DB>, id: number, viewerId?: number) {
  // Selected from as a table: a SELECT, so it reads the same database (replica or primary) as the
  // rendering it decides about; a raw statement always went to the primary, and a version newer
  // than the replica's content was then kept with the replica's old content.
  const row = await db.selectFrom(sql<ThreadHeadRow>`thread_head(${id}, ${viewerId ?? null})`.as("h")).selectAll().executeTakeFirst();
  if (!row) return undefined;
  const { me_too, following, ...head } = row;
  const viewer: ViewerState | null = viewerId === undefined ? null : { meToo: me_too, following };
  return { ...head, viewer };
}

export type ThreadHead = NonNullable<Awaited<ReturnType<typeof findThreadHead>>>;

/**
 * The site's content version: the latest stamp any write to a story, a reply or
 * an organisation left (migrations/0014). Two index lookups; it moves on every
 * change a list, home or search page could show.
 */
export async function findContentVersion(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom("story_versions").select((e) => e.fn.max("changed").as("m")).as("stories"),
      eb.selectFrom("organisations").select((e) => e.fn.max("changed").as("m")).as("organisations"),
    ])
    .executeTakeFirstOrThrow();
  return `${row.stories ?? 0}.${row.organisations ?? 0}`;
}
