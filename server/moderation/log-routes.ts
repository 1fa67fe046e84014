// The public moderation log, as a page and as an Atom feed.
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { renderAtom, xmlText } from "../feeds/atom.js";
import { OptionalId } from "../lib/schemas.js";
import { ACTION_LABELS, listLog, type LogLine } from "./log.js";

const describe = (line: LogLine) => `${line.moderator} ${ACTION_LABELS[line.action] ?? line.action} ${line.target_type} “${line.target_label}”`;

export default async function moderationLogRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get("/moderation/log", { schema: { querystring: Type.Object({ before: OptionalId }) } }, async (request, reply) => {
    const before = request.query.before;
    const page = await listLog(app.db, before);
    return reply.view("moderation/log.eta", {
      title: "Moderation log",
      page,
      actions: ACTION_LABELS,
      isFirstPage: before === undefined,
      alternateFeeds: [{ title: "Moderation log", href: "/moderation/log.xml" }],
    });
  });

  app.get("/moderation/log.xml", async (request, reply) => {
    const origin = `${request.protocol}://${request.host}`;
    const { lines } = await listLog(app.db);
    const xml = renderAtom({
      id: `${origin}/moderation/log`,
      lang: "en",
      title: "Escalator moderation log",
      subtitle: "Every moderator action, with its reason.",
      selfHref: `${origin}/moderation/log.xml`,
      alternateHref: `${origin}/moderation/log`,
      fallbackUpdated: new Date(0),
      entries: lines.map((line) => ({
        id: `${origin}/moderation/log#entry-${line.id}`,
        title: describe(line),
        href: line.href ? origin + line.href : `${origin}/moderation/log#entry-${line.id}`,
        published: line.created_at,
        updated: line.created_at,
        author: line.moderator,
        contentHtml: `<p>${xmlText(describe(line))}</p><p>Reason: ${xmlText(line.reason)}</p>`,
        categories: [{ scheme: `${origin}/moderation/log`, term: line.action, label: ACTION_LABELS[line.action] ?? line.action }],
      })),
    });
    return reply.type("application/atom+xml; charset=utf-8").send(xml);
  });
}
