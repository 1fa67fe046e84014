// Whatever is typed into the search box gives a page, never a 500, and is
// shown back exactly, escaped: hand-picked tricky queries plus every line of
// the shared SQL-injection and Unicode corpora.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanQuery } from "../../server/search/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { attr } from "../helpers/html.js";
import { missingCorpora, payloadFiles, payloadsPresent } from "../helpers/payloads.js";

/** Requests /search with a raw, already-encoded query string and checks the page; returns the echoed query. */
async function searchPage(app: FastifyInstance, rawQuery: string): Promise<string> {
  const res = await app.inject({ url: `/search?${rawQuery}` });
  const context = `GET /search?${rawQuery.slice(0, 200)}`;
  expect(res.statusCode, context).toBe(200);
  expect(res.headers["content-type"], context).toMatch(/^text\/html/);
  // Read as a browser would: an unescaped quote would end the value early, and the test compares it whole.
  const value = attr(res.body, 'input#search-q[type="search"][name="q"]', "value");
  expect(value, `${context}: the search form, with the query in its value`).toBeDefined();
  return value!;
}

/** Searches for `text` as a browser would send it; the page shows exactly the cleaned query. */
async function searchFor(app: FastifyInstance, text: string): Promise<void> {
  const params = new URLSearchParams({ q: text });
  const echoed = await searchPage(app, params.toString());
  // URLSearchParams sends lone surrogates as U+FFFD, like a browser; the server sees what it sent.
  expect(echoed, JSON.stringify(text).slice(0, 200)).toBe(cleanQuery(params.get("q")!).q);
}

const TRICKY = [
  '"', '""', '"""', "'", "''", "&", "&&", "|", "||", "!", "!!", "-", "--", "-\"", ":*", "foo:*", "foo:*A", "a & b | !c", "a <-> b", "<->", "<2>",
  "(", ")", "((((((((((", "\\", "\\\\", "foo\\", "\\'", "😀", "🇩🇪 Lieferung 👨‍👩‍👧", "e\u0301\u0301\u0301", "\u202Eevil\u202C", "\u200B\u200D",
  "OR", "OR OR OR", "-OR", "foo OR", "OR foo", "a\u0000b", "\u0000", "\u0001\u001F\u007F", "\uD800", "x\uDC00y", "\uFEFF", "%00", "%s%n", "${7*7}",
  "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "' or 1=1--", "'; drop table stories; --", "Ünïcödé ß straße", "ǅ ﬁ ＡＢＣ",
  " ".repeat(500), "a".repeat(10_000), "😀".repeat(5_000), "Lieferung ".repeat(1_100), "-a ".repeat(3_400), '"'.repeat(10_000), "(".repeat(10_000),
];

// Raw query strings a browser would never send but a client can.
const RAW = [
  "q=%ED%A0%80", "q=%ED%B0%80x", "q=%C0%80", "q=%FF%FE", "q=%", "q=%zz", "q=%E2%82", "q=a%00b", "q=%00", "q[]=a", "q[a]=b", "q=a&q=b", "q=",
  "q", "q=+", "q=%2B%2B", "page=2",
  `q=${"%F0%9F%98%80".repeat(3_000)}`, `q=${"%ED%A0%80".repeat(3_000)}`,
];

describe("search survives any input", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(async () => t?.close());

  it("tricky queries: quotes, operators, backslashes, emoji, NUL, lone surrogates, 10 kB", async () => {
    for (const text of TRICKY) await searchFor(t.app, text);
  });

  it("raw query strings: invalid UTF-8 and percent escapes, arrays", async () => {
    for (const raw of RAW) await searchPage(t.app, raw);
  });

  it("odd page numbers: the friendly 400 page, not a quiet first page", async () => {
    for (const raw of ["q=a&page=0", "q=a&page=-1", "q=a&page=1e3", "q=a&page=51", "q=a&page=99999999999999999999", "q=a&page=%00"]) {
      const res = await t.app.inject({ url: `/search?${raw}` });
      expect(res.statusCode, raw).toBe(400);
      expect(res.body, raw).toContain("That request did not work");
    }
  });

  it("a 10 kB query is cut with a message that says so", async () => {
    const res = await t.app.inject({ url: `/search?${new URLSearchParams({ q: "refund ".repeat(1_500) })}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Your search was longer than 200 characters, so only its first 200 were used.");
  });

  describe.skipIf(!payloadsPresent)("shared corpora", () => {
    const files = [...payloadFiles("sqli"), ...payloadFiles("unicode")];
    it.each(files.map((f) => [f.name, f] as const))("every line of %s", async (_name, file) => {
      expect(file.payloads.length).toBeGreaterThan(0);
      for (const payload of file.payloads) await searchFor(t.app, payload);
    }, 120_000);
  });
  it.skipIf(payloadsPresent)("shared corpora", missingCorpora);
});
