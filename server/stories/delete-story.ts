// An author taking their own story down. Like a moderator's delete it keeps the
// row (replies, revisions and the moderation log still point at it) and marks
// it deleted; every page, list, feed, export and figure already leaves deleted
// stories out, and the story triggers requeue its figures and bump its version.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/** True when this call deleted it (a second submit of the form finds it gone). */
export async function deleteOwnStory(db: Kysely<DB>, storyId: number, authorId: number): Promise<boolean> {
  const result = await db
    .updateTable("stories")
    .set({ deleted_at: new Date() })
    .where("id", "=", storyId)
    .where("author_id", "=", authorId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
