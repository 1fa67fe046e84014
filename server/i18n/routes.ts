// The language switch: a plain link on every page (views/layout.eta) that keeps
// the choice in a cookie, so an unprefixed address is not sent back to /de/.
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { safeReturnPath } from "../accounts/schema.js";
import { localeOfPath, localisePath } from "../lib/paths.js";
import { OneOf, QueryText } from "../lib/schemas.js";
import { LOCALE_COOKIE, LOCALES } from "./locales.js";

const YEAR_SECONDS = 365 * 24 * 3600;

export default async function languageRoutes(app: FastifyInstance) {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    "/language/:locale",
    {
      schema: { params: Type.Object({ locale: OneOf(LOCALES) }), querystring: Type.Object({ next: QueryText }) },
      config: { keepLocation: true },
    },
    async (request, reply) => {
      const target = request.params.locale;
      // A stale prefix in `next` is dropped: the switch decides the language.
      const next = localeOfPath(safeReturnPath(request.query.next)).path;
      reply.setCookie(LOCALE_COOKIE, target, { path: "/", maxAge: YEAR_SECONDS, httpOnly: true, sameSite: "lax" });
      return reply.header("cache-control", "private, no-store").redirect(localisePath(target, next), 303);
    },
  );
}
