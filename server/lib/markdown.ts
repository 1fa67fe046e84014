// The one place markdown becomes HTML: marked, then sanitize-html with an
// allow-list. Called when a story or reply is written; pages print the result.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: true, async: false });

const policy: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "span",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    // A story's headings sit below the page's own h1 and h2.
    h1: "h3",
    h2: "h3",
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow ugc noopener" }),
    // Remote images would let a post track its readers: keep only the alt text.
    img: (_tag, attribs) => ({ tagName: "span", attribs: {}, text: attribs.alt ?? "" }),
  },
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math", "template", "title"],
};

export function renderMarkdown(source: string): string {
  return sanitizeHtml(marked.parse(source, { async: false }), policy);
}
