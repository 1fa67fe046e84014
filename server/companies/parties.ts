// The other parties: organisations named as the one that let the customer down
// first, ranked by how often, with the organisations that fixed their failures.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { figureSql, inPeriod, PAGE_SIZE, type Period } from "./figures.js";

export interface Fixer {
  slug: string;
  name: string;
  /** Stories escalated there after this party failed. */
  stories: number;
  /** Of those, resolved there. */
  fixed: number;
}

export interface PartyRow {
  id: number;
  slug: string;
  name: string;
  failures: number;
  fixed: number;
  fixers: Fixer[];
}

export interface PartyPage {
  rows: PartyRow[];
  total: number;
  pageCount: number;
}

export async function listParties(db: Kysely<DB>, period: Period, page: number): Promise<PartyPage> {
  const failures = db
    .selectFrom("stories as s")
    .where("s.other_party_id", "is not", null)
    .where(inPeriod(period));
  const { total } = await failures.select(sql<number>`count(distinct s.other_party_id)::integer`.as("total")).executeTakeFirstOrThrow();
  const parties = await failures
    .innerJoin("organisations as p", "p.id", "s.other_party_id")
    .groupBy(["p.id", "p.slug", "p.name"])
    .select(["p.id", "p.slug", "p.name", figureSql.stories.as("failures"), figureSql.resolved.as("fixed")])
    .orderBy("failures", "desc").orderBy("p.name").orderBy("p.id")
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  const fixers = await fixersOf(db, parties.map((p) => p.id), period);
  return {
    rows: parties.map((p) => ({ ...p, fixers: fixers.get(p.id) ?? [] })),
    total,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** Per party: the organisations escalated to after it failed, most fixes first. */
async function fixersOf(db: Kysely<DB>, partyIds: number[], period: Period): Promise<Map<number, Fixer[]>> {
  const byParty = new Map<number, Fixer[]>();
  if (partyIds.length === 0) return byParty;
  const rows = await db
    .selectFrom("stories as s")
    .innerJoin("organisations as c", "c.id", "s.company_id")
    .where("s.other_party_id", "in", partyIds)
    .where(inPeriod(period))
    .groupBy(["s.other_party_id", "c.id", "c.slug", "c.name"])
    .select(["s.other_party_id", "c.slug", "c.name", figureSql.stories.as("stories"), figureSql.resolved.as("fixed")])
    .orderBy("fixed", "desc").orderBy("stories", "desc").orderBy("c.name")
    .execute();
  for (const { other_party_id, ...fixer } of rows) {
    const list = byParty.get(other_party_id!) ?? [];
    list.push(fixer);
    byParty.set(other_party_id!, list);
  }
  return byParty;
}
