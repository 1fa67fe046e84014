// The sitemaps protocol's two documents (sitemaps.org): an index of files, and a set of URLs.
const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
// hreflang alternates inside a sitemap, as search engines read them.
const XHTML_NS = "http://www.w3.org/1999/xhtml";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export function sitemapIndexXml(locations: string[]): string {
  const entries = locations.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

export interface SitemapUrl {
  loc: string;
  lastmod?: Date;
  /** The same page in every language, this one included. */
  alternates?: { hreflang: string; href: string }[];
}

export function urlSetXml(urls: SitemapUrl[]): string {
  const entries = urls.map(({ loc, lastmod, alternates = [] }) =>
    `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}${alternates
      .map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`).join("")}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}" xmlns:xhtml="${XHTML_NS}">\n${entries.join("\n")}\n</urlset>\n`;
}
