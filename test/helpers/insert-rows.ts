// Inserts fixture stories and replies straight into the database, for tests
// that need exact words, authors or visibility rather than the demo stories.
import type { Kysely } from "kysely";
import type { DB } from "../../server/db/schema.js";
import type { Outcome } from "../../server/lib/enums.js";
import { renderMarkdown } from "../../server/lib/markdown.js";
import { slugify } from "../../server/lib/slug.js";
import { normaliseUsername } from "../../server/lib/usernames.js";

export async function insertUser(db: Kysely<DB>, username: string): Promise<number> {
  const row = await db
    .insertInto("users")
    .values({ username, username_key: normaliseUsername(username), password_hash: "!fixture" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertOrganisation(db: Kysely<DB>, slug: string, name = slug, mergedIntoId: number | null = null): Promise<number> {
  const row = await db.insertInto("organisations").values({ slug, name, merged_into_id: mergedIntoId }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export interface StoryFixture {
  authorId: number;
  companyId: number;
  otherPartyId?: number | null;
  title: string;
  body?: string;
  outcome?: Outcome;
  createdAt?: Date;
  hidden?: boolean;
  deleted?: boolean;
}

export async function insertStory(db: Kysely<DB>, story: StoryFixture): Promise<{ id: number; slug: string }> {
  const body = story.body ?? "A fixture story.";
  const createdAt = story.createdAt ?? new Date();
  return db
    .insertInto("stories")
    .values({
      author_id: story.authorId,
      company_id: story.companyId,
      other_party_id: story.otherPartyId ?? null,
      title: story.title,
      slug: slugify(story.title),
      country: "DE",
      channel: "email",
      escalated_to: "ceo",
      outcome: story.outcome ?? "pending",
      escalated_at: new Date(createdAt.getTime() - 86_400_000),
      created_at: createdAt,
      body_md: body,
      body_html: renderMarkdown(body),
      hidden_at: story.hidden ? new Date() : null,
      hidden_reason: story.hidden ? "fixture" : null,
      deleted_at: story.deleted ? new Date() : null,
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
}

export interface ReplyFixture {
  storyId: number;
  authorId: number;
  body: string;
  createdAt?: Date;
  hidden?: boolean;
  deleted?: boolean;
}

export async function insertReply(db: Kysely<DB>, reply: ReplyFixture): Promise<number> {
  const row = await db
    .insertInto("replies")
    .values({
      story_id: reply.storyId,
      author_id: reply.authorId,
      body_md: reply.body,
      body_html: renderMarkdown(reply.body),
      created_at: reply.createdAt ?? new Date(),
      hidden_at: reply.hidden ? new Date() : null,
      hidden_reason: reply.hidden ? "fixture" : null,
      deleted_at: reply.deleted ? new Date() : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
