// What a thread shows differently to one member: whether they said "me too"
// and whether they follow it. Read with the thread's head (queries.ts), so a
// member's thread page costs no round trip of its own for it.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export interface ViewerState {
  meToo: boolean;
  following: boolean;
}

/** The two flags as columns to select beside a story's own, for the member `userId`. */
export function viewerStateColumns(db: Kysely<DB>, storyId: number, userId: number) {
  const meToo = db.selectFrom("me_toos").select(sql.lit(1).as("x")).where("story_id", "=", storyId).where("user_id", "=", userId);
  const following = db.selectFrom("story_follows").select(sql.lit(1).as("x")).where("user_id", "=", userId).where("story_id", "=", storyId);
  return [sql<boolean>`exists (${meToo})`.as("me_too"), sql<boolean>`exists (${following})`.as("following")];
}
