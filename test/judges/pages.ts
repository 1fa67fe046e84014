// The pages the judges look at: one of every kind a reader, a poster and a newcomer meets,
// in English and, under /de/, in German.
import type { Kysely } from "kysely";
import type { DB } from "../../server/db/schema.js";
import { companyPath, localisePath, storyPath } from "../../server/lib/paths.js";

export interface JudgedPage {
  name: string;
  path: string;
  /** Seen by a logged-in member (the story form); the rest as a visitor. */
  member: boolean;
}

export async function judgedPages(db: Kysely<DB>): Promise<JudgedPage[]> {
  const thread = await db.selectFrom("stories").select(["id", "slug"]).where("hidden_at", "is", null)
    .orderBy("reply_count", "desc").orderBy("id").executeTakeFirstOrThrow();
  const company = await db.selectFrom("stories as s").innerJoin("organisations as o", "o.id", "s.company_id")
    .select("o.slug").groupBy("o.slug").orderBy((eb) => eb.fn.countAll(), "desc").orderBy("o.slug").executeTakeFirstOrThrow();
  const english: JudgedPage[] = [
    { name: "home", path: "/", member: false },
    { name: "thread", path: storyPath(thread), member: false },
    { name: "leaderboard", path: "/companies", member: false },
    { name: "company page", path: companyPath(company), member: false },
    { name: "story form", path: "/stories/new", member: true },
    { name: "search", path: "/search?q=phone", member: false },
    { name: "sign-up", path: "/signup", member: false },
  ];
  return [...english, ...english.map((page) => ({ ...page, name: `${page.name} (German)`, path: localisePath("de", page.path) }))];
}
