// The bench's 1,000-reply thread: made once beside the generated set (the
// generator's own long thread has 100), under the biggest organisation, and
// found again by its title on later runs.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { insertLongThread, type LongThread } from "../generator/long-thread.js";
import { seededRandom } from "../generator/random.js";

export async function ensureThread(db: Kysely<DB>, replies: number): Promise<LongThread> {
  const marker = `(the ${replies.toLocaleString("en")}-reply bench thread)`;
  const found = await db.selectFrom("stories").select(["id", "slug", "reply_count"]).where("title", "like", `%${marker}`).executeTakeFirst();
  if (found) return { id: found.id, slug: found.slug, replies: found.reply_count };
  return db.transaction().execute(async (trx) => {
    const company = await sql<{ id: number; name: string }>`
      select o.id, o.name from company_figures f join organisations o on o.id = f.company_id
      where f.period = 'all' and f.country = '' and f.channel = '' order by f.stories desc limit 1`.execute(trx);
    const users = (await trx.selectFrom("users").select("id").orderBy("id").limit(200).execute()).map((u) => u.id);
    const profile = { ...company.rows[0]!, products: ["phone"], answerRate: 1, medianHours: 5, sigma: 1, resolveRate: 1, homeCountry: "US", intermediary: false };
    const thread = await insertLongThread(trx, seededRandom(1000), { company: profile, otherParty: null, users, replies, now: Date.now() });
    const title = `I wrote to ${profile.name}'s CEO ${marker}`;
    await trx.updateTable("stories").set({ title }).where("id", "=", thread.id).execute();
    return thread;
  });
}
