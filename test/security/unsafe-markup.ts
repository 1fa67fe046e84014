// A minimal, deliberately strict reading of an HTML page for the XSS tests:
// every raw "<letter" must open a well-formed tag, and no tag may carry
// script, an event handler, or a javascript:/data:/vbscript: URL. Escaped
// text (&lt;script&gt;) is text and passes; anything a browser would run fails.

// A start tag whose attribute values are quoted or plain; `>` inside quotes stays inside.
const TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping", "cite", "longdesc", "manifest", "codebase"]);
const FORBIDDEN_TAGS = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base", "img", "image", "video", "audio", "source", "math", "style", "template", "noscript", "xmp", "plaintext", "listing"]);
const SCRIPT_SCHEME = /^(?:javascript|data|vbscript|livescript):/;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", tab: "\t", newline: "\n", sol: "/", lpar: "(", rpar: ")" };

/** What a browser reads in an attribute value: entities decoded. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The scheme a browser would see: entities decoded, whitespace and control characters dropped, lower-cased. */
function effectiveUrl(value: string): string {
  return decodeEntities(value).replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, "").toLowerCase();
}

function attributeValue(raw: string | undefined): string {
  if (raw === undefined) return "";
  return raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
}

export interface MarkupRules {
  /** Script tags the site itself serves: external, same-origin files under /static/. */
  allowOwnScripts?: boolean;
}

/** Everything in `html` a browser could execute; an empty list means safe. */
export function unsafeMarkup(html: string, rules: MarkupRules = { allowOwnScripts: true }): string[] {
  const problems: string[] = [];
  const excerpt = (at: number) => JSON.stringify(html.slice(at, at + 120));
  for (const open of html.matchAll(/<[a-zA-Z]/g)) {
    const at = open.index;
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    if (!tag) {
      problems.push(`malformed tag at ${at}: ${excerpt(at)}`);
      continue;
    }
    const name = tag[1]!.toLowerCase();
    const attributes = new Map<string, string>();
    for (const [, attr, raw] of tag[2]!.matchAll(ATTRIBUTE)) attributes.set(attr!.toLowerCase(), attributeValue(raw));

    if (name === "script") {
      const src = attributes.get("src") ?? "";
      const closing = html.indexOf("</script>", TAG.lastIndex);
      const content = closing < 0 ? "" : html.slice(TAG.lastIndex, closing);
      const inline = closing < 0 || content.trim() !== "";
      // A JSON-LD data block is never executed; with no "<" inside, nothing can end it early.
      const dataBlock = attributes.get("type") === "application/ld+json" && !src && closing >= 0 && !content.includes("<");
      if (!dataBlock && (!rules.allowOwnScripts || !/^\/static\/[\w./-]+\.js$/.test(src) || inline)) problems.push(`script: ${excerpt(at)}`);
    }
    if (FORBIDDEN_TAGS.has(name)) problems.push(`<${name}>: ${excerpt(at)}`);
    if (name === "meta" && attributes.has("http-equiv")) problems.push(`meta http-equiv: ${excerpt(at)}`);
    if (name === "link" && !/^(stylesheet|icon|alternate|canonical)$/.test(attributes.get("rel") ?? "")) problems.push(`link rel: ${excerpt(at)}`);
    for (const [attr, value] of attributes) {
      if (attr.startsWith("on")) problems.push(`event handler ${attr}: ${excerpt(at)}`);
      if (attr === "style" && /expression|javascript|url\s*\(/i.test(decodeEntities(value))) problems.push(`style: ${excerpt(at)}`);
      if (URL_ATTRIBUTES.has(attr) && SCRIPT_SCHEME.test(effectiveUrl(value))) problems.push(`${attr}=${JSON.stringify(value)}: ${excerpt(at)}`);
      // Only a refresh (http-equiv) follows a URL in content; share-card meta tags carry plain text.
      if (attr === "content" && attributes.has("http-equiv") && /url\s*=\s*(javascript|data|vbscript):/.test(effectiveUrl(value))) problems.push(`content URL: ${excerpt(at)}`);
    }
  }
  return problems;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
