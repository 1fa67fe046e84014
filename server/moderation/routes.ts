// The moderators' pages: the flag queue, one item with its flags and actions, users and organisations.
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import { memberOf } from "../accounts/guards.js";
import { findUserByUsername } from "../accounts/queries.js";
import type { I18n } from "../i18n/index.js";
import { cleanText, field, type FieldErrors } from "../lib/form.js";
import { formInput, type FormInput } from "../lib/form-input.js";
import { normaliseUsername } from "../lib/usernames.js";
import { FormBody as FormSchema, IdParams, QueryText, SlugParams, UsernameParams } from "../lib/schemas.js";
import { findOrganisationByNameOrSlug } from "../organisations/queries.js";
import { findReply, type ReplyDetail } from "../replies/queries.js";
import { findStory, type StoryDetail } from "../stories/queries.js";
import { listRevisions } from "../stories/revisions.js";
import { moderateReply, moderateStory, REPLY_ACTIONS, STORY_ACTIONS } from "./actions.js";
import { BAN_DURATIONS, banUser, isBanDuration, isForever, unbanUser } from "./bans.js";
import { flagQueue, listFlags } from "./flags.js";
import { findOrganisationBySlug, type OrganisationRow } from "../organisations/queries.js";
import { mergeOrganisation, renameOrganisation, setParent } from "./organisations.js";
import { oneOf, readReason, readRedaction } from "./schema.js";

type Errors = FieldErrors;

/** A story or reply action form: the action, its reason, and for a redaction the new text. */
function readItemAction<A extends string>({ body, errors: refused }: FormInput, actions: readonly A[], i18n: I18n) {
  const action = oneOf(actions, field(body, "action"));
  const { reason, error } = readReason(body, i18n);
  const redaction = action === "redact" ? readRedaction(body, i18n) : undefined;
  const errors: Errors = { ...refused };
  if (!action) errors.action = i18n.t.moderation.errors.chooseAction;
  if (error) errors[action === "redact" ? "redact_reason" : "reason"] = error;
  if (redaction?.error) errors.body = redaction.error;
  if (!action || Object.keys(errors).length) return { ok: false as const, errors, reason, body: redaction?.text };
  return { ok: true as const, action, reason, text: redaction?.text };
}

const idForm = { schema: { params: IdParams, body: FormSchema }, attachValidation: true };

