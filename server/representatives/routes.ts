// /admin/representatives: admins mark members as speaking for an organisation;
// their replies on its stories then carry an "official response" badge.
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import { findUserByUsername } from "../accounts/queries.js";
import type { FieldErrors } from "../lib/form.js";
import { formInput } from "../lib/form-input.js";
import { FormBody, Id, QueryText } from "../lib/schemas.js";
import { findOrganisationByNameOrSlug } from "../organisations/queries.js";
import { addRepresentative, listRepresentatives, removeRepresentative } from "./queries.js";
import { checkRepresentative, type RepresentativeField } from "./schema.js";

interface FormState {
  values?: Record<RepresentativeField, string>;
  errors?: FieldErrors<RepresentativeField>;
  notice?: string;
  status?: number;
}

/** Registered behind the admins' guard (app.ts). */
export default async function representativeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  async function page(reply: FastifyReply, state: FormState = {}) {
    return reply.code(state.status ?? 200).view("admin/representatives.eta", {
      title: reply.request.i18n.t.admin.representatives.title,
      representatives: await listRepresentatives(app.db),
      values: state.values ?? { username: "", organisation: "" },
      errors: state.errors ?? {},
      notice: state.notice,
      csrfToken: reply.csrfToken(),
    });
  }

  app.get("/admin/representatives", { schema: { querystring: Type.Object({ done: QueryText }) } }, async (request, reply) => {
    const notice = request.query.done;
    const t = request.i18n.t.admin.representatives;
    return page(reply, { notice: notice === "added" ? t.added : notice === "removed" ? t.removed : undefined });
  });

  app.post("/admin/representatives", { schema: { body: FormBody }, attachValidation: true }, async (request, reply) => {
    const form = formInput(request)!;
    const says = request.i18n.t.admin.representatives.errors;
    const checked = checkRepresentative(form.body, says);
    if (!checked.ok || !form.ok) return page(reply, { values: checked.ok ? checked : checked.values, errors: { ...(checked.ok ? {} : checked.errors), ...form.errors }, status: 422 });
    const [user, organisation] = await Promise.all([findUserByUsername(app.db, checked.username), findOrganisationByNameOrSlug(app.db, checked.organisation)]);
    const errors: FieldErrors<RepresentativeField> = {};
    if (!user) errors.username = says.noMember(checked.username);
    if (!organisation) errors.organisation = says.noOrganisation(checked.organisation);
    if (!user || !organisation) return page(reply, { values: checked, errors, status: 422 });
    if (!(await addRepresentative(app.db, user.id, organisation.id))) {
      return page(reply, { values: checked, errors: { username: says.already(user.username, organisation.name) }, status: 422 });
    }
    return reply.redirect("/admin/representatives?done=added", 303);
  });

  app.post("/admin/representatives/remove", { schema: { body: Type.Object({ user_id: Id, organisation_id: Id }) } }, async (request, reply) => {
    await removeRepresentative(app.db, request.body.user_id, request.body.organisation_id);
    return reply.redirect("/admin/representatives?done=removed", 303);
  });
}
