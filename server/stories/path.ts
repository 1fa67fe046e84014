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
      channel: s.channel, written_to: s.writtenTo, answered_at: s.answeredAt, answered_time_known: s.answeredTimeKnown, answered_by: s.answeredBy, result: s.result,
    })))
    .execute();
}

export async function findPath(db: Kysely<DB>, storyId: number) {
  return db.selectFrom("story_steps").selectAll().where("story_id", "=", storyId).orderBy("position").execute();
}

export type PathStep = Awaited<ReturnType<typeof findPath>>[number];

/** One step as the thread's timeline tells it. */
export interface PathEntry extends PathStep {
  organisationName: string;
  organisationSlug: string;
  /** The role that answered was not the one written to. */
  answeredBySomeoneElse: boolean;
  /** This answer is the story's first response from the company. */
  firstResponse: boolean;
  /** Where the path turned: to another organisation or a different role than the step before. */
  turn: "other_organisation" | "higher" | null;
}

const LEVEL: Record<string, number> = { frontline: 0, pr_social: 1, supervisor: 1, unknown: 1, executive_relations: 2, executive: 3, ceo: 4 };

export function describePath(
  story: { company_name: string; company_slug: string; other_party_name: string | null; other_party_slug: string | null; first_response_at: Date | null },
  steps: PathStep[],
): PathEntry[] {
  let firstMarked = false;
  return steps.map((step, i) => {
    const other = step.party === "other_party" && story.other_party_name !== null;
    const previous = steps[i - 1];
    const isFirst = !firstMarked && step.party === "company" && step.answered_at !== null && story.first_response_at !== null && step.answered_at.getTime() === story.first_response_at.getTime();
    if (isFirst) firstMarked = true;
    return {
      ...step,
      organisationName: other ? story.other_party_name! : story.company_name,
      organisationSlug: other ? story.other_party_slug! : story.company_slug,
      answeredBySomeoneElse: step.answered_by !== null && step.answered_by !== step.written_to && step.answered_by !== "unknown",
      firstResponse: isFirst,
      turn: !previous ? null : previous.party !== step.party ? "other_organisation" : (LEVEL[step.written_to] ?? 1) > (LEVEL[previous.written_to] ?? 1) ? "higher" : null,
    };
  });
}
