// Organisations are found by any of their names: "AT&T", "at&t" and "ATT"
// share one alias key. An unknown name creates a new organisation.
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import { organisationKey, slugify } from "../lib/slug.js";

export interface OrganisationRef {
  id: number;
  slug: string;
  name: string;
}

/** The organisation a typed name means, following merges. */
export async function findOrganisationByName(db: Kysely<DB>, name: string): Promise<OrganisationRef | undefined> {
  const key = organisationKey(name);
  if (!key) return undefined;
  const row = await db
    .selectFrom("organisation_aliases as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .leftJoin("organisations as m", "m.id", "o.merged_into_id")
    .where("a.alias_key", "=", key)
    .select([
      sql<number>`coalesce(m.id, o.id)`.as("id"),
      sql<string>`coalesce(m.slug, o.slug)`.as("slug"),
      sql<string>`coalesce(m.name, o.name)`.as("name"),
    ])
    .executeTakeFirst();
  return row;
}

async function freeSlug(trx: Transaction<DB>, name: string): Promise<string> {
  const base = slugify(name, "organisation");
  const taken = new Set(
    (await trx.selectFrom("organisations").select("slug").where("slug", "like", `${base}%`).execute()).map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** The organisation a filter or link names: any spelling of a name, or its slug. */
export async function findOrganisationByNameOrSlug(db: Kysely<DB>, text: string): Promise<OrganisationRef | undefined> {
  const byName = await findOrganisationByName(db, text);
  if (byName) return byName;
  const slug = slugify(text, "");
  if (!slug) return undefined;
  return db
    .selectFrom("organisations as o")
    .leftJoin("organisations as m", "m.id", "o.merged_into_id")
    .where("o.slug", "=", slug)
    .select([sql<number>`coalesce(m.id, o.id)`.as("id"), sql<string>`coalesce(m.slug, o.slug)`.as("slug"), sql<string>`coalesce(m.name, o.name)`.as("name")])
    .executeTakeFirst();
}

/** An organisation's own row, as the company pages, its feed and moderation read it. */
export async function findOrganisationBySlug(db: Kysely<DB>, slug: string) {
  // Postgres text cannot hold NUL, and no slug is that long: a URL may carry either.
  if (slug.includes("\u0000") || slug.length > 200) return undefined;
  return organisationRow(db).where("slug", "=", slug).executeTakeFirst();
}

function organisationRow(db: Kysely<DB>) {
  return db.selectFrom("organisations").select(["id", "slug", "name", "kind", "parent_id", "merged_into_id", "created_at"]);
}

export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisationBySlug>>>;

// A merge chain longer than this is a data error, not a redirect to follow.
const MAX_MERGE_HOPS = 20;

/** Where a merged organisation now lives: follows merged_into_id to the end, if it ends. */
export async function mergeTarget(db: Kysely<DB>, organisation: OrganisationRow): Promise<OrganisationRow | undefined> {
  let current: OrganisationRow | undefined = organisation;
  for (let hops = 0; current?.merged_into_id != null && hops < MAX_MERGE_HOPS; hops++) {
    current = await organisationRow(db).where("id", "=", current.merged_into_id).executeTakeFirst();
  }
  return current && current.merged_into_id === null ? current : undefined;
}

// Enough for any burst of posters naming new organisations whose slugs collide.
const MAX_SLUG_ATTEMPTS = 50;

/**
 * Finds the organisation by name or alias, creating it when nobody has named it before.
 * Concurrent posters may create the same organisation, or ones whose slugs collide
 * ("Rc 田中", "Rc 中田" are both `rc`): the unique slug and alias key decide, never an error.
 */
export async function resolveOrganisation(trx: Transaction<DB>, name: string): Promise<OrganisationRef> {
  for (let attempt = 0; attempt < MAX_SLUG_ATTEMPTS; attempt++) {
    const existing = await findOrganisationByName(trx, name);
    if (existing) return existing;
    // ON CONFLICT waits for a concurrent creator of this slug; when it commits, the next round sees its row.
    const created = await trx
      .insertInto("organisations")
      .values({ name, slug: await freeSlug(trx, name) })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning(["id", "slug", "name"])
      .executeTakeFirst();
    if (!created) continue;
    const alias = await trx
      .insertInto("organisation_aliases")
      .values({ organisation_id: created.id, alias: name, alias_key: organisationKey(name) })
      .onConflict((oc) => oc.column("alias_key").doNothing())
      .returning("alias_key")
      .executeTakeFirst();
    if (alias) return created;
    // Someone else created it at the same moment: use theirs (the next round finds it).
    await trx.deleteFrom("organisations").where("id", "=", created.id).execute();
  }
  throw new Error(`no free slug for the organisation "${name}" after ${MAX_SLUG_ATTEMPTS} attempts`);
}

/** Names the story form suggests: every organisation, by display name. */
export async function listOrganisationNames(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom("organisations").select("name").where("merged_into_id", "is", null).orderBy("name").limit(2000).execute();
  return rows.map((r) => r.name);
}
