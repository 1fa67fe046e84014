// Reads an Atom document the way a feed reader would (fast-xml-parser), into
// the few fields the feed tests look at. Throws on XML that is not well formed.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface AtomLink {
  rel: string;
  type?: string;
  href: string;
}

export interface ParsedEntry {
  id: string;
  title: string;
  updated: string;
  published: string;
  author: string;
  links: AtomLink[];
  contentType: string;
  content: string;
  categories: { term: string; label: string }[];
}

export interface ParsedFeed {
  namespace: string;
  id: string;
  title: string;
  updated: string;
  links: AtomLink[];
  entries: ParsedEntry[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ["entry", "link", "category"].includes(name),
  // A feed full of escaped HTML holds thousands of &lt; and &amp;.
  processEntities: { enabled: true, maxTotalExpansions: 1_000_000, maxExpandedLength: 100_000_000 },
});

const text = (node: unknown): string => {
  if (typeof node === "string") return node;
  if (node && typeof node === "object" && "#text" in node) return String((node as Node)["#text"]);
  return "";
};

const links = (node: unknown): AtomLink[] =>
  ((node as Node[] | undefined) ?? []).map((l) => ({ rel: String(l["@rel"] ?? "alternate"), type: l["@type"] as string | undefined, href: String(l["@href"]) }));

export function parseAtom(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const feed = (parser.parse(xml) as Node).feed as Node | undefined;
  if (!feed) throw new Error("no <feed> root element");
  return {
    namespace: String(feed["@xmlns"]),
    id: text(feed.id),
    title: text(feed.title),
    updated: text(feed.updated),
    links: links(feed.link),
    entries: ((feed.entry as Node[] | undefined) ?? []).map((e) => ({
      id: text(e.id),
      title: text(e.title),
      updated: text(e.updated),
      published: text(e.published),
      author: text((e.author as Node | undefined)?.name),
      links: links(e.link),
      contentType: String((e.content as Node | undefined)?.["@type"] ?? "text"),
      content: text(e.content),
      categories: ((e.category as Node[] | undefined) ?? []).map((c) => ({ term: String(c["@term"]), label: String(c["@label"] ?? "") })),
    })),
  };
}
