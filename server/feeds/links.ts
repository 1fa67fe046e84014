// Where the Atom feeds live, for <link rel="alternate"> in page heads
// (reply.locals.alternateFeeds) and for the feed routes themselves.

export interface FeedLink {
  title: string;
  href: string;
}

export const siteFeedPath = () => "/feed.xml";
export const companyFeedPath = (organisation: { slug: string }) => `/companies/${organisation.slug}/feed.xml`;

export function siteFeed(): FeedLink {
  return { title: "Escalator: newest stories", href: siteFeedPath() };
}

export function companyFeed(organisation: { slug: string; name: string }): FeedLink {
  return { title: `Escalator: stories about ${organisation.name}`, href: companyFeedPath(organisation) };
}
