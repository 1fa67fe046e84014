import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../server/lib/markdown.js";

const DANGEROUS = /<script|<iframe|<svg|<object|<embed|<img|\son\w+\s*=|javascript:|data:|vbscript:/i;

describe("markdown", () => {
  it("renders the usual formatting", () => {
    const html = renderMarkdown("**Bold** and _soft_\n\n> quoted\n\n- one\n- two\n\n[Nokia](https://www.nokia.com)");
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain("<em>soft</em>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<li>two</li>");
    expect(html).toContain('<a href="https://www.nokia.com" rel="nofollow ugc noopener">Nokia</a>');
  });

  it("drops scripts, event handlers, javascript: and data: links and raw iframes", () => {
    const html = renderMarkdown(
      [
        "Hello <script>alert(1)</script>",
        "[click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)",
        '<img src="x" onerror="alert(1)">',
        '<iframe src="https://evil.example"></iframe>',
        '<a href="JaVaScRiPt:alert(1)">caps</a> <svg onload=alert(1)>',
        "![tracker](https://evil.example/pixel.png)",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(DANGEROUS);
    expect(html).toContain("Hello");
    expect(html).toContain("tracker");
  });

  const corpus = new URL("../../../shared/payloads/", import.meta.url);
  const files = ["markdown-xss/patt-readme-xss-in-markdown.txt", "xss/patt-XSS_Polyglots.txt", "xss/patt-RSNAKE_XSS.txt", "xss/patt-0xcela_event_handlers.txt"];
  it.runIf(existsSync(corpus))("neutralises every line of the public XSS corpora", () => {
    let count = 0;
    for (const file of files) {
      const lines = readFileSync(new URL(file, corpus), "utf8").split("\n").slice(2).filter(Boolean);
      for (const line of lines) {
        const html = renderMarkdown(line);
        // Anything left must be inert text: no live tag with a handler or script URL.
        expect(html, line).not.toMatch(/<[a-z][^>]*\son\w+\s*=|<script|<iframe|href="\s*(javascript|data|vbscript):/i);
        count++;
      }
    }
    expect(count).toBeGreaterThan(100);
  });
});
