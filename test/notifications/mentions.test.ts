// Reading who a reply names: quote headers and @mentions in the reply's own words.
import { describe, expect, it } from "vitest";
import { mentionedUsernames, quotedUsernames } from "../../server/notifications/mentions.js";
import { quoteMarkdown } from "../../server/replies/schema.js";

describe("mentions and quotes in a reply", () => {
  it("finds @usernames, normalised to their keys, once each", () => {
    expect(mentionedUsernames("Thanks @Bob and @alice_1, and @BOB again.")).toEqual(["bob", "alice_1"]);
  });

  it("reads full-width and other compatibility spellings as the plain username (NFKC)", () => {
    expect(mentionedUsernames("ping @ｂｏｂ")).toEqual(["bob"]);
  });

  it("ignores code spans, code blocks and quoted text", () => {
    expect(mentionedUsernames("see `@carl`\n\n```\n@dave\n```\n\n> @erin wrote this\n\nand @frank")).toEqual(["frank"]);
  });

  it("ignores e-mail addresses, URL paths and names too short to be usernames", () => {
    expect(mentionedUsernames("mail frank@example.com, see https://example.com/@gina, or @jo")).toEqual([]);
  });

  it("finds mentions in lists, tables, headings and emphasis", () => {
    expect(mentionedUsernames("# @hank\n\n- **@ivy**\n\n| a |\n|---|\n| @kate |")).toEqual(["hank", "ivy", "kate"]);
  });

  it("finds the author the quote link quotes, not authors quoted inside that quote", () => {
    const inner = quoteMarkdown("Nested", "hello");
    expect(quotedUsernames(quoteMarkdown("Some_One", `${inner}my answer`))).toEqual(["some_one"]);
  });

  it("survives hostile input", () => {
    expect(mentionedUsernames("@".repeat(10_000))).toEqual([]);
    expect(mentionedUsernames("<script>@xyz</script>\n\n\u0000 @valid_name")).toEqual(["valid_name"]);
    expect(quotedUsernames("> ** ** wrote:")).toEqual([]);
    expect(quotedUsernames(`> **${"x".repeat(5000)}** wrote:`)).toEqual([]);
  });
});
