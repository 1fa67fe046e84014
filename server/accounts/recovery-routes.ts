// "Forgot password": ask for a reset link by username or address (always the
// same answer, rate-limited), then choose a new password through the link.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import { field } from "../lib/form.js";
import { formInput } from "../lib/form-input.js";
import { formSchema, tokenQuery } from "../lib/form-schema.js";
import { hashPassword } from "./passwords.js";
import { findPasswordReset, requestPasswordReset, RESET_PATH, RESET_VALID_MINUTES, resetPassword } from "./password-reset.js";
import { passwordError } from "./schema.js";
import { isTokenShaped } from "./tokens.js";

export const FORGOT_PATH = "/forgot-password";

export default async function recoveryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(FORGOT_PATH, async (request, reply) =>
    reply.view("accounts/forgot.eta", { title: request.i18n.t.accounts.forgot.title, values: {}, errors: {}, csrfToken: reply.csrfToken() }),
  );

  app.post(FORGOT_PATH, { schema: { body: formSchema("account") }, attachValidation: true }, async (request, reply) => {
    await app.limits.resetByAddress.hit(request, reply);
    await app.limits.resetByAccount.hit(request, reply);
    const words = request.i18n.t.accounts.forgot;
    const form = formInput(request)!;
    const account = field(form.body, "account").normalize("NFKC").slice(0, 254);
    if (!form.ok || !account) {
      const error = form.errors.account ?? form.errors.form ?? words.required;
      return reply.code(422).view("accounts/forgot.eta", { title: words.title, values: { account }, errors: { account: error }, csrfToken: reply.csrfToken() });
    }
    await requestPasswordReset(app.db, await app.mail.links(), account);
    return reply.view("accounts/forgot.eta", { title: words.title, values: { account }, errors: {}, notice: words.sent(request.i18n.fmt.number(RESET_VALID_MINUTES)), csrfToken: reply.csrfToken() });
  });

  const spent = (reply: FastifyReply) =>
    reply.code(410).view("accounts/reset.eta", { title: reply.request.i18n.t.accounts.reset.title, spent: true, errors: {}, token: "", csrfToken: reply.csrfToken() });

  app.get(RESET_PATH, { schema: { querystring: tokenQuery } }, async (request, reply) => {
    const token = request.query.token ?? "";
    const reset = isTokenShaped(token) ? await findPasswordReset(app.db, token) : undefined;
    if (!reset) return spent(reply);
    return reply.view("accounts/reset.eta", { title: request.i18n.t.accounts.reset.title, spent: false, username: reset.username, token, errors: {}, csrfToken: reply.csrfToken() });
  });

  app.post(RESET_PATH, { schema: { body: formSchema("token", "password") }, attachValidation: true }, async (request, reply) => {
    const form = formInput(request)!;
    const token = field(form.body, "token");
    const password = field(form.body, "password", { trim: false });
    const reset = isTokenShaped(token) ? await findPasswordReset(app.db, token) : undefined;
    if (!reset) return spent(reply);
    const problem = form.errors.password ?? form.errors.form ?? passwordError(password, reset.username, request.i18n.t.accounts.errors);
    if (problem) {
      return reply.code(422).view("accounts/reset.eta", { title: request.i18n.t.accounts.reset.title, spent: false, username: reset.username, token, errors: { password: problem }, csrfToken: reply.csrfToken() });
    }
    const userId = await resetPassword(app.db, token, await hashPassword(password));
    if (userId === undefined) return spent(reply); // used in another tab meanwhile
    // A banned member may set a password, but logs in (and hears why not) through the log-in form.
    if (reset.banned_until && reset.banned_until > new Date()) return reply.redirect("/login", 303);
    // Every session ended with the reset; this browser starts a new one.
    const session = await app.sessions.createSession(userId, { user_agent: request.headers["user-agent"] ?? "" });
    reply.setSessionCookie(app.sessions.createSessionCookie(session.id));
    return reply.redirect("/settings?done=reset", 303);
  });
}
