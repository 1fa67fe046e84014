// Posting and editing stories, updating their timeline, saying "me too".
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import { forbidden, memberOf } from "../accounts/guards.js";
import type { SessionUser } from "../accounts/session.js";
import type { ContentLanguage } from "../lib/content-language.js";
import { field, type FormBody } from "../lib/form.js";
import { renderMarkdown } from "../lib/markdown.js";
import { CONFIRM_FIELD, findPersonalData } from "../lib/personal-data.js";
import { storyPath, userPath } from "../lib/paths.js";
import { FormBody as FormSchema, IdParams } from "../lib/schemas.js";
import { editStory, updateTimeline } from "./edit-story.js";
import { storyFormPage } from "./form-page.js";
import { deleteOwnStory } from "./delete-story.js";
import { addMeToo } from "./me-too.js";
import { postStory } from "./post-story.js";
import { timelineOptions } from "./form-page.js";
import { findPath } from "./path.js";
import { findStory, type StoryDetail } from "./queries.js";
import { chosenLanguage, resolveLanguage, storyText } from "./language.js";
import { checkStory, checkTimeline, editedSteps, valuesOf, type StoryErrors, type StoryInput, type StoryValues } from "./schema.js";

/** What looks like personal data in a story the author has not yet confirmed publishing. */
function unconfirmedPersonalData(body: FormBody, story: StoryInput): string[] {
  if (field(body, CONFIRM_FIELD) === "yes") return [];
  return findPersonalData(story.title, story.product, story.body);
}

const idParams = { params: IdParams };
const idForm = { params: IdParams, body: FormSchema };

