// Who a reply's markdown names: the authors it quotes (the header the "quote"
// link writes, see replies/schema.ts quoteMarkdown) and the @usernames it
// mentions in its own words — not inside code, and not inside quoted text
// (those are someone else's words, whose mentions were notified already).
import { Lexer, type Token } from "marked";
import { normaliseUsername } from "../lib/usernames.js";
import { LOCALES, messages } from "../i18n/index.js";

/** Enough for a real conversation; a reply naming more is not notifying them all. */
export const MAX_NAMED = 20;

// A quote written on a page in any language ("wrote:", "schrieb:") names its author.
const WROTE = LOCALES.map((locale) => messages(locale).replies.quoteWrote.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
const QUOTE_HEADER = new RegExp(`^>[ \\t]?\\*\\*([^*\\n]{1,60})\\*\\* (?:${WROTE})[ \\t]*$`, "gm");
// A username (accounts/schema.ts: 3–30 of a–z, 0–9, _ and -) after "@", not
// part of an e-mail address, a URL path or a longer word.
const MENTION = /(?<![\p{L}\p{N}_.@/-])@([A-Za-z0-9_-]{3,30})(?![\p{L}\p{N}_@-])/gu;

const SKIPPED = new Set(["code", "codespan", "blockquote", "html"]);
const INLINE = new Set(["text", "strong", "em", "del", "link", "escape"]);

/** Username keys (normalised) of the authors this markdown quotes. */
export function quotedUsernames(markdown: string): string[] {
  const keys = new Set<string>();
  for (const match of markdown.matchAll(QUOTE_HEADER)) {
    const key = normaliseUsername(match[1]!.trim());
    if (key) keys.add(key);
  }
  return [...keys].slice(0, MAX_NAMED);
}

/** Username keys (normalised) of the @mentions in the markdown's own text. */
export function mentionedUsernames(markdown: string): string[] {
  const text = ownText(Lexer.lex(markdown, { gfm: true, breaks: true })).normalize("NFKC");
  const keys = new Set<string>();
  for (const match of text.matchAll(MENTION)) keys.add(normaliseUsername(match[1]!));
  return [...keys].slice(0, MAX_NAMED);
}

/** The plain text a reader sees, minus code and quotations; blocks end in a newline. */
function ownText(tokens: Token[]): string {
  let text = "";
  for (const token of tokens) {
    if (SKIPPED.has(token.type)) {
      text += " ";
      continue;
    }
    const children = childTokens(token);
    if (children) text += ownText(children);
    else if ("text" in token && typeof token.text === "string") text += token.text;
    if (!INLINE.has(token.type)) text += "\n";
  }
  return text;
}

function childTokens(token: Token): Token[] | undefined {
  switch (token.type) {
    case "list":
      return token.items as Token[];
    case "table":
      return [...(token.header as { tokens: Token[] }[]), ...(token.rows as { tokens: Token[] }[][]).flat()].flatMap((cell) => [...cell.tokens, { type: "space", raw: "" } as Token]);
    default:
      return "tokens" in token && Array.isArray(token.tokens) ? (token.tokens as Token[]) : undefined;
  }
}
