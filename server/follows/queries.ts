// Following a story (its replies and timeline updates) or a company (its new
// stories and official responses). Following twice is following once.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export async function followStory(db: Kysely<DB>, userId: number, storyId: number, follow: boolean): Promise<void> {
  if (follow) await db.insertInto("story_follows").values({ user_id: userId, story_id: storyId }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom("story_follows").where("user_id", "=", userId).where("story_id", "=", storyId).execute();
}

export async function followCompany(db: Kysely<DB>, userId: number, organisationId: number, follow: boolean): Promise<void> {
  if (follow) await db.insertInto("company_follows").values({ user_id: userId, organisation_id: organisationId }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom("company_follows").where("user_id", "=", userId).where("organisation_id", "=", organisationId).execute();
}

export async function followsStory(db: Kysely<DB>, userId: number, storyId: number): Promise<boolean> {
  return Boolean(await db.selectFrom("story_follows").select("story_id").where("user_id", "=", userId).where("story_id", "=", storyId).executeTakeFirst());
}

export async function followsCompany(db: Kysely<DB>, userId: number, organisationId: number): Promise<boolean> {
  return Boolean(await db.selectFrom("company_follows").select("organisation_id").where("user_id", "=", userId).where("organisation_id", "=", organisationId).executeTakeFirst());
}
