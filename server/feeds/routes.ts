// /feed.xml and /companies/:slug/feed.xml: Atom feeds of the newest stories.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { SlugParams } from "../lib/schemas.js";
import { DEFAULT_LOCALE, type I18n } from "../i18n/index.js";
import { companyFeedPath } from "./links.js";
import { siteOf, type Site } from "../seo/site.js";
import { renderAtom, type AtomEntry } from "./atom.js";
import { findOrganisationBySlug, mergeTarget } from "../organisations/queries.js";
import { newestStories, newestStoriesOf, type FeedStory } from "./queries.js";

const ATOM = "application/atom+xml; charset=utf-8";
// Tag URIs (RFC 4151) need a date on which the name was held; any fixed one keeps ids stable.
const TAG_DATE = "2025";
/** Each language's feed is a feed of its own: the German one's id ends in ":de". */
const feedId = (at: Site, name: string, { locale }: I18n) => `tag:${at.hostname},${TAG_DATE}:${name}${locale === DEFAULT_LOCALE ? "" : `:${locale}`}`;

/** A story as an entry: the same id in every language, its links and labels the feed's. */
function toEntry(story: FeedStory, at: Site, { t, paths }: I18n): AtomEntry {
  const categories = [
    { scheme: `${at.base}/companies`, term: story.company_slug, label: story.company_name },
    { scheme: `tag:${at.hostname},${TAG_DATE}:outcome`, term: story.outcome, label: t.enums.outcome[story.outcome] },
  ];
  if (story.other_party_slug && story.other_party_name) {
    categories.push({ scheme: `tag:${at.hostname},${TAG_DATE}:other-party`, term: story.other_party_slug, label: story.other_party_name });
  }
  return {
    id: `tag:${at.hostname},${TAG_DATE}:story:${story.id}`,
    lang: story.lang,
    title: story.title,
    href: at.base + paths.story(story),
    published: story.created_at,
    updated: story.edited_at ?? story.created_at,
    author: story.author_username,
    contentHtml: story.body_html,
    categories,
  };
}

function sendAtom(reply: FastifyReply, xml: string) {
  return reply.type(ATOM).send(xml);
}

export default async function feedRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const site = (request: FastifyRequest) => siteOf(request, app.config.publicUrl);

  app.get("/feed.xml", async (request, reply) => {
    const at = site(request);
    const { i18n } = request;
    const stories = await newestStories(app.db);
    return sendAtom(reply, renderAtom({
      id: feedId(at, "feed", i18n),
      lang: i18n.locale,
      title: i18n.t.feeds.site.title,
      subtitle: i18n.t.feeds.site.subtitle,
      selfHref: at.base + i18n.paths.feed(),
      alternateHref: at.base + i18n.paths.home(),
      fallbackUpdated: new Date(0),
      entries: stories.map((story) => toEntry(story, at, i18n)),
    }));
  });

  app.get("/companies/:slug/feed.xml", { schema: { params: SlugParams } }, async (request, reply) => {
    const organisation = await findOrganisationBySlug(app.db, request.params.slug);
    if (!organisation) return reply.callNotFound();
    if (organisation.merged_into_id !== null) {
      const target = await mergeTarget(app.db, organisation);
      return target ? reply.redirect(companyFeedPath(target), 301) : reply.callNotFound();
    }
    const at = site(request);
    const { i18n } = request;
    const stories = await newestStoriesOf(app.db, organisation.id);
    return sendAtom(reply, renderAtom({
      id: feedId(at, `companies:${organisation.id}:feed`, i18n),
      lang: i18n.locale,
      title: i18n.t.feeds.company.title(organisation.name),
      subtitle: i18n.t.feeds.company.subtitle(organisation.name),
      selfHref: at.base + i18n.paths.companyFeed(organisation),
      alternateHref: at.base + i18n.paths.company(organisation),
      fallbackUpdated: organisation.created_at,
      entries: stories.map((story) => toEntry(story, at, i18n)),
    }));
  });
}
