// Atom 1.0 (RFC 4287) as a string. Pure: the routes gather the entries and
// absolute URLs; everything printed here is XML-escaped.

export interface AtomCategory {
  scheme: string;
  term: string;
  label: string;
}

export interface AtomEntry {
  id: string;
  /** The entry's own language when it differs from the feed's (a story's, as xml:lang on its title and content). */
  lang?: string;
  title: string;
  href: string;
  published: Date;
  updated: Date;
  author: string;
  /** Sanitised HTML; carried as escaped text in <content type="html">. */
  contentHtml: string;
  categories: AtomCategory[];
}

export interface AtomFeed {
  id: string;
  /** The language of the feed's own texts (its title and subtitle, the categories' labels). */
  lang: string;
  title: string;
  subtitle: string;
  selfHref: string;
  alternateHref: string;
  /** Used when there are no entries to date the feed by. */
  fallbackUpdated: Date;
  entries: AtomEntry[];
}

// Characters XML 1.0 forbids outright (most C0 controls, lone surrogates,
// U+FFFE/U+FFFF): a feed reader rejects the whole document over one of them.
const ILLEGAL_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text
    .replace(ILLEGAL_IN_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const date = (d: Date) => d.toISOString();

function renderEntry(entry: AtomEntry): string {
  const categories = entry.categories
    .map((c) => `    <category scheme="${xmlText(c.scheme)}" term="${xmlText(c.term)}" label="${xmlText(c.label)}"/>`)
    .join("\n");
  return `  <entry${entry.lang ? ` xml:lang="${xmlText(entry.lang)}"` : ""}>
    <id>${xmlText(entry.id)}</id>
    <title type="text">${xmlText(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(entry.href)}"/>
    <published>${date(entry.published)}</published>
    <updated>${date(entry.updated)}</updated>
    <author><name>${xmlText(entry.author)}</name></author>
${categories}
    <content type="html">${xmlText(entry.contentHtml)}</content>
  </entry>`;
}

export function renderAtom(feed: AtomFeed): string {
  const newest = feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
  const updated = feed.entries.length ? newest : feed.fallbackUpdated;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.lang)}">
  <id>${xmlText(feed.id)}</id>
  <title type="text">${xmlText(feed.title)}</title>
  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>
  <updated>${date(updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfHref)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(feed.alternateHref)}"/>
  <generator>Escalator</generator>
${feed.entries.map(renderEntry).join("\n")}
</feed>
`;
}
