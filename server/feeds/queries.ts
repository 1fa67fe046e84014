// What the feeds carry: the newest visible stories, site-wide or for one organisation.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export const FEED_SIZE = 50;

function feedStoryQuery(db: Kysely<DB>) {
  return db
    .selectFrom("stories as s")
    .innerJoin("organisations as c", "c.id", "s.company_id")
    .leftJoin("organisations as o", "o.id", "s.other_party_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .where("s.hidden_at", "is", null)
    .where("s.deleted_at", "is", null)
    .select([
      "s.id", "s.slug", "s.title", "s.body_html", "s.outcome", "s.created_at", "s.edited_at",
      "c.name as company_name", "c.slug as company_slug", "o.name as other_party_name", "o.slug as other_party_slug",
      "u.username as author_username",
    ])
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

export async function findOrganisationBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom("organisations").select(["id", "slug", "name", "merged_into_id", "created_at"]).where("slug", "=", slug).executeTakeFirst();
}

export async function findOrganisationById(db: Kysely<DB>, id: number) {
  return db.selectFrom("organisations").select(["id", "slug", "name", "merged_into_id", "created_at"]).where("id", "=", id).executeTakeFirst();
}
