// Posting a story: organisations resolved by name, markdown rendered once,
// the path of steps beside the story, all in one transaction. A form sent twice (same submission key) makes one story.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { renderMarkdown } from "../lib/markdown.js";
import { slugify } from "../lib/slug.js";
import { notifyNewStory } from "../notifications/notify.js";
import { resolveOrganisation } from "../organisations/queries.js";
import { guessedLanguage, storyText } from "./language.js";
import { writePath } from "./path.js";
import type { StoryInput } from "./schema.js";

export async function postStory(db: Kysely<DB>, authorId: number, input: StoryInput, submissionKey: string | null) {
  return db.transaction().execute(async (trx) => {
    if (submissionKey) {
      const earlier = await trx.selectFrom("stories").select(["id", "slug"]).where("submission_key", "=", submissionKey).where("author_id", "=", authorId).executeTakeFirst();
      if (earlier) return earlier;
    }
    const company = await resolveOrganisation(trx, input.company);
    const otherParty = input.otherParty ? await resolveOrganisation(trx, input.otherParty) : null;
    const inserted = await trx
      .insertInto("stories")
      .values({
        author_id: authorId,
        ...storyColumns(input, company.id, otherParty?.id ?? null),
        submission_key: submissionKey,
      })
      .onConflict((oc) => oc.column("submission_key").doNothing())
      .returning(["id", "slug"])
      .executeTakeFirst();
    if (inserted) {
      await writePath(trx, inserted.id, input.steps);
      await notifyNewStory(trx, { id: inserted.id, authorId, companyId: company.id });
      return inserted;
    }
    // A concurrent duplicate of this very form won the race: answer with its story.
    return (await trx.selectFrom("stories").select(["id", "slug"]).where("submission_key", "=", submissionKey).executeTakeFirstOrThrow());
  });
}

export function storyColumns(input: StoryInput, companyId: number, otherPartyId: number | null) {
  return {
    title: input.title,
    slug: slugify(input.title),
    company_id: companyId,
    other_party_id: otherPartyId,
    product: input.product,
    country: input.country,
    channel: input.channel,
    escalated_to: input.escalatedTo,
    answered_by: input.answeredBy,
    escalated_at: input.escalatedAt,
    escalated_time_known: input.escalatedTimeKnown,
    first_response_at: input.firstResponseAt,
    first_response_time_known: input.firstResponseTimeKnown,
    resolved_at: input.resolvedAt,
    resolved_time_known: input.resolvedTimeKnown,
    outcome: input.outcome,
    body_md: input.body,
    body_html: renderMarkdown(input.body),
    lang: input.lang ?? guessedLanguage(storyText(input), "en"),
  };
}
