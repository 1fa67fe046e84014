// The one long thread of the generated data set: a story with 100 nested
// replies (chains of answers, quotes, side branches), the page the bench reads.
import type { Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import { renderMarkdown } from "../lib/markdown.js";
import { slugify } from "../lib/slug.js";
import { replyBodies } from "./fake-text.js";
import type { OrganisationProfile } from "./story-rows.js";
import type { Random } from "./random.js";

const HOUR = 3_600_000;

export interface LongThread {
  id: number;
  slug: string;
  replies: number;
}

export async function insertLongThread(
  trx: Transaction<DB>,
  random: Random,
  opts: { company: OrganisationProfile; otherParty: OrganisationProfile | null; users: readonly number[]; replies: number; now: number },
): Promise<LongThread> {
  const { company, otherParty, users, now } = opts;
  const escalatedAt = now - 40 * 24 * HOUR;
  const createdAt = escalatedAt + 30 * HOUR;
  const title = otherParty
    ? `${otherParty.name} cancelled my pre-order twice, so I wrote to ${company.name}'s CEO`
    : `I wrote to ${company.name}'s CEO after two cancelled pre-orders`;
  const body = [
    `I pre-ordered the new phone on launch day${otherParty ? ` from ${otherParty.name}` : ""}. Two weeks later the order was cancelled, then cancelled again when I re-ordered.`,
    `So I emailed ${company.name}'s chief executive. **He answered within hours**, copying the head of marketing, and the next day someone called me.`,
    "1. Pre-order placed\n2. Cancelled, no reason given\n3. Re-ordered, cancelled again\n4. Email to the CEO\n5. Reply the same day, phone call the next\n6. A free phone (and headphones) delivered",
    "Has anyone else had luck writing to the top?",
  ].join("\n\n");
  const authorId = users[0]!;
  const story = await trx
    .insertInto("stories")
    .values({
      author_id: authorId, title, slug: slugify(title), company_id: company.id, other_party_id: otherParty?.id ?? null,
      product: "smartphone pre-order", country: "US", channel: "email", escalated_to: "ceo", answered_by: "ceo",
      escalated_at: new Date(escalatedAt), escalated_time_known: true,
      first_response_at: new Date(escalatedAt + 5 * HOUR), resolved_at: new Date(escalatedAt + 29 * HOUR), outcome: "goodwill",
      lang: "en", body_md: body, body_html: renderMarkdown(body), created_at: new Date(createdAt), last_activity_at: new Date(createdAt),
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();

  // Parents before children: a reply answers the story, or one of the recent replies (making chains deep).
  const texts = replyBodies().filter((b) => b.language === "en").map((b) => b.markdown);
  const posted: { id: number; depth: number; text: string }[] = [];
  let at = createdAt;
  for (let i = 0; i < opts.replies; i++) {
    const parent = i === 0 || random.chance(0.2) ? null : posted[Math.max(0, posted.length - 1 - random.int(0, 4))]!;
    const own = random.pick(texts);
    const text = parent && random.chance(0.3) ? `> ${parent.text.split("\n").filter((l) => !l.startsWith(">"))[0]}\n\n${own}` : own;
    at = Math.min(now, at + random.int(5, 180) * 60_000);
    const reply = await trx
      .insertInto("replies")
      .values({
        story_id: story.id, parent_id: parent?.id ?? null, depth: parent ? parent.depth + 1 : 0,
        author_id: random.chance(0.15) ? authorId : random.pick(users),
        lang: "en", body_md: text, body_html: renderMarkdown(text), created_at: new Date(at),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    posted.push({ id: reply.id, depth: parent ? parent.depth + 1 : 0, text });
  }
  await trx.updateTable("stories").set({ reply_count: opts.replies, last_activity_at: new Date(at) }).where("id", "=", story.id).execute();
  return { id: story.id, slug: story.slug, replies: opts.replies };
}
