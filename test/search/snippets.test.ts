// Snippets: markdown read as plain text, escaped, and only then the matches marked.
import { describe, expect, it } from "vitest";
import { highlight, markdownToSnippetText, newMarkers } from "../../server/search/snippets.js";

describe("search snippets", () => {
  const markers = newMarkers();
  const mark = (word: string) => `${markers.start}${word}${markers.stop}`;

  it("reads markdown as plain text", () => {
    expect(markdownToSnippetText("## The **refund** never came\n> they said `wait`\n\nSee [the letter](https://example.com/x) and ![a scan](https://example.com/s.png).")).toBe(
      "The refund never came they said wait See the letter and a scan.",
    );
  });

  it("reads lists, single emphasis, strike-through, rules and inline tags as plain text", () => {
    expect(markdownToSnippetText("- first *refund* request\n* second _refund_\n1. ~~ignored~~ then <b>answered</b>\n- [x] done\n\n---\n\nsnake_case stays, <https://example.com> too")).toBe(
      "first refund request second refund ignored then answered done snake_case stays, https://example.com too",
    );
    // A fragment cut in the middle of emphasis leaves no stray marks either.
    expect(markdownToSnippetText("was **very slow and")).toBe("was very slow and");
  });

  it("escapes the text first and only then turns markers into <mark>", () => {
    const headline = `<img src=x onerror=alert(1)> & "${mark("refund")}" <mark>not ours</mark>`;
    expect(highlight(headline, markers)).toBe("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;<mark>refund</mark>&quot; &lt;mark&gt;not ours&lt;/mark&gt;");
  });

  it("drops a marker left without its partner instead of leaving an open <mark>", () => {
    expect(highlight(`a ${markers.start}b c`, markers)).toBe("a b c");
    expect(highlight(`a ${markers.stop}b ${mark("c")}`, markers)).toBe("a b <mark>c</mark>");
  });

  it("a match inside a link target does not leave half a mark", () => {
    const text = markdownToSnippetText(`[letter](https://example.com/${mark("refund")}) and ${mark("refund")}`);
    expect(highlight(text, markers)).toBe("letter and <mark>refund</mark>");
  });
});
