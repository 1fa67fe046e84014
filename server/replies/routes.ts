// Replying (with a parent and a quote), editing and deleting replies.
import { randomUUID } from "node:crypto";
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import { forbidden, isModerator, memberOf } from "../accounts/guards.js";
import type { SessionUser } from "../accounts/session.js";
import { field, type FormBody } from "../lib/form.js";
import { formInput, type FormInput } from "../lib/form-input.js";
import { CONFIRM_FIELD, findPersonalData } from "../lib/personal-data.js";
import { FormBody as FormSchema, IdParams, OptionalId, QueryText } from "../lib/schemas.js";
import { replyPath, storyPath } from "../lib/paths.js";
import { languageOptions } from "../lib/content-language.js";
import { resolveLanguage } from "../stories/language.js";
import { findStory, type StoryDetail } from "../stories/queries.js";
import { listRevisions } from "../stories/revisions.js";
import { deleteReply, editReply, postReply } from "./post-reply.js";
import { findReply, isPublicReply, type ReplyDetail } from "./queries.js";
import { checkReply, quoteMarkdown, type ReplyCheck } from "./schema.js";

function unconfirmedPersonalData(body: FormBody, text: string): string[] {
  return field(body, CONFIRM_FIELD) === "yes" ? [] : findPersonalData(text);
}

const idParams = { params: IdParams };
const idForm = { schema: { params: IdParams, body: FormSchema }, attachValidation: true };
const replyPageQuery = { params: IdParams, querystring: Type.Object({ parent: OptionalId, quote: QueryText }) };

/** The reply check with the form schema's refusal (lib/form-input.ts) as its one message: a refused form is never posted. */
function withFormError(checked: ReplyCheck, form: FormInput): ReplyCheck {
  if (form.ok) return checked;
  return { ok: false, body: checked.body, parentId: checked.parentId, langValue: checked.langValue, error: form.errors.body ?? Object.values(form.errors)[0] ?? "The form could not be read." };
}

const storyOf = (r: ReplyDetail) => ({ id: r.story_id, slug: r.story_slug });

/** Earlier versions of a reply: public, like the thread. */
export async function replyReadingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get("/replies/:id/revisions", { schema: idParams }, async (request, reply) => {
    const found = await findReply(app.db, request.params.id);
    // Moderators read what they hid; everyone else finds nothing here.
    if (!found || (!isPublicReply(found) && !isModerator(request.user))) return reply.callNotFound();
    const revisions = await listRevisions(app.db, { reply_id: found.id }, { moderatorsOnly: false });
    return reply.view("replies/revisions.eta", { title: request.i18n.t.replies.revisions.title(found.author_username), reply: found, story: storyOf(found), revisions });
  });
}

