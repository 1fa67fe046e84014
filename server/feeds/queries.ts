// What the feeds carry: the newest visible stories, site-wide or for one organisation.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { storySummaryQuery } from "../stories/queries.js";

export const FEED_SIZE = 50;

function feedStoryQuery(db: Kysely<DB>) {
  return storySummaryQuery(db)
    .select(["s.body_html", "s.edited_at"])
    .orderBy("s.created_at", "desc")
    .orderBy("s.id", "desc")
    .limit(FEED_SIZE);
}

export type FeedStory = Awaited<ReturnType<ReturnType<typeof feedStoryQuery>["execute"]>>[number];

export async function newestStories(db: Kysely<DB>): Promise<FeedStory[]> {
  return feedStoryQuery(db).execute();
}

/** Stories naming the organisation as company or other party, including organisations merged into it. */
export async function newestStoriesOf(db: Kysely<DB>, organisationId: number): Promise<FeedStory[]> {
  const sameOrganisation = db
    .selectFrom("organisations")
    .select("id")
    .where((eb) => eb.or([eb("id", "=", organisationId), eb("merged_into_id", "=", organisationId)]));
  return feedStoryQuery(db)
    .where((eb) => eb.or([eb("s.company_id", "in", sameOrganisation), eb("s.other_party_id", "in", sameOrganisation)]))
    .execute();
}
