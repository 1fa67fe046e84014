// /admin/representatives: admins mark members as speaking for an organisation;
// their replies on its stories then carry an "official response" badge.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireUser } from "../accounts/guards.js";
import { findUserByUsername } from "../accounts/queries.js";
import type { SessionUser } from "../accounts/session.js";
import { field, type FieldErrors, type FormBody } from "../lib/form.js";
import { parseId } from "../lib/params.js";
import { findOrganisationByNameOrSlug } from "../organisations/queries.js";
import { addRepresentative, listRepresentatives, removeRepresentative } from "./queries.js";
import { checkRepresentative, type RepresentativeField } from "./schema.js";

/** Admins only: visitors are sent to log in, everyone else gets a 403 page. */
function requireAdmin(request: FastifyRequest, reply: FastifyReply): SessionUser | undefined {
  const user = requireUser(request, reply);
  if (!user) return undefined;
  if (user.role !== "admin") throw Object.assign(new Error("Only admins can choose who speaks for an organisation."), { statusCode: 403 });
  return user;
}

interface FormState {
  values?: Record<RepresentativeField, string>;
  errors?: FieldErrors<RepresentativeField>;
  notice?: string;
  status?: number;
}

export default async function representativeRoutes(app: FastifyInstance) {
  async function page(reply: FastifyReply, state: FormState = {}) {
    return reply.code(state.status ?? 200).view("admin/representatives.eta", {
      title: "Company representatives",
      representatives: await listRepresentatives(app.db),
      values: state.values ?? { username: "", organisation: "" },
      errors: state.errors ?? {},
      notice: state.notice,
      csrfToken: reply.csrfToken(),
    });
  }

  app.get("/admin/representatives", async (request, reply) => {
    if (!requireAdmin(request, reply)) return reply;
    const notice = (request.query as Record<string, unknown>).done;
    return page(reply, { notice: notice === "added" ? "Added." : notice === "removed" ? "Removed." : undefined });
  });

  app.post("/admin/representatives", async (request, reply) => {
    if (!requireAdmin(request, reply)) return reply;
    const checked = checkRepresentative((request.body ?? {}) as FormBody);
    if (!checked.ok) return page(reply, { values: checked.values, errors: checked.errors, status: 422 });
    const [user, organisation] = await Promise.all([findUserByUsername(app.db, checked.username), findOrganisationByNameOrSlug(app.db, checked.organisation)]);
    const errors: FieldErrors<RepresentativeField> = {};
    if (!user) errors.username = `There is no member called ${checked.username}.`;
    if (!organisation) errors.organisation = `There is no organisation called ${checked.organisation} on Escalator yet.`;
    if (!user || !organisation) return page(reply, { values: checked, errors, status: 422 });
    if (!(await addRepresentative(app.db, user.id, organisation.id))) {
      return page(reply, { values: checked, errors: { username: `${user.username} already speaks for ${organisation.name}.` }, status: 422 });
    }
    return reply.redirect("/admin/representatives?done=added", 303);
  });

  app.post("/admin/representatives/remove", async (request, reply) => {
    if (!requireAdmin(request, reply)) return reply;
    const form = (request.body ?? {}) as FormBody;
    const userId = parseId(field(form, "user_id"));
    const organisationId = parseId(field(form, "organisation_id"));
    if (userId !== undefined && organisationId !== undefined) await removeRepresentative(app.db, userId, organisationId);
    return reply.redirect("/admin/representatives?done=removed", 303);
  });
}
