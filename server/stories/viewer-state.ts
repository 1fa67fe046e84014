// What a thread shows differently to one member: whether they said "me too"
// and whether they follow it. One round trip, on every member's thread page.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export async function findViewerState(db: Kysely<DB>, storyId: number, userId: number): Promise<{ meToo: boolean; following: boolean }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom("me_toos").select(sql.lit(1).as("x")).where("story_id", "=", storyId).where("user_id", "=", userId)).as("meToo"),
      eb.exists(eb.selectFrom("story_follows").select(sql.lit(1).as("x")).where("user_id", "=", userId).where("story_id", "=", storyId)).as("following"),
    ])
    .executeTakeFirstOrThrow();
  return { meToo: Boolean(row.meToo), following: Boolean(row.following) };
}
