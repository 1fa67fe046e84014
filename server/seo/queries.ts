// What the sitemaps list: visible stories and organisations with a page, in id blocks,
// so the index stays ~100 lines at a million stories and each sitemap one index range.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/** Ids per sitemap file; the protocol allows 50,000 URLs, a smaller block keeps files ~1 MB. */
export const SITEMAP_BLOCK = 10_000;

export type SitemapKind = "stories" | "companies";

/**
 * The blocks that hold at least one listed row, found by skipping from block to block
 * through the primary key (one index probe per block, never a scan of the table).
 */
export async function sitemapBlocks(db: Kysely<DB>, kind: SitemapKind): Promise<number[]> {
  const table = kind === "stories" ? sql`stories` : sql`organisations`;
  const listed = kind === "stories" ? sql`hidden_at is null and deleted_at is null` : sql`merged_into_id is null`;
  const result = await sql<{ block: number }>`
    with recursive blocks(block) as (
      (select id / ${SITEMAP_BLOCK} as block from ${table} where ${listed} order by id limit 1)
      union all
      select (select id / ${SITEMAP_BLOCK} from ${table} where id >= (b.block + 1) * ${SITEMAP_BLOCK} and ${listed} order by id limit 1)
      from blocks b where b.block is not null
    )
    select block from blocks where block is not null`.execute(db);
  return result.rows.map((row) => Number(row.block));
}

export async function storiesInBlock(db: Kysely<DB>, block: number) {
  return db
    .selectFrom("stories")
    .select(["id", "slug", "created_at", "edited_at", "last_activity_at"])
    .where("id", ">=", block * SITEMAP_BLOCK)
    .where("id", "<", (block + 1) * SITEMAP_BLOCK)
    .where("hidden_at", "is", null)
    .where("deleted_at", "is", null)
    .orderBy("id")
    .execute();
}

export async function organisationsInBlock(db: Kysely<DB>, block: number) {
  return db
    .selectFrom("organisations")
    .select(["slug", "created_at"])
    .where("id", ">=", block * SITEMAP_BLOCK)
    .where("id", "<", (block + 1) * SITEMAP_BLOCK)
    .where("merged_into_id", "is", null)
    .orderBy("id")
    .execute();
}
