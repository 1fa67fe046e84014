// What a mail says about notifications: who did what where, the reply's own
// words, and the link. Notifications whose reply or story has since been
// hidden or deleted come back as undefined, so no mail mentions them.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { replyPath, storyPath } from "../lib/paths.js";
import type { MailLinks } from "./links.js";
import type { NotificationLine } from "./messages/notification.js";

const EXCERPT = 300;

/** The reply's own words, without the lines it quotes. */
export function excerpt(markdown: string | null): string {
  if (!markdown) return "";
  const own = markdown.split("\n").filter((line) => !line.startsWith(">")).join(" ").replace(/\s+/g, " ").trim();
  return own.length > EXCERPT ? `${own.slice(0, EXCERPT - 1)}…` : own;
}

export interface NotificationDetail extends NotificationLine {
  id: number;
  userId: number;
}

export async function notificationDetails(db: Kysely<DB>, ids: number[], links: MailLinks): Promise<NotificationDetail[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom("notifications as n")
    .innerJoin("stories as s", "s.id", "n.story_id")
    .leftJoin("replies as r", "r.id", "n.reply_id")
    .innerJoin("users as a", (join) => join.on(sql<boolean>`a.id = coalesce(r.author_id, s.author_id)`))
    .innerJoin("users as m", "m.id", "n.user_id")
    .select(["n.id", "n.user_id", "n.kind", "n.reply_id", "r.parent_id", "r.body_md as reply_body", "r.hidden_at as reply_hidden", "r.deleted_at as reply_deleted", "s.id as story_id", "s.slug", "s.title", "s.hidden_at", "s.deleted_at", "a.username", "m.locale"])
    .where("n.id", "in", ids)
    .orderBy("n.id")
    .execute();
  return rows
    .filter((r) => !r.hidden_at && !r.deleted_at && !r.reply_hidden && !r.reply_deleted)
    .map((r) => {
      const story = { id: r.story_id, slug: r.slug };
      return {
        id: r.id,
        userId: r.user_id,
        kind: r.kind,
        topLevel: r.reply_id !== null && r.parent_id === null,
        actor: r.username,
        storyTitle: r.title,
        excerpt: excerpt(r.reply_body),
        url: links.url(r.reply_id === null ? storyPath(story) : replyPath(story, r.reply_id), r.locale),
      };
    });
}
