// A story's path of steps in the database: written with the story, in its
// transaction, and read for the thread, the forms and the open data.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import type { StepInput } from "./steps.js";

/** Replaces the story's path with these steps, numbered 1, 2, 3 … in order. */
export async function writePath(trx: Transaction<DB>, storyId: number, steps: StepInput[]): Promise<void> {
  await trx.deleteFrom("story_steps").where("story_id", "=", storyId).execute();
  await trx
    .insertInto("story_steps")
    .values(steps.map((s, i) => ({
      story_id: storyId, position: i + 1, party: s.party, written_at: s.writtenAt, written_time_known: s.writtenTimeKnown,
      channel: s.channel, written_to: s.writtenTo, answered_at: s.answeredAt, answered_by: s.answeredBy, result: s.result,
    })))
    .execute();
}

export async function findPath(db: Kysely<DB>, storyId: number) {
  return db.selectFrom("story_steps").selectAll().where("story_id", "=", storyId).orderBy("position").execute();
}

export type PathStep = Awaited<ReturnType<typeof findPath>>[number];