/** Registered behind the moderators' guard (app.ts). */
export default async function moderationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get("/moderation", async (request, reply) => {
    const queue = await flagQueue(app.db);
    return reply.view("moderation/queue.eta", { title: request.i18n.t.moderation.queue.title, queue });
  });

  // A jump box on the queue page: type an organisation or a username, land on its moderation page.
  app.get("/moderation/find", { schema: { querystring: Type.Object({ organisation: QueryText, username: QueryText }) } }, async (request, reply) => {
    const organisation = cleanText(request.query.organisation);
    const username = cleanText(request.query.username);
    if (organisation) {
      const found = await findOrganisationByNameOrSlug(app.db, organisation.slice(0, 100));
      if (found) return reply.redirect(`/moderation/organisations/${found.slug}`, 303);
    }
    if (username) {
      const user = await findUserByUsername(app.db, username.slice(0, 100));
      if (user) return reply.redirect(`/moderation/users/${encodeURIComponent(user.username)}`, 303);
    }
    const queue = await flagQueue(app.db);
    return reply.code(404).view("moderation/queue.eta", { title: request.i18n.t.moderation.queue.title, queue, notFound: organisation || username || "" });
  });

  // Stories.
  async function storyPage(reply: FastifyReply, story: StoryDetail, form: { errors?: Errors; reason?: string; body?: string; status?: number } = {}) {
    const [flags, redactions] = await Promise.all([listFlags(app.db, { kind: "story", id: story.id }), listRevisions(app.db, { story_id: story.id }, { moderatorsOnly: true })]);
    return reply.code(form.status ?? 200).view("moderation/story.eta", {
      title: reply.request.i18n.t.moderation.story.title(story.title), story, flags, redactions,
      errors: form.errors ?? {}, reason: form.reason ?? "", body: form.body ?? story.body_md, csrfToken: reply.csrfToken(),
    });
  }

  app.get("/moderation/stories/:id", { schema: { params: IdParams } }, async (request, reply) => {
    const story = await findStory(app.db, request.params.id);
    if (!story) return reply.callNotFound();
    return storyPage(reply, story);
  });

  app.post("/moderation/stories/:id", idForm, async (request, reply) => {
    const moderator = memberOf(request);
    const input = formInput(request);
    const story = input && (await findStory(app.db, request.params.id));
    if (!input || !story) return reply.callNotFound();
    const form = readItemAction(input, STORY_ACTIONS, request.i18n);
    if (!form.ok) return storyPage(reply, story, { ...form, status: 422 });
    const { action, reason, text } = form;
    await moderateStory(app.db, story, moderator.id, action, reason, text);
    return reply.redirect(action === "delete" ? "/moderation" : `/moderation/stories/${story.id}`, 303);
  });

  // Replies.
  async function replyPage(reply: FastifyReply, found: ReplyDetail, form: { errors?: Errors; reason?: string; body?: string; status?: number } = {}) {
    const [flags, redactions] = await Promise.all([listFlags(app.db, { kind: "reply", id: found.id }), listRevisions(app.db, { reply_id: found.id }, { moderatorsOnly: true })]);
    return reply.code(form.status ?? 200).view("moderation/reply.eta", {
      title: reply.request.i18n.t.moderation.reply.title(found.author_username), item: found, story: { id: found.story_id, slug: found.story_slug, title: found.story_title, lang: found.story_lang }, flags, redactions,
      errors: form.errors ?? {}, reason: form.reason ?? "", body: form.body ?? found.body_md, csrfToken: reply.csrfToken(),
    });
  }

  const visibleReply = async (id: number) => {
    const found = await findReply(app.db, id);
    return found && !found.deleted_at ? found : undefined;
  };

  app.get("/moderation/replies/:id", { schema: { params: IdParams } }, async (request, reply) => {
    const found = await visibleReply(request.params.id);
    if (!found) return reply.callNotFound();
    return replyPage(reply, found);
  });

  app.post("/moderation/replies/:id", idForm, async (request, reply) => {
    const moderator = memberOf(request);
    const input = formInput(request);
    const found = input && (await visibleReply(request.params.id));
    if (!input || !found) return reply.callNotFound();
    const form = readItemAction(input, REPLY_ACTIONS, request.i18n);
    if (!form.ok) return replyPage(reply, found, { ...form, status: 422 });
    const { action, reason, text } = form;
    await moderateReply(app.db, found, moderator.id, action, reason, text);
    return reply.redirect(action === "delete" ? "/moderation" : `/moderation/replies/${found.id}`, 303);
  });

  // Users: bans.
  async function userPage(reply: FastifyReply, username: string, form: { errors?: Errors; reason?: string; duration?: string; status?: number } = {}) {
    const user = await app.db.selectFrom("users").select(["id", "username", "role", "banned_until", "ban_reason", "created_at"]).where("username_key", "=", username).executeTakeFirst();
    if (!user) return reply.callNotFound();
    const banned = user.banned_until !== null && user.banned_until > new Date();
    const t = reply.request.i18n.t.moderation;
    return reply.code(form.status ?? 200).view("moderation/user.eta", {
      title: t.user.title(user.username), user, banned, forever: banned && isForever(user.banned_until!), durations: BAN_DURATIONS.map((key) => [key, t.banDurations[key]]),
      errors: form.errors ?? {}, reason: form.reason ?? "", duration: form.duration ?? "7d", csrfToken: reply.csrfToken(),
    });
  }


  app.get("/moderation/users/:username", { schema: { params: UsernameParams } }, async (request, reply) => {
    return userPage(reply, normaliseUsername(request.params.username));
  });

  app.post("/moderation/users/:username", { schema: { params: UsernameParams, body: FormSchema }, attachValidation: true }, async (request, reply) => {
    const moderator = memberOf(request);
    const form = formInput(request);
    if (!form) return reply.callNotFound();
    const key = normaliseUsername(request.params.username);
    const user = await app.db.selectFrom("users").select(["id", "username", "role"]).where("username_key", "=", key).executeTakeFirst();
    if (!user) return reply.callNotFound();
    const body = form.body;
    const action = oneOf(["ban", "unban"] as const, field(body, "action"));
    const duration = field(body, "duration");
    const { reason, error } = readReason(body, request.i18n);
    const says = request.i18n.t.moderation.errors;
    const errors: Errors = { ...form.errors };
    if (!action) errors.action = says.chooseBan;
    if (error) errors.reason = error;
    if (action === "ban" && !isBanDuration(duration)) errors.duration = says.chooseDuration;
    if (action === "ban" && user.role !== "member") errors.action = says.staffBan;
    if (user.id === moderator.id) errors.action = says.selfBan;
    if (!action || Object.keys(errors).length) return userPage(reply, key, { errors, reason, duration, status: 422 });
    if (action === "ban" && isBanDuration(duration)) await banUser(app.db, user, moderator.id, duration, reason);
    else await unbanUser(app.db, user, moderator.id, reason);
    return reply.redirect(`/moderation/users/${encodeURIComponent(user.username)}`, 303);
  });

  // Organisations: rename, merge, parent.
  async function organisationPage(reply: FastifyReply, org: OrganisationRow, form: { errors?: Errors; values?: Record<string, string>; status?: number } = {}) {
    const [parent, aliases, stories] = await Promise.all([
      org.parent_id ? app.db.selectFrom("organisations").select(["name", "slug"]).where("id", "=", org.parent_id).executeTakeFirst() : undefined,
      app.db.selectFrom("organisation_aliases").select("alias").where("organisation_id", "=", org.id).orderBy("alias").execute(),
      app.db.selectFrom("stories").select((eb) => eb.fn.countAll<number>().as("n")).where((eb) => eb.or([eb("company_id", "=", org.id), eb("other_party_id", "=", org.id)])).executeTakeFirstOrThrow(),
    ]);
    return reply.code(form.status ?? 200).view("moderation/organisation.eta", {
      title: reply.request.i18n.t.moderation.organisation.title(org.name), org, parent, aliases: aliases.map((a) => a.alias), storyCount: stories.n,
      errors: form.errors ?? {}, values: form.values ?? {}, csrfToken: reply.csrfToken(),
    });
  }

  app.get("/moderation/organisations/:slug", { schema: { params: SlugParams } }, async (request, reply) => {
    const org = await findOrganisationBySlug(app.db, request.params.slug);
    if (!org) return reply.callNotFound();
    if (org.merged_into_id) {
      const target = await app.db.selectFrom("organisations").select("slug").where("id", "=", org.merged_into_id).executeTakeFirst();
      if (target) return reply.redirect(`/moderation/organisations/${target.slug}`, 301);
    }
    return organisationPage(reply, org);
  });

  app.post("/moderation/organisations/:slug", { schema: { params: SlugParams, body: FormSchema }, attachValidation: true }, async (request, reply) => {
    const moderator = memberOf(request);
    const form = formInput(request);
    const org = form && (await findOrganisationBySlug(app.db, request.params.slug));
    if (!form || !org || org.merged_into_id) return reply.callNotFound();
    const body = form.body;
    const action = oneOf(["rename", "merge", "parent"] as const, field(body, "action"));
    const values = { name: field(body, "name").slice(0, 200), target: field(body, "target").slice(0, 200), parent: field(body, "parent").slice(0, 200), action: action ?? "" };
    const { reason, error } = readReason(body, request.i18n);
    const says = request.i18n.t.moderation;
    const again = (errors: Errors) => organisationPage(reply, org, { errors, values: { ...values, [`${action}_reason`]: reason }, status: 422 });
    if (!form.ok) return again(form.errors);
    if (!action) return again({ action: says.errors.chooseAction });
    if (error) return again({ [`${action}_reason`]: error });
    let result;
    if (action === "rename") result = await renameOrganisation(app.db, org, moderator.id, values.name, reason);
    else {
      const name = action === "merge" ? values.target : values.parent;
      const ref = name ? await findOrganisationByNameOrSlug(app.db, name) : undefined;
      if (name && !ref) return again({ [action]: says.organisation.unknown(name) });
      if (action === "merge" && !ref) return again({ merge: says.organisation.nameTarget });
      const other = ref ? await findOrganisationBySlug(app.db, ref.slug) : undefined;
      result = action === "merge" ? await mergeOrganisation(app.db, org, other!, moderator.id, reason) : await setParent(app.db, org, other ?? null, moderator.id, reason);
      if (result.ok && action === "merge") return reply.redirect(`/moderation/organisations/${other!.slug}`, 303);
    }
    if (!result.ok) return again({ [result.field === "target" ? "merge" : result.field]: says.organisation.problems[result.problem] });
    return reply.redirect(`/moderation/organisations/${org.slug}`, 303);
  });
}
