// ts_headline hands back the stored text as it was typed, HTML and all. It
// marks matches with per-request random markers; here the text is escaped
// first and only then do the markers become <mark> elements.
import { randomBytes } from "node:crypto";

export interface Markers {
  start: string;
  stop: string;
}

/** Letters and digits only, so ts_headline's option parser and HTML escaping leave them intact. */
export function newMarkers(): Markers {
  const nonce = randomBytes(8).toString("hex");
  return { start: `qs${nonce}qs`, stop: `qe${nonce}qe` };
}

/** The options string for ts_headline; `whole` highlights an entire short text such as a title. */
export function headlineOptions(markers: Markers, whole: boolean): string {
  const base = `StartSel=${markers.start}, StopSel=${markers.stop}`;
  return whole ? `${base}, HighlightAll=true` : `${base}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * A snippet of a body's markdown as plain reading text: link targets, emphasis
 * and strike-through markers, code ticks, heading, quote and list marks, rules
 * and inline HTML tags go; the words stay. Runs before escaping, on text that
 * may carry match markers (letters and digits only). ts_headline cuts
 * fragments anywhere, so a marker's partner may be missing: markers are
 * removed one by one, not in pairs.
 */
export function markdownToSnippetText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/<\/?[a-z][^>\n]*>/gi, "")
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, "")
    .replace(/^[ \t]*(?:#{1,6}|>+)[ \t]*/gm, "")
    .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, "")
    .replace(/\*+|~~|`+/g, "")
    .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** Escaped HTML with each marked match in <mark>; a stray marker is dropped rather than left unbalanced. */
export function highlight(headline: string, markers: Markers): string {
  const escaped = escapeHtml(headline);
  return escaped
    .split(markers.start)
    .map((part, i) => {
      if (i === 0) return part.split(markers.stop).join("");
      const end = part.indexOf(markers.stop);
      if (end < 0) return part;
      return `<mark>${part.slice(0, end)}</mark>${part.slice(end + markers.stop.length).split(markers.stop).join("")}`;
    })
    .join("");
}
