// Sign up, log in, log out and settings.
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatDateTime } from "../lib/durations.js";
import { isForever } from "../moderation/bans.js";
import { FormBody, QueryText } from "../lib/schemas.js";
import { loginPath, memberOf } from "./guards.js";
import { checkPassword, hashPassword } from "./passwords.js";
import { endOtherSessions, endSession, findUserByUsername, insertUser, rememberLocale, setPasswordHash } from "./queries.js";
import { safeReturnPath, validateLogin, validatePasswordChange, validateSignup } from "./schema.js";
import { hashToken } from "./session.js";
import { requestConfirmation } from "./email-confirmation.js";
import { showSettings, type SettingsState } from "./settings-page.js";

const nextQuery = { querystring: Type.Object({ next: QueryText }) };
const form = { body: FormBody };

/** What /settings?done=… says after a form elsewhere sent the member back here. */
const SETTINGS_NOTICES: Record<string, string | undefined> = {
  password: "Your password was changed. Every other session was logged out.",
  reset: "Your new password is set. Every other session was logged out; this browser is logged in.",
  email: "We sent a confirmation link to the new address. Until you follow it, mail goes where it went before.",
  confirmed: "Your e-mail address is confirmed.",
  mail: "Your mail settings are saved.",
};

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
    return reply.view("accounts/signup.eta", { title: "Sign up", values: {}, errors: {}, next, csrfToken: reply.csrfToken() });
  });

  app.post("/signup", { schema: form }, async (request, reply) => {
    await app.limits.signup.hit(request, reply);
    const body = request.body;
    const next = safeReturnPath(body.next);
    const input = validateSignup(body);
    const again = (errors: object, values: object) =>
      reply.code(422).view("accounts/signup.eta", { title: "Sign up", values, errors, next, csrfToken: reply.csrfToken() });
    if (!input.ok) return again(input.errors, input.values);
    const { username, email, password } = input.value;
    const taken = { username: "That username is taken. Try another one." };
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
    return reply.view("accounts/login.eta", { title: "Log in", values: {}, errors: {}, next, csrfToken: reply.csrfToken() });
  });

  app.post("/login", { schema: form }, async (request, reply) => {
    await app.limits.loginByAddress.guard(request, reply);
    await app.limits.loginByUsername.guard(request, reply);
    const body = request.body;
    const next = safeReturnPath(body.next);
    const input = validateLogin(body);
    const again = (errors: object, values: object) =>
      reply.code(422).view("accounts/login.eta", { title: "Log in", values, errors, next, csrfToken: reply.csrfToken() });
    if (!input.ok) return again(input.errors, input.values);
    const user = await findUserByUsername(app.db, input.value.username);
    if (!(await checkPassword(user?.password_hash, input.value.password)) || !user) {
      await app.limits.loginByAddress.count(request);
      await app.limits.loginByUsername.count(request);
      // One message for both, so the form does not reveal which usernames exist.
      return again({ form: "Wrong username or password." }, { username: input.value.username });
    }
    // Told only after the right password, so a ban reveals nothing to strangers.
    if (user.banned_until && user.banned_until > new Date()) {
      const until = isForever(user.banned_until) ? "for good" : `until ${formatDateTime(user.banned_until)}`;
      return reply.code(403).view("accounts/login.eta", {
        title: "Log in", values: { username: input.value.username }, next, csrfToken: reply.csrfToken(),
        errors: { form: `Your account is banned ${until}: ${user.ban_reason ?? "no reason given"}. You can still read everything without logging in.` },
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
    const notice = SETTINGS_NOTICES[request.query.done ?? ""];
    return settingsPage(request, reply, { notice });
  });

  app.post("/settings/password", { schema: form }, async (request, reply) => {
    const user = memberOf(request);
    const input = validatePasswordChange(request.body, user.username);
    if (!input.ok) return settingsPage(request, reply, { errors: input.errors, status: 422 });
    const stored = await findUserByUsername(app.db, user.username);
    if (!(await checkPassword(stored?.password_hash, input.value.current))) {
      return settingsPage(request, reply, { errors: { current: "That is not your current password." }, status: 422 });
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
