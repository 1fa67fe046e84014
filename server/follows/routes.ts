// Follow and unfollow buttons (plain forms, no script) on story and company pages.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { guardScope } from "../accounts/guards.js";
import { field } from "../lib/form.js";
import { formInput } from "../lib/form-input.js";
import { formSchema } from "../lib/form-schema.js";
import { IdParams, SlugParams } from "../lib/schemas.js";
import { companyPath, storyPath } from "../lib/paths.js";
import { findStory } from "../stories/queries.js";
import { followCompany, followStory } from "./queries.js";

// A button, not a form to fill in: a body the schema refuses still means "follow" unless it says "no".
const followBody = formSchema("follow");

export default async function followRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  guardScope(app, "member");

  app.post("/stories/:id/follow", { schema: { params: IdParams, body: followBody }, attachValidation: true }, async (request, reply) => {
    const form = formInput(request);
    const story = form && (await findStory(app.db, request.params.id));
    if (!form || !story || story.hidden_at) return reply.callNotFound();
    await followStory(app.db, request.user!.id, story.id, field(form.body, "follow") !== "no");
    return reply.redirect(storyPath(story), 303);
  });

  app.post("/companies/:slug/follow", { schema: { params: SlugParams, body: followBody }, attachValidation: true }, async (request, reply) => {
    const form = formInput(request);
    const organisation = form && (await app.db.selectFrom("organisations").select(["id", "slug"]).where("slug", "=", request.params.slug).executeTakeFirst());
    if (!form || !organisation) return reply.callNotFound();
    await followCompany(app.db, request.user!.id, organisation.id, field(form.body, "follow") !== "no");
    return reply.redirect(companyPath(organisation), 303);
  });
}
