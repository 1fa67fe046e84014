// Members flag a story or a reply: a page of its own, so it works without JavaScript.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import { memberOf } from "../accounts/guards.js";
import type { SessionUser } from "../accounts/session.js";
import { field, multiline, type FieldErrors } from "../lib/form.js";
import { formInput, type FormInput } from "../lib/form-input.js";
import { FormBody as FormSchema, IdParams } from "../lib/schemas.js";
import { replyPath, storyPath } from "../lib/paths.js";
import { findReply, isPublicReply } from "../replies/queries.js";
import { findStory } from "../stories/queries.js";
import { addFlag, FLAG_REASONS, hasFlagged, isFlagReason, type FlagTarget } from "./flags.js";

const NOTE_MAX = 500;

/** Registered behind the members' guard (app.ts). */
export default async function flagRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  /** The flaggable item at the URL: its name, where it lives, and its target. */
  async function item(kind: "story" | "reply", id: number) {
    if (kind === "story") {
      const story = await findStory(app.db, id);
      if (!story || story.hidden_at) return undefined;
      return { target: { kind, id } as FlagTarget, label: `the story “${story.title}”`, href: storyPath(story), action: `/stories/${id}/flag` };
    }
    const found = await findReply(app.db, id);
    if (!found || !isPublicReply(found)) return undefined;
    return { target: { kind, id } as FlagTarget, label: `a reply by ${found.author_username} in “${found.story_title}”`, href: replyPath({ id: found.story_id, slug: found.story_slug }, id), action: `/replies/${id}/flag` };
  }

  const show = async (reply: FastifyReply, user: SessionUser, kind: "story" | "reply", id: number) => {
    const found = await item(kind, id);
    if (!found) return reply.callNotFound();
    const flagged = await hasFlagged(app.db, found.target, user.id);
    return reply.view("moderation/flag.eta", { title: "Flag for the moderators", ...found, flagged, reasons: FLAG_REASONS, values: {}, errors: {}, csrfToken: reply.csrfToken() });
  };

  const submit = async (reply: FastifyReply, user: SessionUser, kind: "story" | "reply", id: number, form: FormInput | null) => {
    const found = form && (await item(kind, id));
    if (!form || !found) return reply.callNotFound();
    const reason = field(form.body, "reason");
    const note = multiline(form.body, "note");
    const errors: FieldErrors = { ...form.errors };
    if (!isFlagReason(reason)) errors.reason = "Choose what is wrong with it.";
    if (note.length > NOTE_MAX) errors.note = `Keep the note under ${NOTE_MAX} characters.`;
    if (!isFlagReason(reason) || Object.keys(errors).length) {
      return reply.code(422).view("moderation/flag.eta", { title: "Flag for the moderators", ...found, flagged: false, reasons: FLAG_REASONS, values: { reason, note }, errors, csrfToken: reply.csrfToken() });
    }
    await app.limits.post.hit(reply.request, reply);
    await addFlag(app.db, found.target, user.id, reason, note || null);
    // Back to the same page, which now says it was flagged (and a second flag is not offered).
    return reply.redirect(found.action, 303);
  };

  const idParams = { params: IdParams };
  const idForm = { schema: { params: IdParams, body: FormSchema }, attachValidation: true };
  app.get("/stories/:id/flag", { schema: idParams }, (request, reply) => show(reply, memberOf(request), "story", request.params.id));
  app.post("/stories/:id/flag", idForm, (request, reply) => submit(reply, memberOf(request), "story", request.params.id, formInput(request)));
  app.get("/replies/:id/flag", { schema: idParams }, (request, reply) => show(reply, memberOf(request), "reply", request.params.id));
  app.post("/replies/:id/flag", idForm, (request, reply) => submit(reply, memberOf(request), "reply", request.params.id, formInput(request)));
}
