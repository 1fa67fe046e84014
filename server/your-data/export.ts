// "Download everything": what the member posted and what is stored about
// them, as one JSON document. Only their own rows: a story's replies by
// others, or who else follows it, are not theirs to take.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { storyPath } from "../lib/paths.js";
import { listPreferences } from "../mail/preferences.js";

export async function exportMemberData(db: Kysely<DB>, userId: number, publicUrl: string) {
  const account = await db
    .selectFrom("users")
    .select(["id", "username", "email", "email_verified_at", "role", "locale", "created_at", "banned_until", "ban_reason"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const [sessions, stories, steps, replies, revisions, meToos, flags, notifications, storyFollows, companyFollows, mail, representing, preferences, pendingEmail] = await Promise.all([
    db.selectFrom("sessions").select(["created_at", "last_seen_at", "expires_at", "user_agent"]).where("user_id", "=", userId).orderBy("created_at").execute(),
    db
      .selectFrom("stories as s")
      .innerJoin("organisations as c", "c.id", "s.company_id")
      .leftJoin("organisations as o", "o.id", "s.other_party_id")
      .select([
        "s.id", "s.slug", "s.title", "c.name as company", "o.name as other_party", "s.product", "s.country", "s.channel", "s.escalated_to", "s.answered_by",
        "s.escalated_at", "s.escalated_time_known", "s.first_response_at", "s.resolved_at", "s.outcome", "s.lang", "s.body_md", "s.reply_count", "s.me_too_count",
        "s.created_at", "s.edited_at", "s.hidden_at", "s.hidden_reason", "s.deleted_at",
      ])
      .where("s.author_id", "=", userId)
      .orderBy("s.id")
      .execute(),
    // Each story's path, in order: whom they wrote to, when, how, and what came back.
    db
      .selectFrom("story_steps as p")
      .innerJoin("stories as s", "s.id", "p.story_id")
      .select(["p.story_id", "p.position", "p.party", "p.written_at", "p.written_time_known", "p.channel", "p.written_to", "p.answered_at", "p.answered_by", "p.result"])
      .where("s.author_id", "=", userId)
      .orderBy("p.story_id")
      .orderBy("p.position")
      .execute(),
    db
      .selectFrom("replies as r")
      .innerJoin("stories as s", "s.id", "r.story_id")
      .select(["r.id", "r.story_id", "s.title as story_title", "r.parent_id", "r.lang", "r.body_md", "r.created_at", "r.edited_at", "r.hidden_at", "r.hidden_reason", "r.deleted_at"])
      .where("r.author_id", "=", userId)
      .orderBy("r.id")
      .execute(),
    db.selectFrom("revisions").select(["story_id", "reply_id", "snapshot", "created_at"]).where("editor_id", "=", userId).where("moderators_only", "=", false).orderBy("id").execute(),
    db.selectFrom("me_toos").select(["story_id", "created_at"]).where("user_id", "=", userId).orderBy("created_at").execute(),
    db.selectFrom("flags").select(["story_id", "reply_id", "reason", "note", "created_at", "resolved_at"]).where("user_id", "=", userId).orderBy("id").execute(),
    db.selectFrom("notifications").select(["kind", "story_id", "reply_id", "created_at", "read_at"]).where("user_id", "=", userId).orderBy("id").execute(),
    db.selectFrom("story_follows as f").innerJoin("stories as s", "s.id", "f.story_id").select(["f.story_id", "s.title", "f.created_at"]).where("f.user_id", "=", userId).orderBy("f.created_at").execute(),
    db.selectFrom("company_follows as f").innerJoin("organisations as o", "o.id", "f.organisation_id").select(["o.slug", "o.name", "f.created_at"]).where("f.user_id", "=", userId).orderBy("f.created_at").execute(),
    db.selectFrom("mail_outbox").select(["kind", "to_address", "subject", "status", "created_at", "sent_at"]).where("user_id", "=", userId).orderBy("id").execute(),
    db.selectFrom("representatives as r").innerJoin("organisations as o", "o.id", "r.organisation_id").select(["o.slug", "o.name"]).where("r.user_id", "=", userId).execute(),
    listPreferences(db, userId),
    db.selectFrom("email_confirmations").select(["email", "created_at", "expires_at"]).where("user_id", "=", userId).execute(),
  ]);
  return {
    exported_at: new Date(),
    site: publicUrl,
    account: { ...account, pending_email_confirmations: pendingEmail },
    sessions,
    mail_preferences: preferences,
    representing,
    stories: stories.map(({ body_md, ...s }) => ({
      ...s,
      url: s.deleted_at ? null : `${publicUrl}${storyPath(s)}`,
      body_markdown: body_md,
      path: steps.filter((step) => step.story_id === s.id).map(({ story_id: _story, ...step }) => step),
    })),
    replies: replies.map(({ body_md, ...r }) => ({ ...r, body_markdown: body_md })),
    revisions,
    me_toos: meToos,
    flags,
    follows: { stories: storyFollows, companies: companyFollows },
    notifications,
    mail,
  };
}
