// Sign up, log in, log out and settings.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatDateTime } from "../lib/durations.js";
import { isForever } from "../moderation/bans.js";
import { loginPath, requireUser } from "./guards.js";
import { checkPassword, hashPassword } from "./passwords.js";
import { endOtherSessions, endSession, findUserByUsername, insertUser, setPasswordHash } from "./queries.js";
import { safeReturnPath, validateLogin, validatePasswordChange, validateSignup } from "./schema.js";
import { hashToken } from "./session.js";
import { requestConfirmation } from "./email-confirmation.js";
import { showSettings, type SettingsState } from "./settings-page.js";

type Body = Record<string, unknown>;

/** What /settings?done=… says after a form elsewhere sent the member back here. */
const SETTINGS_NOTICES: Record<string, string | undefined> = {
  password: "Your password was changed. Every other session was logged out.",
  reset: "Your new password is set. Every other session was logged out; this browser is logged in.",
  email: "We sent a confirmation link to the new address. Until you follow it, mail goes where it went before.",
  confirmed: "Your e-mail address is confirmed.",
  mail: "Your mail settings are saved.",
};

export default async function accountRoutes(app: FastifyInstance) {
  async function startSession(request: FastifyRequest, reply: FastifyReply, userId: number) {
    // A new session id at every log-in, so a planted cookie is never promoted.
    if (request.session) await app.sessions.invalidateSession(request.session.id);
    const session = await app.sessions.createSession(userId, { user_agent: request.headers["user-agent"] ?? "" });
    reply.setSessionCookie(app.sessions.createSessionCookie(session.id));
  }

  app.get("/signup", async (request, reply) => {
    const next = safeReturnPath((request.query as Body).next);
    return reply.view("accounts/signup.eta", { title: "Sign up", values: {}, errors: {}, next, csrfToken: reply.csrfToken() });
  });

  app.post("/signup", async (request, reply) => {
    await app.limits.signup.hit(request, reply);
    const body = (request.body ?? {}) as Body;
    const next = safeReturnPath(body.next);
    const input = validateSignup(body);
    const again = (errors: object, values: object) =>
      reply.code(422).view("accounts/signup.eta", { title: "Sign up", values, errors, next, csrfToken: reply.csrfToken() });
    if (!input.ok) return again(input.errors, input.values);
    const { username, email, password } = input.value;
    const taken = { username: "That username is taken. Try another one." };
    if (await findUserByUsername(app.db, username)) return again(taken, { username, email });
    const user = await insertUser(app.db, { username, email, passwordHash: await hashPassword(password) });
    if (!user) return again(taken, { username, email }); // taken in the meantime
    if (email) await requestConfirmation(app.db, await app.mail.links(), user, email);
    await startSession(request, reply, user.id);
    return reply.redirect(next, 303);
  });

  app.get("/login", async (request, reply) => {
    const next = safeReturnPath((request.query as Body).next);
    if (request.user) return reply.redirect(next, 303);
    return reply.view("accounts/login.eta", { title: "Log in", values: {}, errors: {}, next, csrfToken: reply.csrfToken() });
  });

  app.post("/login", async (request, reply) => {
    await app.limits.loginByAddress.guard(request, reply);
    await app.limits.loginByUsername.guard(request, reply);
    const body = (request.body ?? {}) as Body;
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

  const settingsPage = (request: FastifyRequest, reply: FastifyReply, state?: SettingsState) => showSettings(app, request, reply, state);

  app.get("/settings", async (request, reply) => {
    if (!requireUser(request, reply)) return reply;
    const notice = SETTINGS_NOTICES[String((request.query as Body).done)];
    return settingsPage(request, reply, { notice });
  });

  app.post("/settings/password", async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const input = validatePasswordChange((request.body ?? {}) as Body, user.username);
    if (!input.ok) return settingsPage(request, reply, { errors: input.errors, status: 422 });
    const stored = await findUserByUsername(app.db, user.username);
    if (!(await checkPassword(stored?.password_hash, input.value.current))) {
      return settingsPage(request, reply, { errors: { current: "That is not your current password." }, status: 422 });
    }
    await setPasswordHash(app.db, user.id, await hashPassword(input.value.password));
    await endOtherSessions(app.db, user.id, request.session!.id);
    return reply.redirect("/settings?done=password", 303);
  });

  app.post("/settings/sessions/end", async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const id = (request.body as Body | undefined)?.session;
    if (typeof id === "string") await endSession(app.db, user.id, id);
    if (typeof id === "string" && id === hashToken(request.session!.id)) {
      reply.setSessionCookie(app.sessions.createBlankSessionCookie());
      return reply.redirect(loginPath("/settings"), 303);
    }
    return reply.redirect("/settings", 303);
  });
}
