// Organisations and their stories, for the company pages. No figures here.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { StoryPage } from "../stories/queries.js";
import { withFigures, type Period } from "./tables.js";

export const STORIES_PER_PAGE = 25;

export async function findOrganisation(db: Kysely<DB>, slug: string) {
  return db.selectFrom("organisations").select(["id", "slug", "name", "kind", "merged_into_id"]).where("slug", "=", slug).executeTakeFirst();
}

/** Where a merged organisation now lives: follows merged_into_id to the end. */
export async function mergeTarget(db: Kysely<DB>, id: number): Promise<{ slug: string } | undefined> {
  let current = await db.selectFrom("organisations").select(["id", "slug", "merged_into_id"]).where("id", "=", id).executeTakeFirst();
  for (let hops = 0; current?.merged_into_id && hops < 20; hops++) {
    current = await db.selectFrom("organisations").select(["id", "slug", "merged_into_id"]).where("id", "=", current.merged_into_id).executeTakeFirst();
  }
  return current && !current.merged_into_id ? { slug: current.slug } : undefined;
}

/** The organisation's visible stories, newest first, keyset-paged on the stories_company index. */
export async function companyStories(db: Kysely<DB>, companyId: number, after?: number): Promise<StoryPage> {
  let query = db
    .selectFrom("stories as s")
    .innerJoin("organisations as c", "c.id", "s.company_id")
    .leftJoin("organisations as o", "o.id", "s.other_party_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .where("s.company_id", "=", companyId)
    .where("s.hidden_at", "is", null)
    .where("s.deleted_at", "is", null)
    .select([
      "s.id", "s.slug", "s.title", "s.created_at", "s.outcome", "s.country", "s.channel", "s.escalated_to",
      "s.response_seconds", "s.response_bucket", "s.reply_count", "s.me_too_count", "s.product",
      "c.name as company_name", "c.slug as company_slug",
      "o.name as other_party_name", "o.slug as other_party_slug",
      "u.username as author_username",
    ]);
  if (after !== undefined) {
    query = query.where(sql<boolean>`(s.created_at, s.id) < (select created_at, id from stories where id = ${after})`);
  }
  const rows = await query.orderBy("s.created_at", "desc").orderBy("s.id", "desc").limit(STORIES_PER_PAGE + 1).execute();
  const stories = rows.slice(0, STORIES_PER_PAGE);
  return { stories, nextAfter: rows.length > STORIES_PER_PAGE ? stories[stories.length - 1]!.id : null };
}

/** Countries with figures in the period, read as a loose index scan (a few probes, not a scan). */
export async function countriesWithFigures(db: Kysely<DB>, period: Period): Promise<string[]> {
  const { rows } = await sql<{ country: string }>`
    with recursive c(country) as (
      (select country from company_figures where period = ${period} and country > '' order by country limit 1)
      union all
      select (select f.country from company_figures f where f.period = ${period} and f.country > c.country order by f.country limit 1)
      from c where c.country is not null
    )
    select country from c where country is not null`.execute(withFigures(db));
  return rows.map((r) => r.country);
}
