// Members who speak for an organisation (company right of reply).
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

export async function listRepresentatives(db: Kysely<DB>) {
  return db
    .selectFrom("representatives as rp")
    .innerJoin("users as u", "u.id", "rp.user_id")
    .innerJoin("organisations as o", "o.id", "rp.organisation_id")
    .select(["rp.user_id", "rp.organisation_id", "u.username", "o.name as organisation_name", "o.slug as organisation_slug"])
    .orderBy("o.name")
    .orderBy("u.username")
    .execute();
}

/** True when added, false when they already spoke for it. */
export async function addRepresentative(db: Kysely<DB>, userId: number, organisationId: number): Promise<boolean> {
  const row = await db
    .insertInto("representatives")
    .values({ user_id: userId, organisation_id: organisationId })
    .onConflict((oc) => oc.columns(["user_id", "organisation_id"]).doNothing())
    .returning("user_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function removeRepresentative(db: Kysely<DB>, userId: number, organisationId: number): Promise<void> {
  await db.deleteFrom("representatives").where("user_id", "=", userId).where("organisation_id", "=", organisationId).execute();
}
