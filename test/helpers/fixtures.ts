// The one factory of the tests' users, organisations, stories and replies,
// with exactly the facts under test and one set of defaults for the rest:
// storyRow is every fixture story's row, and insertStoryRows writes rows with
// the one-step path the story form would have given each. createStory sets the
// facts the figures read; insertStory the words, dates and visibility the lists,
// feeds and search read.
import { sql, type Kysely } from "kysely";
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

/** A story's row: the facts given, and the same defaults for every fixture story. */
export function storyRow(facts: StoryFacts): NewStory {
  const { responseSeconds, ...rest } = facts;
  const escalatedAt = facts.escalated_at ?? new Date(Date.now() - 60 * DAY);
  const answered = responseSeconds !== undefined && responseSeconds !== null;
  const title = facts.title ?? `Fixture story number ${next()}`;
  const body = facts.body_md ?? "What happened, in a few words.";
  return {
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
  };
}

/** Inserts the rows in one statement (one run of the figures' triggers), each with the one-step path the form would have written. */
export async function insertStoryRows(db: Kysely<DB>, rows: NewStory[]): Promise<{ id: number; slug: string }[]> {
  const inserted = await db.insertInto("stories").values(rows).returning(["id", "slug"]).execute();
  await sql`insert into story_steps (story_id, position, party, written_at, written_time_known, channel, written_to, answered_at, answered_by, result)
    select id, 1, 'company', escalated_at, escalated_time_known, channel, escalated_to, first_response_at, answered_by,
      case when first_response_at is not null then 'answered' when outcome = 'pending' then null else 'ignored' end
    from stories where id in (${sql.join(inserted.map((r) => r.id))})`.execute(db);
  return inserted;
}

export async function createStory(db: Kysely<DB>, facts: StoryFacts): Promise<number> {
  const [story] = await insertStoryRows(db, [storyRow(facts)]);
  return story!.id;
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
  country?: string;
  createdAt?: Date;
  hidden?: boolean;
  deleted?: boolean;
}

export async function insertStory(db: Kysely<DB>, story: StoryFixture): Promise<{ id: number; slug: string }> {
  const createdAt = story.createdAt ?? new Date();
  const [row] = await insertStoryRows(db, [storyRow({
    author_id: story.authorId,
    company_id: story.companyId,
    other_party_id: story.otherPartyId ?? null,
    title: story.title,
    body_md: story.body ?? "A fixture story.",
    ...(story.outcome ? { outcome: story.outcome } : {}),
    ...(story.country ? { country: story.country } : {}),
    // Posted a day after the escalation.
    escalated_at: new Date(createdAt.getTime() - 86_400_000),
    created_at: createdAt,
    hidden_at: story.hidden ? new Date() : null,
    hidden_reason: story.hidden ? "fixture" : null,
    deleted_at: story.deleted ? new Date() : null,
  })]);
  return row!;
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
