// Members flag a story or a reply: a page of its own, so it works without JavaScript.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireUser } from "../accounts/guards.js";
import { field, multiline, type FormBody } from "../lib/form.js";
import { parseId } from "../lib/params.js";
import { replyPath, storyPath } from "../lib/paths.js";
import { findReply, isPublicReply } from "../replies/queries.js";
import { findStory } from "../stories/queries.js";
import { addFlag, FLAG_REASONS, hasFlagged, isFlagReason, type FlagTarget } from "./flags.js";

const NOTE_MAX = 500;

export default async function flagRoutes(app: FastifyInstance) {
  /** The flaggable item at the URL: its name, where it lives, and its target. */
  async function item(kind: "story" | "reply", rawId: string) {
    const id = parseId(rawId) ?? 0;
    if (kind === "story") {
      const story = await findStory(app.db, id);
      if (!story || story.hidden_at) return undefined;
      return { target: { kind, id } as FlagTarget, label: `the story “${story.title}”`, href: storyPath(story), action: `/stories/${id}/flag` };
    }
    const found = await findReply(app.db, id);
    if (!found || !isPublicReply(found)) return undefined;
    return { target: { kind, id } as FlagTarget, label: `a reply by ${found.author_username} in “${found.story_title}”`, href: replyPath({ id: found.story_id, slug: found.story_slug }, id), action: `/replies/${id}/flag` };
  }

  const show = async (request: FastifyRequest, reply: FastifyReply, kind: "story" | "reply") => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const found = await item(kind, (request.params as { id: string }).id);
    if (!found) return reply.callNotFound();
    const flagged = await hasFlagged(app.db, found.target, user.id);
    return reply.view("moderation/flag.eta", { title: "Flag for the moderators", ...found, flagged, reasons: FLAG_REASONS, values: {}, errors: {}, csrfToken: reply.csrfToken() });
  };

  const submit = async (request: FastifyRequest, reply: FastifyReply, kind: "story" | "reply") => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const found = await item(kind, (request.params as { id: string }).id);
    if (!found) return reply.callNotFound();
    const body = (request.body ?? {}) as FormBody;
    const reason = field(body, "reason");
    const note = multiline(body, "note");
    const errors: Record<string, string> = {};
    if (!isFlagReason(reason)) errors.reason = "Choose what is wrong with it.";
    if (note.length > NOTE_MAX) errors.note = `Keep the note under ${NOTE_MAX} characters.`;
    if (!isFlagReason(reason) || Object.keys(errors).length) {
      return reply.code(422).view("moderation/flag.eta", { title: "Flag for the moderators", ...found, flagged: false, reasons: FLAG_REASONS, values: { reason, note }, errors, csrfToken: reply.csrfToken() });
    }
    await app.limits.post.hit(request, reply);
    await addFlag(app.db, found.target, user.id, reason, note || null);
    // Back to the same page, which now says it was flagged (and a second flag is not offered).
    return reply.redirect(found.action, 303);
  };

  app.get("/stories/:id/flag", (request, reply) => show(request, reply, "story"));
  app.post("/stories/:id/flag", (request, reply) => submit(request, reply, "story"));
  app.get("/replies/:id/flag", (request, reply) => show(request, reply, "reply"));
  app.post("/replies/:id/flag", (request, reply) => submit(request, reply, "reply"));
}
