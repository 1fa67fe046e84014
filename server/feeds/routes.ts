// /feed.xml and /companies/:slug/feed.xml: Atom feeds of the newest stories.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { SlugParams } from "../lib/schemas.js";
import { OUTCOMES } from "../lib/enums.js";
import { companyPath, storyPath } from "../lib/paths.js";
import { siteOf, type Site } from "../seo/site.js";
import { renderAtom, type AtomEntry } from "./atom.js";
import { companyFeedPath, siteFeedPath } from "./links.js";
import { findOrganisationBySlug, mergeTarget } from "../organisations/queries.js";
import { newestStories, newestStoriesOf, type FeedStory } from "./queries.js";

const ATOM = "application/atom+xml; charset=utf-8";
// Tag URIs (RFC 4151) need a date on which the name was held; any fixed one keeps ids stable.
const TAG_DATE = "2025";


function toEntry(story: FeedStory, at: Site): AtomEntry {
  const categories = [
    { scheme: `${at.base}/companies`, term: story.company_slug, label: story.company_name },
    { scheme: `tag:${at.hostname},${TAG_DATE}:outcome`, term: story.outcome, label: OUTCOMES[story.outcome] },
  ];
  if (story.other_party_slug && story.other_party_name) {
    categories.push({ scheme: `tag:${at.hostname},${TAG_DATE}:other-party`, term: story.other_party_slug, label: story.other_party_name });
  }
  return {
    id: `tag:${at.hostname},${TAG_DATE}:story:${story.id}`,
    lang: story.lang,
    title: story.title,
    href: at.base + storyPath(story),
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
    const stories = await newestStories(app.db);
    return sendAtom(reply, renderAtom({
      id: `tag:${at.hostname},${TAG_DATE}:feed`,
      lang: "en",
      title: "Escalator: newest stories",
      subtitle: "Escalation stories: who answered, how fast, and who fixed it.",
      selfHref: at.base + siteFeedPath(),
      alternateHref: `${at.base}/`,
      fallbackUpdated: new Date(0),
      entries: stories.map((story) => toEntry(story, at)),
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
    const stories = await newestStoriesOf(app.db, organisation.id);
    return sendAtom(reply, renderAtom({
      id: `tag:${at.hostname},${TAG_DATE}:companies:${organisation.id}:feed`,
      lang: "en",
      title: `Escalator: stories about ${organisation.name}`,
      subtitle: `Escalation stories naming ${organisation.name}, as the company written to or as the party that failed first.`,
      selfHref: at.base + companyFeedPath(organisation),
      alternateHref: at.base + companyPath(organisation),
      fallbackUpdated: organisation.created_at,
      entries: stories.map((story) => toEntry(story, at)),
    }));
  });
}
