// The versions of the company pages (migrations/0021): what a kept rendering
// is checked against on every request, one query of index probes each. A company
// page's version is its organisation's row (moved by the figures worker, by
// every write to its stories and by a follow), row -1 (moved when every stored figure was
// rewritten at once: a change of the rules, a bulk load) and the newest
// organisation stamp (a rename or merge of any organisation its page names);
// the leaderboard's and /companies/how's is row 0 with the same two.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { withFigures } from "./tables.js";

/** The version row of the pages across organisations: the leaderboard and /companies/how. */
export const ACROSS_ORGANISATIONS = 0;
/** The version row every company page reads besides its own: moved when all stored figures were rewritten at once. */
export const EVERY_PAGE = -1;

/** Moves the pages' versions, in the transaction that changed what they show; call it last (it holds the rows' locks until commit). */
export async function bumpPageVersions(trx: Kysely<DB>, organisationIds: number[]): Promise<void> {
  const ids = [...new Set(organisationIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  await withFigures(trx).insertInto("company_page_versions")
    .values(ids.map((id) => ({ organisation_id: id, version: 1 })))
    .onConflict((oc) => oc.column("organisation_id").doUpdateSet((eb) => ({ version: eb("company_page_versions.version", "+", 1) })))
    .execute();
}

const namesChanged = (db: Kysely<DB>) => db.selectFrom("organisations").select((e) => e.fn.max("changed").as("m"));
const versionRow = (db: Kysely<DB>, organisationId: number) =>
  withFigures(db).selectFrom("company_page_versions").select("version").where("organisation_id", "=", organisationId);

/** The leaderboard's (and /companies/how's) version. */
export async function leaderboardVersion(db: Kysely<DB>): Promise<string> {
  const row = await withFigures(db)
    .selectNoFrom((eb) => [
      versionRow(db, ACROSS_ORGANISATIONS).as("version"),
      versionRow(db, EVERY_PAGE).as("every"),
      namesChanged(db).as("names"),
    ])
    .executeTakeFirstOrThrow();
  return `${row.version ?? 0}.${row.every ?? 0}.${row.names ?? 0}`;
}

/** The organisation a company page's address names and its page's version: what a request reads before it can send a kept page. */
export async function findCompanyPageHead(db: Kysely<DB>, slug: string) {
  // Postgres text cannot hold NUL, and no slug is that long: a URL may carry either.
  if (slug.includes("\u0000") || slug.length > 200) return undefined;
  const row = await withFigures(db)
    .selectFrom("organisations as o")
    .leftJoin("company_page_versions as v", "v.organisation_id", "o.id")
    .select(["o.id", "o.slug", "o.name", "o.kind", "o.parent_id", "o.merged_into_id", "o.created_at", "v.version"])
    .select([versionRow(db, EVERY_PAGE).as("every"), namesChanged(db).as("names")])
    .where("o.slug", "=", slug)
    .executeTakeFirst();
  if (!row) return undefined;
  const { version, every, names, ...organisation } = row;
  return { organisation, version: `${version ?? 0}.${every ?? 0}.${names ?? 0}` };
}

/** Who follows the organisation: kept with its page (a follow moves the page's version), so a member's follow form costs no query. */
export async function followersOf(db: Kysely<DB>, organisationId: number): Promise<Set<number>> {
  const rows = await db.selectFrom("company_follows").select("user_id").where("organisation_id", "=", organisationId).execute();
  return new Set(rows.map((r) => r.user_id));
}
