// Loads the demo stories (demo-data.ts) into an empty database. Instances
// starting at once load them once: the check and the load run under one lock.
import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { renderMarkdown } from "../lib/markdown.js";
import { lockForStartup, type StartupLog } from "./advisory-lock.js";
import { organisationKey, slugify } from "../lib/slug.js";
import { normaliseUsername } from "../lib/usernames.js";
import { demoOrganisations, demoStories, demoUsers } from "./demo-data.js";
import { demoEscalatedAt, demoPath, demoWrittenAt } from "./demo-form.js";
import type { DemoReply } from "./demo-types.js";
import type { DB } from "./schema.js";

const HOUR = 3_600_000;

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom("stories").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return row.n === 0;
}

// "escaldem" in ASCII; not the migrations' key, so seeding never waits on a migration.
const DEMO_LOCK_KEY = 0x657363616c64656dn;

/** Loads the demo data unless the database already has stories; returns how many it wrote (0: it had some). */
export async function loadDemoDataOnce(db: Kysely<DB>, log: StartupLog = () => {}): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockForStartup(trx, DEMO_LOCK_KEY, "loading the demo stories", log);
    if (!(await isEmpty(trx))) return 0;
    return insertDemoData(trx, new Date());
  });
}

/** Inserts the demo data in one transaction; returns how many stories it wrote. */
export async function loadDemoData(db: Kysely<DB>, now = new Date()): Promise<number> {
  return db.transaction().execute((trx) => insertDemoData(trx, now));
}

async function insertDemoData(trx: Kysely<DB>, now: Date): Promise<number> {
  const orgIds = new Map<string, number>();
  for (const org of demoOrganisations) {
    const { id } = await trx
      .insertInto("organisations")
      .values({ slug: org.slug, name: org.name, kind: org.kind })
      .returning("id")
      .executeTakeFirstOrThrow();
    orgIds.set(org.slug, id);
    const names = new Map<string, string>();
    for (const alias of [org.name, ...(org.aliases ?? [])]) names.set(organisationKey(alias), alias);
    await trx
      .insertInto("organisation_aliases")
      .values([...names].map(([alias_key, alias]) => ({ organisation_id: id, alias, alias_key })))
      .execute();
  }

  const userIds = new Map<string, number>();
  for (const user of demoUsers) {
    // Demo accounts cannot be logged into: "!" never matches a password hash.
    const { id } = await trx
      .insertInto("users")
      .values({
        username: user.username,
        username_key: normaliseUsername(user.username),
        password_hash: `!demo-${randomBytes(8).toString("hex")}`,
        created_at: new Date(now.getTime() - 800 * 24 * HOUR),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    userIds.set(user.username, id);
  }
  const userId = (name: string) => {
    const id = userIds.get(name);
    if (id === undefined) throw new Error(`demo data: unknown user ${name}`);
    return id;
  };
  const orgId = (slug: string) => {
    const id = orgIds.get(slug);
    if (id === undefined) throw new Error(`demo data: unknown organisation ${slug}`);
    return id;
  };

  for (const story of demoStories) {
    const escalatedAt = demoEscalatedAt(story, now);
    const at = (hoursAfter: number | undefined) => (hoursAfter === undefined ? null : new Date(escalatedAt.getTime() + hoursAfter * HOUR));
    const createdAt = at(story.postedAfterHours)!;
    const replies = flatten(story.replies ?? []);
    const lastReply = replies.reduce((latest, r) => Math.max(latest, r.reply.hoursAfter), 0);
    const { id: storyId } = await trx
      .insertInto("stories")
      .values({
        author_id: userId(story.author),
        title: story.title,
        slug: slugify(story.title),
        company_id: orgId(story.company),
        other_party_id: story.otherParty ? orgId(story.otherParty) : null,
        product: story.product ?? null,
        country: story.country,
        channel: story.channel,
        escalated_to: story.escalatedTo,
        answered_by: story.answeredBy ?? null,
        escalated_at: escalatedAt,
        escalated_time_known: story.escalatedTime !== undefined,
        first_response_at: at(story.firstResponseAfterHours),
        resolved_at: at(story.resolvedAfterHours),
        // As the form stores them: demo answers and resolutions always have their time.
        resolved_time_known: story.resolvedAfterHours !== undefined,
        outcome: story.outcome,
        body_md: story.body,
        body_html: renderMarkdown(story.body),
        reply_count: replies.length,
        created_at: createdAt,
        last_activity_at: new Date(createdAt.getTime() + lastReply * HOUR),
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    // The path: the story's own steps, or one step with its headline facts.
    await trx
      .insertInto("story_steps")
      .values(demoPath(story).map((step, i) => {
        const writtenAt = at(step.atHours)!;
        return {
          story_id: storyId, position: i + 1, party: step.party, channel: step.channel, written_to: step.writtenTo,
          written_at: demoWrittenAt(step, escalatedAt), written_time_known: step.timeKnown !== false,
          answered_time_known: step.answeredAfterHours !== undefined,
          answered_at: step.answeredAfterHours === undefined ? null : new Date(writtenAt.getTime() + step.answeredAfterHours * HOUR),
          answered_by: step.answeredBy ?? null, result: step.result ?? null,
        };
      }))
      .execute();

    const replyIds = new Map<DemoReply, number>();
    for (const { reply, parent, depth } of replies) {
      const { id } = await trx
        .insertInto("replies")
        .values({
          story_id: storyId,
          parent_id: parent ? replyIds.get(parent)! : null,
          author_id: userId(reply.author),
          depth,
          body_md: reply.body,
          body_html: renderMarkdown(reply.body),
          created_at: new Date(createdAt.getTime() + reply.hoursAfter * HOUR),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      replyIds.set(reply, id);
    }
  }
  return demoStories.length;
}

/** Parents before children, so every parent id is known when its answers are inserted. */
function flatten(replies: DemoReply[], parent: DemoReply | null = null, depth = 0): { reply: DemoReply; parent: DemoReply | null; depth: number }[] {
  return replies.flatMap((reply) => [{ reply, parent, depth }, ...flatten(reply.replies ?? [], reply, depth + 1)]);
}
