// Moderators keep organisations tidy: rename, merge a duplicate, set a parent.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { organisationKey } from "../lib/slug.js";
import type { OrganisationRow } from "../organisations/queries.js";
import { changeLabel, logAction } from "./log.js";

/** Why a change was refused, for the page to word in its language (moderation.organisation.errors). */
export type OrganisationProblem = "nameShape" | "nameTaken" | "sameOrganisation" | "targetMerged" | "parentMerged" | "parentLoop";
export type OrganisationChange = { ok: true } | { ok: false; field: "name" | "target" | "parent"; problem: OrganisationProblem };

export async function renameOrganisation(db: Kysely<DB>, org: OrganisationRow, moderatorId: number, name: string, reason: string): Promise<OrganisationChange> {
  const key = organisationKey(name);
  if (!key || name.length > 80) return { ok: false, field: "name", problem: "nameShape" };
  return db.transaction().execute(async (trx) => {
    const owner = await trx.selectFrom("organisation_aliases").select("organisation_id").where("alias_key", "=", key).executeTakeFirst();
    if (owner && owner.organisation_id !== org.id) return { ok: false, field: "name", problem: "nameTaken" } as const;
    await trx.updateTable("organisations").set({ name }).where("id", "=", org.id).execute();
    // The old name stays an alias, so stories typed with it still land here.
    if (!owner) await trx.insertInto("organisation_aliases").values({ organisation_id: org.id, alias: name, alias_key: key }).execute();
    await logAction(trx, { moderatorId, action: "rename", targetType: "organisation", targetId: org.id, targetLabel: changeLabel(org.name, name), reason });
    return { ok: true } as const;
  });
}

/** Moves every story, alias and representative of `duplicate` to `target`; the duplicate's URL then redirects. */
export async function mergeOrganisation(db: Kysely<DB>, duplicate: OrganisationRow, target: OrganisationRow, moderatorId: number, reason: string): Promise<OrganisationChange> {
  if (duplicate.id === target.id) return { ok: false, field: "target", problem: "sameOrganisation" };
  if (target.merged_into_id) return { ok: false, field: "target", problem: "targetMerged" };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("stories").set({ company_id: target.id }).where("company_id", "=", duplicate.id).execute();
    await trx.updateTable("stories").set({ other_party_id: target.id }).where("other_party_id", "=", duplicate.id).execute();
    // A story whose two organisations became one has no separate other party any more.
    await trx.updateTable("stories").set({ other_party_id: null }).where("company_id", "=", target.id).whereRef("other_party_id", "=", "company_id").execute();
    await trx.updateTable("organisation_aliases").set({ organisation_id: target.id }).where("organisation_id", "=", duplicate.id).execute();
    await sql`insert into representatives (user_id, organisation_id)
      select user_id, ${target.id} from representatives where organisation_id = ${duplicate.id} on conflict do nothing`.execute(trx);
    await trx.deleteFrom("representatives").where("organisation_id", "=", duplicate.id).execute();
    await trx.updateTable("organisations").set({ merged_into_id: target.id }).where((eb) => eb.or([eb("id", "=", duplicate.id), eb("merged_into_id", "=", duplicate.id)])).execute();
    await trx.updateTable("organisations").set({ parent_id: target.id }).where("parent_id", "=", duplicate.id).where("id", "<>", target.id).execute();
    await logAction(trx, { moderatorId, action: "merge", targetType: "organisation", targetId: target.id, targetLabel: changeLabel(duplicate.name, target.name), reason });
  });
  return { ok: true };
}

export async function setParent(db: Kysely<DB>, org: OrganisationRow, parent: OrganisationRow | null, moderatorId: number, reason: string): Promise<OrganisationChange> {
  if (parent) {
    if (parent.merged_into_id) return { ok: false, field: "parent", problem: "parentMerged" };
    // No loops: the new parent must not sit under this organisation.
    for (let at: number | null = parent.id, steps = 0; at !== null && steps < 100; steps++) {
      if (at === org.id) return { ok: false, field: "parent", problem: "parentLoop" };
      const row: { parent_id: number | null } | undefined = await db.selectFrom("organisations").select("parent_id").where("id", "=", at).executeTakeFirst();
      at = row?.parent_id ?? null;
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("organisations").set({ parent_id: parent?.id ?? null }).where("id", "=", org.id).execute();
    await logAction(trx, { moderatorId, action: "parent", targetType: "organisation", targetId: org.id, targetLabel: changeLabel(org.name, parent?.name ?? null), reason });
  });
  return { ok: true };
}
