// Always runs (no corpus needed): the sanitizer keeps the tags stories may use
// but never an event-handler attribute on them.
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../server/lib/markdown.js";

const ALLOWED = ["p", "strong", "em", "del", "code", "pre", "blockquote", "span", "ul", "ol", "li", "a", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td"];
const HANDLERS = ["onclick", "onmouseover", "onfocus", "ONLOAD", "onpointerenter", "onanimationstart"];

describe("the sanitizer", () => {
  it.each(ALLOWED)("drops every on* attribute on an allowed <%s>", (tag) => {
    const attributes = HANDLERS.map((name) => `${name}="alert(1)"`).join(" ");
    const inner = tag === "a" ? `<a href="https://example.org" ${attributes}>x</a>` : `<${tag} ${attributes}>x</${tag}>`;
    const html = renderMarkdown(tag.startsWith("t") ? `<table ${tag === "table" ? attributes : ""}><tbody><tr><td>${inner}</td></tr></tbody></table>` : `<div>${inner}</div>`);
    const root = parse(html);
    const all = root.querySelectorAll("*");
    for (const element of all) {
      for (const name of Object.keys(element.attributes)) expect(name.toLowerCase(), `${tag}: ${html}`).not.toMatch(/^on/);
    }
    expect(html.toLowerCase()).not.toContain("alert(1)");
  });
});
