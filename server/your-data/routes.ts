// /settings: download your data, delete your account.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { guardScope } from "../accounts/guards.js";
import { checkPassword } from "../accounts/passwords.js";
import { findUserByUsername } from "../accounts/queries.js";
import { showSettings } from "../accounts/settings-page.js";
import { field } from "../lib/form.js";
import { formInput } from "../lib/form-input.js";
import { formSchema } from "../lib/form-schema.js";
import { deleteAccount } from "./delete-account.js";
import { exportMemberData } from "./export.js";

export default async function yourDataRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  guardScope(app, "member");

  app.get("/settings/export.json", async (request, reply) => {
    const user = request.user!;
    const data = await exportMemberData(app.db, user.id, app.config.mail.publicUrl);
    return reply
      .header("content-disposition", `attachment; filename="escalator-${user.username}.json"`)
      .header("cache-control", "private, no-store")
      .type("application/json; charset=utf-8")
      .send(JSON.stringify(data, null, 2));
  });

  app.post("/settings/delete", { schema: { body: formSchema("delete_password", "remove_posts") }, attachValidation: true }, async (request, reply) => {
    const user = request.user!;
    const form = formInput(request)!;
    const body = form.body;
    const stored = await findUserByUsername(app.db, user.username);
    const t = request.i18n.t.yourData;
    if (!form.ok || !(await checkPassword(stored?.password_hash, field(body, "delete_password", { trim: false })))) {
      const error = form.errors.delete_password ?? Object.values(form.errors)[0] ?? t.wrongPassword;
      return showSettings(app, request, reply, { errors: { delete_password: t.nothingDeleted(error.replace(/\.$/, "")) }, status: 422 });
    }
    await deleteAccount(app.db, user.id, { removePosts: field(body, "remove_posts") === "yes" });
    reply.setSessionCookie(app.sessions.createBlankSessionCookie());
    return reply.view("your-data/deleted.eta", { title: t.deleted.title });
  });
}
