// Editing a story keeps what it said before as a revision, so readers can see
// every earlier version. "Update the timeline" is the same, for the path and the ending only.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import { notifyTimeline } from "../notifications/notify.js";
import { resolveOrganisation } from "../organisations/queries.js";
import { findPath, writePath } from "./path.js";
import { storyColumns } from "./post-story.js";
import type { StoryInput, TimelineInput } from "./schema.js";

async function keepRevision(trx: Transaction<DB>, storyId: number, editorId: number) {
  const before = await trx
    .selectFrom("stories as s")
    .innerJoin("organisations as c", "c.id", "s.company_id")
    .leftJoin("organisations as o", "o.id", "s.other_party_id")
    .where("s.id", "=", storyId)
    .select([
      "s.title", "s.product", "s.country", "s.channel", "s.escalated_to", "s.answered_by", "s.escalated_at", "s.escalated_time_known",
      "s.first_response_at", "s.first_response_time_known", "s.resolved_at", "s.resolved_time_known", "s.outcome", "s.lang", "s.body_md", "s.body_html", "s.edited_at", "s.created_at",
      "c.name as company_name", "o.name as other_party_name",
    ])
    .executeTakeFirstOrThrow();
  // The version being replaced was current from its last edit (or posting) until now, with its path.
  const steps = await findPath(trx, storyId);
  const snapshot = { ...before, steps: steps.map(({ story_id: _story, ...step }) => step), version_from: before.edited_at ?? before.created_at };
  await trx.insertInto("revisions").values({ story_id: storyId, editor_id: editorId, snapshot: JSON.stringify(snapshot) }).execute();
}

export async function editStory(db: Kysely<DB>, storyId: number, editorId: number, input: StoryInput) {
  await db.transaction().execute(async (trx) => {
    await keepRevision(trx, storyId, editorId);
    const company = await resolveOrganisation(trx, input.company);
    const otherParty = input.otherParty ? await resolveOrganisation(trx, input.otherParty) : null;
    // A new title gets a new slug; links with the old one redirect to it.
    await trx.updateTable("stories").set({ ...storyColumns(input, company.id, otherParty?.id ?? null), edited_at: new Date() }).where("id", "=", storyId).execute();
    await writePath(trx, storyId, input.steps);
  });
}

export async function updateTimeline(db: Kysely<DB>, storyId: number, editorId: number, timeline: TimelineInput) {
  await db.transaction().execute(async (trx) => {
    await keepRevision(trx, storyId, editorId);
    await trx
      .updateTable("stories")
      .set({
        channel: timeline.channel,
        escalated_to: timeline.escalatedTo,
        escalated_at: timeline.escalatedAt,
        escalated_time_known: timeline.escalatedTimeKnown,
        answered_by: timeline.answeredBy,
        first_response_at: timeline.firstResponseAt,
        first_response_time_known: timeline.firstResponseTimeKnown,
        resolved_at: timeline.resolvedAt,
        resolved_time_known: timeline.resolvedTimeKnown,
        outcome: timeline.outcome,
        edited_at: new Date(),
        last_activity_at: new Date(),
      })
      .where("id", "=", storyId)
      .execute();
    await writePath(trx, storyId, timeline.steps);
    await notifyTimeline(trx, { id: storyId, authorId: editorId });
  });
}
