// The story list's filters without a company: country, outcome and response
// time, each with every sort, as keyset indexes of their own (partial, like
// the sorts' own in 0001). A combination of two or three filters reads the
// most selective one's index in sort order and checks the others on the way,
// so a page reads a few hundred index entries rather than every match.
import { sql, type Kysely } from "kysely";

const FILTERS = { country: "country", outcome: "outcome", bucket: "response_bucket" } as const;
const SORTS = { new: "created_at", active: "last_activity_at", top: "me_too_count" } as const;

const names = () => Object.entries(FILTERS).flatMap(([filter, column]) => Object.entries(SORTS).map(([sort, key]) => ({ name: `stories_${filter}_${sort}`, column, key })));

export async function up(db: Kysely<any>): Promise<void> {
  const visible = sql<boolean>`hidden_at is null and deleted_at is null`;
  for (const { name, column, key } of names()) {
    await db.schema.createIndex(name).on("stories").columns([column, `${key} desc`, "id desc"]).where(visible).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { name } of names()) await db.schema.dropIndex(name).execute();
}
