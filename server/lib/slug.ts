// URL slugs and the organisation-name key that makes "AT&T", "at&t" and "ATT" one.

/** Lower-case ASCII words joined by hyphens, at most 80 characters. */
export function slugify(text: string, fallback = "story"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** Case-, accent-, space- and punctuation-insensitive key for an organisation name. */
export function organisationKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
