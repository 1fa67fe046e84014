// The nudge that keeps the figures fresh: a story with no first response
// NO_RESPONSE_DAYS after it was escalated (or posted, if later), or answered
// but without an outcome NO_OUTCOME_DAYS after the answer, asks its author
// once "did they answer?". The nudges row is written in the same transaction
// as the mail, so each story and stage is asked about once, by one process.
import { messages } from "../i18n/index.js";
import { sql, type Kysely } from "kysely";
import type { DB, NudgesTable } from "../db/schema.js";
import { compose } from "./compose.js";
import type { MailLinks } from "./links.js";
import { nudgeMail } from "./messages/nudge.js";
import { enqueueMail } from "./outbox.js";
import { NUDGE, recipientsFor } from "./preferences.js";

export const NO_RESPONSE_DAYS = 7;
export const NO_OUTCOME_DAYS = 30;
/**
 * A nudge is sent while it is due, for a week: a reminder weeks late is noise, and the
 * bound keeps each round's read an index range (migrations/0020) however many stories
 * were nudged before, instead of a scan past all of them.
 */
export const NUDGE_LATE_DAYS = 7;
const DAY_MS = 86_400_000;
const BATCH = 100;

type Stage = NudgesTable["stage"];

export const timelinePath = (story: { id: number }) => `/stories/${story.id}/timeline`;

async function dueStories(db: Kysely<DB>, stage: Stage, now: Date) {
  const days = stage === "no_response" ? NO_RESPONSE_DAYS : NO_OUTCOME_DAYS;
  const dueBy = new Date(now.getTime() - days * DAY_MS);
  const dueSince = new Date(dueBy.getTime() - NUDGE_LATE_DAYS * DAY_MS);
  // The expressions and conditions of the partial indexes of migrations/0020.
  const due = stage === "no_response" ? sql<Date>`greatest(s.escalated_at, s.created_at)` : sql<Date>`greatest(s.first_response_at, s.created_at)`;
  let query = db
    .selectFrom("stories as s")
    .select(["s.id", "s.title", "s.author_id"])
    .where("s.deleted_at", "is", null)
    .where("s.hidden_at", "is", null)
    .where(due, "<=", dueBy)
    .where(due, ">", dueSince)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("nudges as d").select("d.story_id").whereRef("d.story_id", "=", "s.id").where("d.stage", "=", stage))))
    .orderBy(due)
    .orderBy("s.id")
    .limit(BATCH);
  query = stage === "no_response"
    ? query.where("s.first_response_at", "is", null).where("s.outcome", "in", ["pending", "no_response"])
    : query.where("s.first_response_at", "is not", null).where("s.outcome", "=", "pending");
  return query.execute();
}

/** Queues the nudges due at `now`; returns how many mails it queued. */
export async function sendNudges(db: Kysely<DB>, links: MailLinks, now: Date): Promise<number> {
  let queued = 0;
  for (const stage of ["no_response", "no_outcome"] as const) {
    for (const story of await dueStories(db, stage, now)) {
      queued += await db.transaction().execute(async (trx) => {
        const claimed = await trx.insertInto("nudges").values({ story_id: story.id, stage, sent_at: now }).onConflict((oc) => oc.doNothing()).returning("story_id").executeTakeFirst();
        if (!claimed) return 0; // another process asked already
        // Recorded even when the author turned nudges off or has no address: "once" means once.
        const [author] = await recipientsFor(trx, [story.author_id], NUDGE);
        if (!author || author.delivery === "off") return 0;
        const days = stage === "no_response" ? NO_RESPONSE_DAYS : NO_OUTCOME_DAYS;
        const mail = compose(
          nudgeMail(messages(author.locale).mail, { storyTitle: story.title, stage, days, timelineUrl: links.url(timelinePath(story), author.locale) }),
          links.subscribedFooter(author.userId, NUDGE, author.locale),
        );
        await enqueueMail(trx, { userId: author.userId, to: author.email, kind: "nudge", ...mail });
        return 1;
      });
    }
  }
  return queued;
}