/** Replying, editing and deleting: registered behind the members' guard (app.ts). */
export default async function replyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const visibleStory = async (id: number) => {
    const story = await findStory(app.db, id);
    return story && !story.hidden_at ? story : undefined;
  };

  async function replyPage(reply: FastifyReply, story: StoryDetail, form: { body: string; parentId: number | null; lang?: string; error?: string; langError?: string; personalData?: string[]; status?: number }) {
    const parent = form.parentId ? await findReply(app.db, form.parentId) : undefined;
    return reply.code(form.status ?? 200).view("replies/new.eta", {
      title: reply.request.i18n.t.replies.newTitle(story.title),
      story,
      parent: parent && parent.story_id === story.id && isPublicReply(parent) ? parent : undefined,
      body: form.body,
      lang: form.lang ?? "",
      error: form.error,
      langError: form.langError,
      languages: languageOptions(reply.request.i18n.t.languages),
      personalData: form.personalData,
      submissionKey: randomUUID(),
      csrfToken: reply.csrfToken(),
    });
  }

  // The reply page: works without JavaScript for answering a reply or quoting.
  app.get("/stories/:id/reply", { schema: replyPageQuery }, async (request, reply) => {
    const story = await visibleStory(request.params.id);
    if (!story) return reply.callNotFound();
    const parentId = request.query.parent ?? null;
    const quote = request.query.quote;
    let body = "";
    const wrote = request.i18n.t.replies.quoteWrote;
    if (quote === "story") body = quoteMarkdown(story.author_username, story.body_md, wrote);
    else if (quote && parentId) {
      const parent = await findReply(app.db, parentId);
      if (parent && parent.story_id === story.id && isPublicReply(parent)) body = quoteMarkdown(parent.author_username, parent.body_md, wrote);
    }
    return replyPage(reply, story, { body, parentId });
  });

  app.post("/stories/:id/replies", idForm, async (request, reply) => {
    const user = memberOf(request);
    const form = formInput(request);
    const story = form && (await visibleStory(request.params.id));
    if (!form || !story) return reply.callNotFound();
    const checked = withFormError(checkReply(form.body, request.i18n), form);
    if (!checked.ok) return replyPage(reply, story, { body: checked.body, parentId: checked.parentId, lang: checked.langValue, error: checked.error, langError: checked.langError, status: 422 });
    const personalData = unconfirmedPersonalData(form.body, checked.body);
    if (personalData.length) return replyPage(reply, story, { body: checked.body, parentId: checked.parentId, lang: checked.langValue, personalData, status: 422 });
    await app.limits.post.hit(request, reply);
    const result = await postReply(app.db, { storyId: story.id, authorId: user.id, parentId: checked.parentId, body: checked.body, submissionKey: checked.submissionKey, lang: checked.lang });
    if (!result.ok) {
      const error = result.reason === "locked" ? request.i18n.t.replies.errors.locked : request.i18n.t.replies.errors.parentGone;
      return replyPage(reply, story, { body: checked.body, parentId: null, lang: checked.langValue, error, status: result.reason === "locked" ? 403 : 422 });
    }
    return reply.redirect(replyPath(story, result.id), 303);
  });

  /** The reply at :id when `user` wrote it; otherwise sends the 404 or 403 page and gives undefined. */
  async function ownReply(reply: FastifyReply, id: number, user: SessionUser): Promise<ReplyDetail | undefined> {
    const found = await findReply(app.db, id);
    if (!found || !isPublicReply(found)) {
      await reply.callNotFound();
      return undefined;
    }
    if (found.author_id !== user.id) {
      await forbidden(reply, reply.request.i18n.t.replies.errors.notAuthor);
      return undefined;
    }
    return found;
  }

  app.get("/replies/:id/edit", { schema: idParams }, async (request, reply) => {
    const own = await ownReply(reply, request.params.id, memberOf(request));
    if (!own) return reply;
    return reply.view("replies/edit.eta", { title: request.i18n.t.replies.edit.title, reply: own, story: storyOf(own), body: own.body_md, lang: own.lang, languages: languageOptions(request.i18n.t.languages), csrfToken: reply.csrfToken() });
  });

  app.post("/replies/:id/edit", idForm, async (request, reply) => {
    const form = formInput(request);
    if (!form) return reply.callNotFound();
    const own = await ownReply(reply, request.params.id, memberOf(request));
    if (!own) return reply;
    const checked = withFormError(checkReply(form.body, request.i18n), form);
    const personalData = checked.ok ? unconfirmedPersonalData(form.body, checked.body) : [];
    if (!checked.ok || personalData.length) {
      return reply.code(422).view("replies/edit.eta", {
        title: request.i18n.t.replies.edit.title, reply: own, story: storyOf(own), body: checked.body, lang: checked.langValue, languages: languageOptions(request.i18n.t.languages),
        error: checked.ok ? undefined : checked.error, langError: checked.ok ? undefined : checked.langError, personalData, csrfToken: reply.csrfToken(),
      });
    }
    await editReply(app.db, own.id, own.author_id, checked.body, await resolveLanguage(app.db, checked.lang, checked.body, own.story_lang));
    return reply.redirect(replyPath(storyOf(own), own.id), 303);
  });

  // A page that asks first, so deleting works without JavaScript and never in one click.
  app.get("/replies/:id/delete", { schema: idParams }, async (request, reply) => {
    const own = await ownReply(reply, request.params.id, memberOf(request));
    if (!own) return reply;
    return reply.view("replies/delete.eta", { title: request.i18n.t.replies.delete.title, reply: own, story: storyOf(own), csrfToken: reply.csrfToken() });
  });

  app.post("/replies/:id/delete", { schema: idParams }, async (request, reply) => {
    const own = await ownReply(reply, request.params.id, memberOf(request));
    if (!own) return reply;
    await deleteReply(app.db, own.id, own.story_id);
    return reply.redirect(`${storyPath(storyOf(own))}#replies`, 303);
  });
}
