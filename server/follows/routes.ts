// Follow and unfollow buttons (plain forms, no script) on story and company pages.
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { requireUser } from "../accounts/guards.js";
import { field } from "../lib/form.js";
import { formSchema } from "../lib/form-schema.js";
import { companyPath, storyPath } from "../lib/paths.js";
import { findStory } from "../stories/queries.js";
import { followCompany, followStory } from "./queries.js";

const idParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const slugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const followBody = formSchema("follow");

export default async function followRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.addHook("onRequest", async (request, reply) => {
    if (!requireUser(request, reply)) return reply;
  });

  app.post("/stories/:id/follow", { schema: { params: idParams, body: followBody }, attachValidation: true }, async (request, reply) => {
    if (request.validationError?.validationContext === "params") return reply.callNotFound();
    const story = await findStory(app.db, request.params.id);
    if (!story || story.hidden_at) return reply.callNotFound();
    await followStory(app.db, request.user!.id, story.id, field(request.body ?? {}, "follow") !== "no");
    return reply.redirect(storyPath(story), 303);
  });

  app.post("/companies/:slug/follow", { schema: { params: slugParams, body: followBody }, attachValidation: true }, async (request, reply) => {
    if (request.validationError?.validationContext === "params") return reply.callNotFound();
    const organisation = await app.db.selectFrom("organisations").select(["id", "slug"]).where("slug", "=", request.params.slug).executeTakeFirst();
    if (!organisation) return reply.callNotFound();
    await followCompany(app.db, request.user!.id, organisation.id, field(request.body ?? {}, "follow") !== "no");
    return reply.redirect(companyPath(organisation), 303);
  });
}