/** Posting and changing stories: registered behind the members' guard (app.ts). */
export default async function storyWriteRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  /**
   * The timeline form as sent; a form of the single-escalation kind (no
   * step_count: answered_by, first_response_date …) answers the story's first
   * step to the company and keeps the rest of its path.
   */
  async function timelineBody(story: StoryDetail, body: FormBody): Promise<FormBody> {
    if (field(body, "step_count")) return body;
    const values = valuesOf(story, await findPath(app.db, story.id));
    const rows = Number(values.step_count);
    const first = Array.from({ length: rows }, (_, i) => i).find((i) => values[`step_${i}_party`] === "company") ?? 0;
    const answer = { answered_date: field(body, "first_response_date"), answered_time: field(body, "first_response_time"), answered_by: field(body, "answered_by") };
    const result = values[`step_${first}_result`] === "ignored" && answer.answered_date ? "answered" : values[`step_${first}_result`];
    return {
      ...values, ...body,
      [`step_${first}_answered_date`]: answer.answered_date, [`step_${first}_answered_time`]: answer.answered_time,
      [`step_${first}_answered_by`]: answer.answered_by, [`step_${first}_result`]: answer.answered_date ? result : (result === "ignored" ? result : ""),
    };
  }

  /** The story at :id when `user` wrote it; otherwise sends the 404 or 403 page and gives undefined. */
  /** The preview: the story rendered, in the language it will be stored in. */
  async function preview(values: StoryValues, pageLocale: ContentLanguage) {
    const text = storyText({ title: values.title ?? "", body: values.body ?? "" });
    return { previewHtml: renderMarkdown(values.body ?? ""), previewLang: await resolveLanguage(app.db, chosenLanguage(values.lang) ?? null, text, pageLocale) };
  }

  /** The story with its language settled: the poster's choice, else the guess, which a text too short to tell leaves at the page's language. */
  async function withLanguage(input: StoryInput, pageLocale: ContentLanguage): Promise<StoryInput> {
    return { ...input, lang: await resolveLanguage(app.db, input.lang, storyText(input), pageLocale) };
  }

  async function ownStory(reply: FastifyReply, id: number, user: SessionUser): Promise<StoryDetail | undefined> {
    const story = await findStory(app.db, id);
    if (!story || story.hidden_at) {
      await reply.callNotFound();
      return undefined;
    }
    if (story.author_id !== user.id) {
      await forbidden(reply, reply.request.i18n.t.stories.notAuthor);
      return undefined;
    }
    return story;
  }

  app.get("/stories/new", async (request, reply) => {
    const page = await storyFormPage(app.db, request.i18n, { title: request.i18n.t.storyForm.newTitle, action: request.i18n.paths.newStory(), submitLabel: request.i18n.t.storyForm.post, values: {}, csrfToken: reply.csrfToken() });
    return reply.view("stories/form.eta", page);
  });

  app.post("/stories/new", { schema: { body: FormSchema } }, async (request, reply) => {
    const user = memberOf(request);
    const body: FormBody = request.body;
    const submissionKey = field(body, "submission_key").slice(0, 100);
    // "Add a step" or "remove": the same form with the rows changed, nothing checked or posted.
    const rows = editedSteps(body);
    const checked = checkStory(body, request.i18n);
    const again = async (status: number, extra: { previewHtml?: string; previewLang?: ContentLanguage; personalData?: string[] } = {}) =>
      reply.code(status).view(
        "stories/form.eta",
        await storyFormPage(app.db, request.i18n, {
          title: request.i18n.t.storyForm.newTitle, action: request.i18n.paths.newStory(), submitLabel: request.i18n.t.storyForm.post, values: rows ?? checked.values,
          errors: rows || checked.ok ? {} : checked.errors, submissionKey, csrfToken: reply.csrfToken(), ...extra,
        }),
      );
    if (rows) return again(200);
    if (field(body, "action") === "preview") return again(checked.ok ? 200 : 422, await preview(checked.values, request.locale));
    if (!checked.ok) return again(422);
    const personalData = unconfirmedPersonalData(body, checked.value);
    if (personalData.length) return again(422, { personalData });
    await app.limits.post.hit(request, reply);
    const story = await postStory(app.db, user.id, await withLanguage(checked.value, request.locale), submissionKey || null);
    return reply.redirect(storyPath(story), 303);
  });

  app.get("/stories/:id/edit", { schema: idParams }, async (request, reply) => {
    const story = await ownStory(reply, request.params.id, memberOf(request));
    if (!story) return reply;
    const page = await storyFormPage(app.db, request.i18n, { title: request.i18n.t.storyForm.editTitle, action: request.i18n.paths.storyEdit(story), submitLabel: request.i18n.t.form.saveChanges, values: valuesOf(story, await findPath(app.db, story.id)), csrfToken: reply.csrfToken() });
    return reply.view("stories/form.eta", page);
  });

  app.post("/stories/:id/edit", { schema: idForm }, async (request, reply) => {
    const story = await ownStory(reply, request.params.id, memberOf(request));
    if (!story) return reply;
    const body: FormBody = request.body;
    const rows = editedSteps(body);
    const checked = checkStory(body, request.i18n);
    const isPreview = field(body, "action") === "preview";
    const personalData = checked.ok && !isPreview && !rows ? unconfirmedPersonalData(body, checked.value) : [];
    if (rows || isPreview || !checked.ok || personalData.length) {
      const page = await storyFormPage(app.db, request.i18n, {
        title: request.i18n.t.storyForm.editTitle, action: request.i18n.paths.storyEdit(story), submitLabel: request.i18n.t.form.saveChanges, values: rows ?? checked.values,
        errors: rows || checked.ok ? {} : checked.errors, csrfToken: reply.csrfToken(), ...(isPreview ? await preview(checked.values, request.locale) : {}), personalData,
      });
      return reply.code(rows || (checked.ok && !personalData.length) ? 200 : 422).view("stories/form.eta", page);
    }
    await editStory(app.db, story.id, story.author_id, await withLanguage(checked.value, request.locale));
    const updated = (await findStory(app.db, story.id))!;
    return reply.redirect(storyPath(updated), 303);
  });

  app.get("/stories/:id/timeline", { schema: idParams }, async (request, reply) => {
    const story = await ownStory(reply, request.params.id, memberOf(request));
    if (!story) return reply;
    return reply.view("stories/timeline.eta", { title: request.i18n.t.storyForm.timelineTitle, story, values: valuesOf(story, await findPath(app.db, story.id)), errors: {}, options: timelineOptions(request.i18n), csrfToken: reply.csrfToken() });
  });

  app.post("/stories/:id/timeline", { schema: idForm }, async (request, reply) => {
    const story = await ownStory(reply, request.params.id, memberOf(request));
    if (!story) return reply;
    const body = await timelineBody(story, request.body);
    const page = (values: object, errors: StoryErrors) => ({ title: request.i18n.t.storyForm.timelineTitle, story, values, errors, options: timelineOptions(request.i18n), csrfToken: reply.csrfToken() });
    const rows = editedSteps(body);
    if (rows) return reply.view("stories/timeline.eta", page(rows, {}));
    const errors: StoryErrors = {};
    const { timeline, values } = checkTimeline(body, story.other_party_id !== null, new Date(), errors, request.i18n.t.storyForm.errors);
    if (!timeline) return reply.code(422).view("stories/timeline.eta", page(values, errors));
    await updateTimeline(app.db, story.id, story.author_id, timeline);
    return reply.redirect(storyPath(story), 303);
  });

  // A page that asks first, so deleting works without JavaScript and never in one click.
  app.get("/stories/:id/delete", { schema: idParams }, async (request, reply) => {
    const story = await ownStory(reply, request.params.id, memberOf(request));
    if (!story) return reply;
    return reply.view("stories/delete.eta", { title: request.i18n.t.stories.delete.title, story, csrfToken: reply.csrfToken() });
  });

  app.post("/stories/:id/delete", { schema: idParams }, async (request, reply) => {
    const user = memberOf(request);
    const story = await ownStory(reply, request.params.id, user);
    if (!story) return reply;
    await deleteOwnStory(app.db, story.id, user.id);
    return reply.redirect(userPath(user), 303);
  });

  app.post("/stories/:id/me-too", { schema: idParams }, async (request, reply) => {
    const user = memberOf(request);
    const story = await findStory(app.db, request.params.id);
    if (!story || story.hidden_at) return reply.callNotFound();
    await addMeToo(app.db, story.id, user.id);
    return reply.redirect(storyPath(story), 303);
  });
}
