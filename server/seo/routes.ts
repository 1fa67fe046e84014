// /robots.txt, the sitemap index and its sitemaps: what a search engine may crawl
// and every visible story and company page, in files that stay small at a million stories.
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import { LOCALES } from "../i18n/locales.js";
import { companyPath, localisePath, storyPath } from "../lib/paths.js";
import { organisationsInBlock, sitemapBlocks, storiesInBlock, type SitemapKind } from "./queries.js";
import { siteOf } from "./site.js";
import { sitemapIndexXml, urlSetXml, type SitemapUrl } from "./sitemap-xml.js";

const XML = "application/xml; charset=utf-8";
// Crawlers re-read these daily at most; an hour keeps a new story out of them briefly.
const CACHE = "public, max-age=3600";

/** Pages that are the same for everyone and worth a crawler's visit, beside stories and companies. */
const FIXED_PAGES = ["/", "/companies", "/parties", "/moderation/log"];

/** A page in every language, each entry naming all of them (and English as the default). */
function inEveryLanguage(at: string, path: string, lastmod?: Date): SitemapUrl[] {
  const alternates = [...LOCALES.map((locale) => ({ hreflang: locale, href: at + localisePath(locale, path) })), { hreflang: "x-default", href: at + path }];
  return LOCALES.map((locale) => ({ loc: at + localisePath(locale, path), lastmod, alternates }));
}

const blockParams = { params: Type.Object({ block: Type.Integer({ minimum: 0, maximum: 9_999_999 }) }) };

export default async function seoRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const base = (request: Parameters<typeof siteOf>[0]) => siteOf(request, app.config.publicUrl).base;
  const sendXml = (reply: FastifyReply, xml: string) => reply.type(XML).header("cache-control", CACHE).send(xml);

  app.get("/robots.txt", async (request, reply) => {
    const lines = [
      "User-agent: *",
      // Personal pages and the moderators' queue have nothing to index; the public log does.
      ...LOCALES.map((locale) => localisePath(locale, "/")).flatMap((home) => [
        `Disallow: ${home}settings`, `Disallow: ${home}notifications`, `Disallow: ${home}moderation/`, `Allow: ${home}moderation/log`,
      ]),
      // The language switch only sets a cookie and redirects to a page that is listed anyway.
      "Disallow: /language/",
      "",
      `Sitemap: ${base(request)}/sitemap.xml`,
      "",
    ];
    return reply.type("text/plain; charset=utf-8").header("cache-control", CACHE).send(lines.join("\n"));
  });

  app.get("/sitemap.xml", async (request, reply) => {
    const at = base(request);
    const files = ["/sitemaps/pages.xml"];
    const kinds: SitemapKind[] = ["stories", "companies"];
    const blocks = await Promise.all(kinds.map((kind) => sitemapBlocks(app.db, kind)));
    kinds.forEach((kind, i) => { for (const block of blocks[i]!) files.push(`/sitemaps/${kind}-${block}.xml`); });
    return sendXml(reply, sitemapIndexXml(files.map((path) => at + path)));
  });

  app.get("/sitemaps/pages.xml", async (request, reply) => {
    const at = base(request);
    return sendXml(reply, urlSetXml(FIXED_PAGES.flatMap((path) => inEveryLanguage(at, path))));
  });

  app.get("/sitemaps/stories-:block(^\\d{1,7}).xml", { schema: blockParams }, async (request, reply) => {
    const rows = await storiesInBlock(app.db, request.params.block);
    if (rows.length === 0) return reply.callNotFound();
    const at = base(request);
    return sendXml(reply, urlSetXml(rows.flatMap((story) =>
      inEveryLanguage(at, storyPath(story), new Date(Math.max(story.last_activity_at.getTime(), story.edited_at?.getTime() ?? 0))))));
  });

  app.get("/sitemaps/companies-:block(^\\d{1,7}).xml", { schema: blockParams }, async (request, reply) => {
    const rows = await organisationsInBlock(app.db, request.params.block);
    if (rows.length === 0) return reply.callNotFound();
    const at = base(request);
    return sendXml(reply, urlSetXml(rows.flatMap((organisation) => inEveryLanguage(at, companyPath(organisation)))));
  });
}
