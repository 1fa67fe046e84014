// Where the Atom feeds live, for <link rel="alternate"> in page heads
// (reply.locals.alternateFeeds) and for the feed routes themselves. A page's
// link names the feed in the page's language and points to that language's feed.
import type { I18n } from "../i18n/index.js";

export interface FeedLink {
  title: string;
  href: string;
}

export const siteFeedPath = () => "/feed.xml";
export const companyFeedPath = (organisation: { slug: string }) => `/companies/${organisation.slug}/feed.xml`;

export function siteFeed({ t, paths }: I18n): FeedLink {
  return { title: t.feeds.site.title, href: paths.feed() };
}

/** `i18n` is the page's; until every caller passes it, the English feed. */
export function companyFeed(organisation: { slug: string; name: string }, { t, paths }: I18n): FeedLink {
  return { title: t.feeds.company.title(organisation.name), href: paths.companyFeed(organisation) };
}
