// Organisations and their stories, for the company pages. No figures here.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { listStories, type StoryPage } from "../stories/queries.js";
import { withFigures, type Period } from "./tables.js";

export const STORIES_PER_PAGE = 25;

/** The organisation's visible stories, newest first, keyset-paged on the stories_company index. */
export async function companyStories(db: Kysely<DB>, companyId: number, after?: number): Promise<StoryPage> {
  return listStories(db, { companyId, after, limit: STORIES_PER_PAGE });
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
