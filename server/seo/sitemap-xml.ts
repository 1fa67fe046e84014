// The sitemaps protocol's two documents (sitemaps.org): an index of files, and a set of URLs.
const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export function sitemapIndexXml(locations: string[]): string {
  const entries = locations.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

export function urlSetXml(urls: { loc: string; lastmod?: Date }[]): string {
  const entries = urls.map(({ loc, lastmod }) =>
    `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n${entries.join("\n")}\n</urlset>\n`;
}
