// Mail for members: changing and confirming the address, choosing what mail
// to get, one-click unsubscribe (no session needed: the link is signed), and
// the admins' list of mail that could not be sent.
import { rememberLocale } from "../accounts/queries.js";
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import type { I18n } from "../i18n/index.js";
import { guardScope } from "../accounts/guards.js";
import { confirmEmail, CONFIRM_PATH, requestConfirmation } from "../accounts/email-confirmation.js";
import { showSettings } from "../accounts/settings-page.js";
import { isTokenShaped } from "../accounts/tokens.js";
import { field } from "../lib/form.js";
import { formInput } from "../lib/form-input.js";
import { formSchema, tokenQuery } from "../lib/form-schema.js";
import { UNSUBSCRIBE_PATH, type UnsubscribeKind } from "./links.js";
import { listFailedMail, retryFailedMail } from "./outbox.js";
import { isDelivery, listPreferences, MAIL_KINDS, NUDGE, setPreference, type MailKind } from "./preferences.js";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAIL_KIND_NAMES = Object.keys(MAIL_KINDS) as MailKind[];

/** Members only: one guard for the address and mail forms. */
async function memberRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  guardScope(app, "member");

  app.post("/settings/email", { schema: { body: formSchema("email") }, attachValidation: true }, async (request, reply) => {
    const form = formInput(request)!;
    const email = field(form.body, "email");
    if (!form.ok || email.length > 254 || !EMAIL.test(email)) {
      const says = request.i18n.t.accounts.errors;
      const error = form.errors.email ?? form.errors.form ?? (email ? says.email : says.emailRequired);
      return showSettings(app, request, reply, { errors: { email: error }, values: { email }, status: 422 });
    }
    await rememberLocale(app.db, request.user!.id, request.locale);
    await requestConfirmation(app.db, await app.mail.links(), { id: request.user!.id, username: request.user!.username }, email);
    return reply.redirect("/settings?done=email", 303);
  });

  app.post("/settings/mail", { schema: { body: formSchema(...MAIL_KIND_NAMES, "nudge") }, attachValidation: true }, async (request, reply) => {
    const userId = request.user!.id;
    const form = formInput(request)!;
    // Nothing is saved from a form the schema refused: a half-read form would switch mail off.
    if (!form.ok) return showSettings(app, request, reply, { errors: { mail: Object.values(form.errors)[0] }, status: 422 });
    const body = form.body;
    for (const kind of MAIL_KIND_NAMES) {
      const delivery = field(body, kind);
      if (isDelivery(delivery)) await setPreference(app.db, userId, kind, delivery);
    }
    await setPreference(app.db, userId, NUDGE, field(body, "nudge") === "on" ? "immediate" : "off");
    await rememberLocale(app.db, userId, request.locale);
    return reply.redirect("/settings?done=mail#mail", 303);
  });
}

/** Admins only: mail that failed every attempt, to retry once the cause is fixed. */
async function adminRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  guardScope(app, "admin");

  app.get("/admin/mail", async (request, reply) =>
    reply.view("admin/mail.eta", { title: request.i18n.t.admin.mail.title, failed: await listFailedMail(app.db), csrfToken: reply.csrfToken() }),
  );

  app.post("/admin/mail/:id/retry", { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }) } }, async (request, reply) => {
    if (!(await retryFailedMail(app.db, request.params.id))) return reply.callNotFound();
    return reply.redirect("/admin/mail", 303);
  });
}

async function unsubscribe(app: FastifyInstance, userId: number, kind: UnsubscribeKind) {
  if (kind !== "digest") return setPreference(app.db, userId, kind, "off");
  const preferences = await listPreferences(app.db, userId);
  for (const k of MAIL_KIND_NAMES) if (preferences[k] === "digest") await setPreference(app.db, userId, k, "off");
}

/** What a link unsubscribes from, in the page's words; a kind is named as the settings page names it. */
function describeUnsubscribe(kind: UnsubscribeKind, { t }: I18n): string {
  const words = t.mail.pages.unsubscribe;
  return kind === NUDGE ? words.nudges : kind === "digest" ? words.digest : words.kind(t.accounts.settings.mail.kinds[kind]);
}

export default async function mailRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(memberRoutes);
  await app.register(adminRoutes);

  // The link in the mail: works in any browser, logged in or not.
  app.get(CONFIRM_PATH, { schema: { querystring: tokenQuery } }, async (request, reply) => {
    const token = request.query.token ?? "";
    const confirmed = isTokenShaped(token) ? await confirmEmail(app.db, token) : undefined;
    if (confirmed && request.user?.id === confirmed.userId) return reply.redirect("/settings?done=confirmed", 303);
    return reply.code(confirmed ? 200 : 410).view("mail/confirmed.eta", { title: request.i18n.t.mail.pages.confirm.title, confirmed: Boolean(confirmed), email: confirmed?.email });
  });

  // A page with one button, so that a link scanner opening the URL unsubscribes nobody.
  app.get(UNSUBSCRIBE_PATH, { schema: { querystring: tokenQuery } }, async (request, reply) => {
    const token = request.query.token ?? "";
    const target = (await app.mail.links()).readUnsubscribe(token);
    const words = request.i18n.t.mail.pages.unsubscribe;
    if (!target) return reply.code(404).view("mail/unsubscribe.eta", { title: words.title, valid: false, done: false });
    const action = request.i18n.paths.to(`${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`);
    return reply.view("mail/unsubscribe.eta", { title: words.title, valid: true, done: false, what: describeUnsubscribe(target.kind, request.i18n), action });
  });

  // RFC 8058 one-click: the mail program posts "List-Unsubscribe=One-Click" here, with no cookie and no page.
  app.post(UNSUBSCRIBE_PATH, { schema: { querystring: tokenQuery }, config: { signedLink: true } }, async (request, reply) => {
    const target = (await app.mail.links()).readUnsubscribe(request.query.token ?? "");
    const words = request.i18n.t.mail.pages.unsubscribe;
    if (!target) return reply.code(404).view("mail/unsubscribe.eta", { title: words.title, valid: false, done: false });
    await unsubscribe(app, target.userId, target.kind);
    return reply.view("mail/unsubscribe.eta", { title: words.doneTitle, valid: true, done: true, what: describeUnsubscribe(target.kind, request.i18n) });
  });
}

