// The public moderation log, as a page and as an Atom feed, each in the request's language.
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { renderAtom, xmlText } from "../feeds/atom.js";
import { OptionalId } from "../lib/schemas.js";
import { listLog } from "./log.js";
import { logLineWords } from "./log-words.js";

export default async function moderationLogRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get("/moderation/log", { schema: { querystring: Type.Object({ before: OptionalId }) } }, async (request, reply) => {
    const { t, paths } = request.i18n;
    const before = request.query.before;
    const page = await listLog(app.db, before);
    return reply.view("moderation/log.eta", {
      title: t.moderation.log.title,
      lines: page.lines.map((line) => ({ ...line, ...logLineWords(line, t.moderation), href: line.href === null ? null : paths.to(line.href) })),
      olderHref: page.nextBefore === null ? null : paths.to(`/moderation/log?before=${page.nextBefore}`),
      isFirstPage: before === undefined,
      alternateFeeds: [{ title: t.moderation.log.title, href: paths.to("/moderation/log.xml") }],
    });
  });

  app.get("/moderation/log.xml", async (request, reply) => {
    const { locale, t, paths } = request.i18n;
    const words = t.moderation.log;
    const origin = `${request.protocol}://${request.host}`;
    const page = origin + paths.moderationLog();
    const { lines } = await listLog(app.db);
    const xml = renderAtom({
      id: page,
      lang: locale,
      title: words.feedTitle,
      subtitle: words.feedSubtitle,
      selfHref: origin + paths.to("/moderation/log.xml"),
      alternateHref: page,
      fallbackUpdated: new Date(0),
      entries: lines.map((line) => {
        const { action, target, label } = logLineWords(line, t.moderation);
        const title = words.entry(line.moderator, action, target, label);
        return {
          id: `${page}#entry-${line.id}`,
          title,
          href: line.href ? origin + paths.to(line.href) : `${page}#entry-${line.id}`,
          published: line.created_at,
          updated: line.created_at,
          author: line.moderator,
          contentHtml: `<p>${xmlText(title)}</p><p>${xmlText(words.entryReason(line.reason))}</p>`,
          categories: [{ scheme: origin + paths.moderationLog(), term: line.action, label: action }],
        };
      }),
    });
    return reply.type("application/atom+xml; charset=utf-8").send(xml);
  });
}
