// Sign up, log in, log out and settings.
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Messages } from "../i18n/index.js";
import { isForever } from "../moderation/bans.js";
import { formInput } from "../lib/form-input.js";
import { FormBody, QueryText } from "../lib/schemas.js";
import { loginPath, memberOf } from "./guards.js";
import { checkPassword, hashPassword } from "./passwords.js";
import { endOtherSessions, endSession, findUserByUsername, insertUser, rememberLocale, setPasswordHash } from "./queries.js";
import { safeReturnPath, validateLogin, validatePasswordChange, validateSignup } from "./schema.js";
import { hashToken } from "./session.js";
import { requestConfirmation } from "./email-confirmation.js";
import { showSettings, type SettingsState } from "./settings-page.js";

const nextQuery = { querystring: Type.Object({ next: QueryText }) };
const formRoute = { schema: { body: FormBody }, attachValidation: true };

/** /settings?done=… names what a form elsewhere did; the notice's words are in the catalogue (accounts.settings.notices). */
const isSettingsNotice = (notices: object, done: string): done is keyof Messages["accounts"]["settings"]["notices"] => Object.hasOwn(notices, done);

export default async function accountRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  async function startSession(request: FastifyRequest, reply: FastifyReply, userId: number) {
    // A new session id at every log-in, so a planted cookie is never promoted.
    if (request.session) await app.sessions.invalidateSession(request.session.id);
    const session = await app.sessions.createSession(userId, { user_agent: request.headers["user-agent"] ?? "" });
    reply.setSessionCookie(app.sessions.createSessionCookie(session.id));
  }

  app.get("/signup", { schema: nextQuery }, async (request, reply) => {
    const next = safeReturnPath(request.query.next);
    return reply.view("accounts/signup.eta", { title: request.i18n.t.accounts.signup.title, values: {}, errors: {}, next, csrfToken: reply.csrfToken() });
  });

  app.post("/signup", formRoute, async (request, reply) => {
    await app.limits.signup.hit(request, reply);
    const form = formInput(request)!;
    const body = form.body;
    const next = safeReturnPath(body.next);
    const { t } = request.i18n;
    const input = validateSignup(body, t.accounts.errors);
    const again = (errors: object, values: object) =>
      reply.code(422).view("accounts/signup.eta", { title: t.accounts.signup.title, values, errors, next, csrfToken: reply.csrfToken() });
    if (!input.ok || !form.ok) return again({ ...(input.ok ? {} : input.errors), ...form.errors }, input.ok ? { username: input.value.username, email: input.value.email } : input.values);
    const { username, email, password } = input.value;
    const taken = { username: t.accounts.errors.usernameTaken };
    if (await findUserByUsername(app.db, username)) return again(taken, { username, email });
    const user = await insertUser(app.db, { username, email, passwordHash: await hashPassword(password), locale: request.locale });
    if (!user) return again(taken, { username, email }); // taken in the meantime
    if (email) await requestConfirmation(app.db, await app.mail.links(), user, email);
    await startSession(request, reply, user.id);
    return reply.redirect(next, 303);
  });

  app.get("/login", { schema: nextQuery }, async (request, reply) => {
    const next = safeReturnPath(request.query.next);
    if (request.user) return reply.redirect(next, 303);
    return reply.view("accounts/login.eta", { title: request.i18n.t.accounts.login.title, values: {}, errors: {}, next, csrfToken: reply.csrfToken() });
  });

  app.post("/login", formRoute, async (request, reply) => {
    await app.limits.loginByAddress.guard(request, reply);
    await app.limits.loginByUsername.guard(request, reply);
    const form = formInput(request)!;
    const body = form.body;
    const next = safeReturnPath(body.next);
    const { t, fmt } = request.i18n;
    const words = t.accounts.login;
    const input = validateLogin(body, t.accounts.errors);
    const again = (errors: object, values: object) =>
      reply.code(422).view("accounts/login.eta", { title: words.title, values, errors, next, csrfToken: reply.csrfToken() });
    if (!input.ok || !form.ok) return again({ ...(input.ok ? {} : input.errors), ...form.errors }, input.ok ? { username: input.value.username } : input.values);
    const user = await findUserByUsername(app.db, input.value.username);
    if (!(await checkPassword(user?.password_hash, input.value.password)) || !user) {
      await app.limits.loginByAddress.count(request);
      await app.limits.loginByUsername.count(request);
      // One message for both, so the form does not reveal which usernames exist.
      return again({ form: words.wrong }, { username: input.value.username });
    }
    // Told only after the right password, so a ban reveals nothing to strangers.
    if (user.banned_until && user.banned_until > new Date()) {
      const until = isForever(user.banned_until) ? words.bannedForGood : words.bannedUntil(fmt.dateTime(user.banned_until));
      return reply.code(403).view("accounts/login.eta", {
        title: words.title, values: { username: input.value.username }, next, csrfToken: reply.csrfToken(),
        errors: { form: words.banned(until, user.ban_reason ?? words.noReason) },
      });
    }
    await startSession(request, reply, user.id);
    return reply.redirect(next, 303);
  });

  app.post("/logout", async (request, reply) => {
    if (request.session) await app.sessions.invalidateSession(request.session.id);
    reply.setSessionCookie(app.sessions.createBlankSessionCookie());
    return reply.redirect("/", 303);
  });
}

/** The member's own settings: password and sessions (registered behind the members' guard). */
export async function settingsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const settingsPage = (request: FastifyRequest, reply: FastifyReply, state?: SettingsState) => showSettings(app, request, reply, state);

  app.get("/settings", { schema: { querystring: Type.Object({ done: QueryText }) } }, async (request, reply) => {
    const done = request.query.done ?? "";
    const notices = request.i18n.t.accounts.settings.notices;
    const notice = isSettingsNotice(notices, done) ? notices[done] : undefined;
    return settingsPage(request, reply, { notice });
  });

  app.post("/settings/password", formRoute, async (request, reply) => {
    const user = memberOf(request);
    const form = formInput(request)!;
    const input = validatePasswordChange(form.body, user.username, request.i18n.t.accounts.errors);
    if (!input.ok || !form.ok) return settingsPage(request, reply, { errors: { ...(input.ok ? {} : input.errors), ...form.errors }, status: 422 });
    const stored = await findUserByUsername(app.db, user.username);
    if (!(await checkPassword(stored?.password_hash, input.value.current))) {
      return settingsPage(request, reply, { errors: { current: request.i18n.t.accounts.settings.password.wrong }, status: 422 });
    }
    await setPasswordHash(app.db, user.id, await hashPassword(input.value.password));
    await rememberLocale(app.db, user.id, request.locale);
    if (request.session) await endOtherSessions(app.db, user.id, request.session.id);
    return reply.redirect("/settings?done=password", 303);
  });

  app.post("/settings/sessions/end", { schema: { body: Type.Object({ session: Type.String({ maxLength: 200 }) }) } }, async (request, reply) => {
    const user = memberOf(request);
    const id = request.body.session;
    await endSession(app.db, user.id, id);
    if (request.session && id === hashToken(request.session.id)) {
      reply.setSessionCookie(app.sessions.createBlankSessionCookie());
      return reply.redirect(loginPath("/settings"), 303);
    }
    return reply.redirect("/settings", 303);
  });
}
