// Replying (with a parent and a quote), editing and deleting replies.
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireUser } from "../accounts/guards.js";
import { field, type FormBody } from "../lib/form.js";
import { CONFIRM_FIELD, findPersonalData } from "../lib/personal-data.js";
import { parseId, queryString } from "../lib/params.js";
import { replyPath, storyPath } from "../lib/paths.js";
import { findStory, type StoryDetail } from "../stories/queries.js";
import { listRevisions } from "../lib/revisions.js";
import { isModerator } from "../moderation/guards.js";
import { deleteReply, editReply, postReply } from "./post-reply.js";
import { findReply, isPublicReply, type ReplyDetail } from "./queries.js";
import { checkReply, quoteMarkdown } from "./schema.js";

function unconfirmedPersonalData(body: FormBody, text: string): string[] {
  return field(body, CONFIRM_FIELD) === "yes" ? [] : findPersonalData(text);
}

export default async function replyRoutes(app: FastifyInstance) {
  const visibleStory = async (rawId: string) => {
    const story = await findStory(app.db, parseId(rawId) ?? 0);
    return story && !story.hidden_at ? story : undefined;
  };

  async function replyPage(reply: FastifyReply, story: StoryDetail, form: { body: string; parentId: number | null; error?: string; personalData?: string[]; status?: number }) {
    const parent = form.parentId ? await findReply(app.db, form.parentId) : undefined;
    return reply.code(form.status ?? 200).view("replies/new.eta", {
      title: `Reply to “${story.title}”`,
      story,
      parent: parent && parent.story_id === story.id && isPublicReply(parent) ? parent : undefined,
      body: form.body,
      error: form.error,
      personalData: form.personalData,
      submissionKey: randomUUID(),
      csrfToken: reply.csrfToken(),
    });
  }

  // The reply page: works without JavaScript for answering a reply or quoting.
  app.get("/stories/:id/reply", async (request, reply) => {
    if (!requireUser(request, reply)) return reply;
    const story = await visibleStory((request.params as { id: string }).id);
    if (!story) return reply.callNotFound();
    const query = request.query as Record<string, unknown>;
    const parentId = parseId(queryString(query.parent)) ?? null;
    const quote = queryString(query.quote);
    let body = "";
    if (quote === "story") body = quoteMarkdown(story.author_username, story.body_md);
    else if (quote && parentId) {
      const parent = await findReply(app.db, parentId);
      if (parent && parent.story_id === story.id && isPublicReply(parent)) body = quoteMarkdown(parent.author_username, parent.body_md);
    }
    return replyPage(reply, story, { body, parentId });
  });

  app.post("/stories/:id/replies", async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const story = await visibleStory((request.params as { id: string }).id);
    if (!story) return reply.callNotFound();
    const checked = checkReply((request.body ?? {}) as FormBody);
    if (!checked.ok) return replyPage(reply, story, { body: checked.body, parentId: checked.parentId, error: checked.error, status: 422 });
    const personalData = unconfirmedPersonalData(request.body as FormBody, checked.body);
    if (personalData.length) return replyPage(reply, story, { body: checked.body, parentId: checked.parentId, personalData, status: 422 });
    await app.limits.post.hit(request, reply);
    const result = await postReply(app.db, { storyId: story.id, authorId: user.id, parentId: checked.parentId, body: checked.body, submissionKey: checked.submissionKey });
    if (!result.ok) {
      const error = result.reason === "locked" ? "This thread is locked by the moderators: it takes no new replies." : "The reply you answered is no longer there. Your text is kept below; post it as a reply to the story instead.";
      return replyPage(reply, story, { body: checked.body, parentId: null, error, status: result.reason === "locked" ? 403 : 422 });
    }
    return reply.redirect(replyPath(story, result.id), 303);
  });

  /** The reply at :id when the logged-in member wrote it. */
  async function ownReply(request: FastifyRequest, reply: FastifyReply): Promise<ReplyDetail | undefined> {
    const user = requireUser(request, reply);
    if (!user) return undefined;
    const found = await findReply(app.db, parseId((request.params as { id: string }).id) ?? 0);
    if (!found || !isPublicReply(found)) {
      await reply.callNotFound();
      return undefined;
    }
    if (found.author_id !== user.id) throw Object.assign(new Error("Only the author of a reply can change it."), { statusCode: 403 });
    return found;
  }

  const storyOf = (r: ReplyDetail) => ({ id: r.story_id, slug: r.story_slug });

  app.get("/replies/:id/edit", async (request, reply) => {
    const own = await ownReply(request, reply);
    if (!own) return reply;
    return reply.view("replies/edit.eta", { title: "Edit your reply", reply: own, story: storyOf(own), body: own.body_md, csrfToken: reply.csrfToken() });
  });

  app.post("/replies/:id/edit", async (request, reply) => {
    const own = await ownReply(request, reply);
    if (!own) return reply;
    const checked = checkReply((request.body ?? {}) as FormBody);
    const personalData = checked.ok ? unconfirmedPersonalData(request.body as FormBody, checked.body) : [];
    if (!checked.ok || personalData.length) {
      return reply.code(422).view("replies/edit.eta", { title: "Edit your reply", reply: own, story: storyOf(own), body: checked.body, error: checked.ok ? undefined : checked.error, personalData, csrfToken: reply.csrfToken() });
    }
    await editReply(app.db, own.id, own.author_id, checked.body);
    return reply.redirect(replyPath(storyOf(own), own.id), 303);
  });

  app.post("/replies/:id/delete", async (request, reply) => {
    const own = await ownReply(request, reply);
    if (!own) return reply;
    await deleteReply(app.db, own.id, own.story_id);
    return reply.redirect(`${storyPath(storyOf(own))}#replies`, 303);
  });

  app.get("/replies/:id/revisions", async (request, reply) => {
    const found = await findReply(app.db, parseId((request.params as { id: string }).id) ?? 0);
    // Moderators read what they hid; everyone else finds nothing here.
    if (!found || (!isPublicReply(found) && !isModerator(request.user))) return reply.callNotFound();
    const revisions = await listRevisions(app.db, { reply_id: found.id }, { moderatorsOnly: false });
    return reply.view("replies/revisions.eta", { title: `Earlier versions of a reply by ${found.author_username}`, reply: found, story: storyOf(found), revisions });
  });
}
