// Small builders for tests that need a few users, organisations, stories and
// replies with exactly the facts under test; everything else gets a sensible
// default. createStory sets the facts the figures read; insertStory the words,
// dates and visibility the lists, feeds and search read.
import type { Kysely } from "kysely";
import type { DB, NewStory } from "../../server/db/schema.js";
import type { Outcome } from "../../server/lib/enums.js";
import { renderMarkdown } from "../../server/lib/markdown.js";
import { slugify } from "../../server/lib/slug.js";
import { normaliseUsername } from "../../server/lib/usernames.js";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

let counter = 0;
const next = () => ++counter;

export async function createUser(db: Kysely<DB>, username = `member${next()}`): Promise<number> {
  const { id } = await db
    .insertInto("users")
    .values({ username, username_key: normaliseUsername(username), password_hash: "!fixture" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function createOrganisation(db: Kysely<DB>, name: string, extra: { slug?: string; merged_into_id?: number } = {}): Promise<number> {
  const { id } = await db
    .insertInto("organisations")
    .values({ name, slug: extra.slug ?? slugify(name, `org-${next()}`), merged_into_id: extra.merged_into_id ?? null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export interface StoryFacts extends Partial<Omit<NewStory, "escalated_at" | "first_response_at">> {
  author_id: number;
  company_id: number;
  /** When it was escalated; default: 60 days ago. */
  escalated_at?: Date;
  /** Seconds from escalation to the first response; null or absent = no answer. */
  responseSeconds?: number | null;
}

export async function createStory(db: Kysely<DB>, facts: StoryFacts): Promise<number> {
  const { responseSeconds, ...rest } = facts;
  const escalatedAt = facts.escalated_at ?? new Date(Date.now() - 60 * DAY);
  const answered = responseSeconds !== undefined && responseSeconds !== null;
  const title = facts.title ?? `Fixture story number ${next()}`;
  const body = facts.body_md ?? "What happened, in a few words.";
  const { id } = await db
    .insertInto("stories")
    .values({
      title,
      slug: slugify(title),
      country: "US",
      channel: "email",
      escalated_to: "ceo",
      outcome: answered ? "resolved" : "no_response",
      first_response_at: answered ? new Date(escalatedAt.getTime() + responseSeconds * 1000) : null,
      body_md: body,
      body_html: renderMarkdown(body),
      ...rest,
      escalated_at: escalatedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Several stories for one organisation, one per response time (null = unanswered). */
export async function createStories(db: Kysely<DB>, base: StoryFacts, responseSeconds: (number | null)[]): Promise<number[]> {
  const ids: number[] = [];
  for (const seconds of responseSeconds) ids.push(await createStory(db, { ...base, responseSeconds: seconds }));
  return ids;
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
