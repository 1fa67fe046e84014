// Members flag a story or a reply: a page of its own, so it works without JavaScript.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { memberOf } from "../accounts/guards.js";
import type { SessionUser } from "../accounts/session.js";
import { field, multiline, type FieldErrors } from "../lib/form.js";
import { formInput, type FormInput } from "../lib/form-input.js";
import { FormBody as FormSchema, IdParams } from "../lib/schemas.js";
import { findReply, isPublicReply } from "../replies/queries.js";
import { findStory } from "../stories/queries.js";
import { addFlag, FLAG_REASONS, hasFlagged, isFlagReason, type FlagTarget } from "./flags.js";

const NOTE_MAX = 500;

/** Registered behind the members' guard (app.ts). */
export default async function flagRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  /** The flaggable item at the URL: what it is (the page words it), where it lives, and its target. */
  async function item(request: FastifyRequest, kind: "story" | "reply", id: number) {
    const { paths } = request.i18n;
    if (kind === "story") {
      const story = await findStory(app.db, id);
      if (!story || story.hidden_at) return undefined;
      return { target: { kind, id } as FlagTarget, author: null, storyTitle: story.title, storyLang: story.lang, href: paths.story(story), action: paths.storyFlag({ id }) };
    }
    const found = await findReply(app.db, id);
    if (!found || !isPublicReply(found)) return undefined;
    const story = { id: found.story_id, slug: found.story_slug };
    return { target: { kind, id } as FlagTarget, author: found.author_username, storyTitle: found.story_title, storyLang: found.story_lang, href: paths.reply(story, id), action: paths.replyFlag(id) };
  }

  const page = (request: FastifyRequest) => ({ title: request.i18n.t.moderation.flag.title, reasons: FLAG_REASONS, noteMax: NOTE_MAX });

  const show = async (request: FastifyRequest, reply: FastifyReply, user: SessionUser, kind: "story" | "reply", id: number) => {
    const found = await item(request, kind, id);
    if (!found) return reply.callNotFound();
    const flagged = await hasFlagged(app.db, found.target, user.id);
    return reply.view("moderation/flag.eta", { ...page(request), ...found, flagged, values: {}, errors: {}, csrfToken: reply.csrfToken() });
  };

  const submit = async (request: FastifyRequest, reply: FastifyReply, user: SessionUser, kind: "story" | "reply", id: number, form: FormInput | null) => {
    const found = form && (await item(request, kind, id));
    if (!form || !found) return reply.callNotFound();
    const { t, fmt } = request.i18n;
    const reason = field(form.body, "reason");
    const note = multiline(form.body, "note");
    const errors: FieldErrors = { ...form.errors };
    if (!isFlagReason(reason)) errors.reason = t.moderation.flag.chooseReason;
    if (note.length > NOTE_MAX) errors.note = t.moderation.flag.noteLong(fmt.number(NOTE_MAX));
    if (!isFlagReason(reason) || Object.keys(errors).length) {
      return reply.code(422).view("moderation/flag.eta", { ...page(request), ...found, flagged: false, values: { reason, note }, errors, csrfToken: reply.csrfToken() });
    }
    await app.limits.post.hit(reply.request, reply);
    await addFlag(app.db, found.target, user.id, reason, note || null);
    // Back to the same page, which now says it was flagged (and a second flag is not offered).
    return reply.redirect(found.action, 303);
  };

  const idParams = { params: IdParams };
  const idForm = { schema: { params: IdParams, body: FormSchema }, attachValidation: true };
  app.get("/stories/:id/flag", { schema: idParams }, (request, reply) => show(request, reply, memberOf(request), "story", request.params.id));
  app.post("/stories/:id/flag", idForm, (request, reply) => submit(request, reply, memberOf(request), "story", request.params.id, formInput(request)));
  app.get("/replies/:id/flag", { schema: idParams }, (request, reply) => show(request, reply, memberOf(request), "reply", request.params.id));
  app.post("/replies/:id/flag", idForm, (request, reply) => submit(request, reply, memberOf(request), "reply", request.params.id, formInput(request)));
}
