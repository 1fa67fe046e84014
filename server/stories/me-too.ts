// "Me too — this happened to me": one per member per story, counted on the story.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/** True when this member's "me too" was new. */
export async function addMeToo(db: Kysely<DB>, storyId: number, userId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("me_toos")
      .values({ story_id: storyId, user_id: userId })
      .onConflict((oc) => oc.columns(["story_id", "user_id"]).doNothing())
      .returning("story_id")
      .executeTakeFirst();
    if (inserted) await trx.updateTable("stories").set({ me_too_count: sql`me_too_count + 1` }).where("id", "=", storyId).execute();
    return Boolean(inserted);
  });
}

export async function hasMeToo(db: Kysely<DB>, storyId: number, userId: number): Promise<boolean> {
  return Boolean(await db.selectFrom("me_toos").select("story_id").where("story_id", "=", storyId).where("user_id", "=", userId).executeTakeFirst());
}
