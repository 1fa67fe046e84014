// Small builders for tests that need a few users, organisations and stories
// with exactly the facts under test; everything else gets a sensible default.
import type { Kysely } from "kysely";
import type { DB, NewStory } from "../../server/db/schema.js";
import { renderMarkdown } from "../../server/lib/markdown.js";
import { slugify } from "../../server/lib/slug.js";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

let counter = 0;
const next = () => ++counter;

export async function createUser(db: Kysely<DB>, username = `member${next()}`): Promise<number> {
  const { id } = await db
    .insertInto("users")
    .values({ username, username_key: username.toLowerCase(), password_hash: "!fixture" })
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
