// Searching stories and replies in English and German: stemming, phrases, OR,
// exclusions, replies leading to their story, and nothing hidden or deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser, insertReply, insertStory } from "../helpers/fixtures.js";
import { find, findAll, nextHref, one, texts } from "../helpers/html.js";

interface Result {
  href: string;
  /** The title and the snippet as served: escaped text and <mark> highlights. */
  titleHtml: string;
  snippetHtml: string;
  /** The highlighted words. */
  titleMarks: string[];
  snippetMarks: string[];
  /** Every element inside the title and the snippet, by tag name. */
  tags: string[];
  replyHref: string | null;
}

function results(html: string): Result[] {
  return findAll(html, "li.story-row.search-result").map((item) => {
    const title = one(item, "h3.story-title a");
    const snippet = one(item, "p.snippet > span[lang]");
    return {
      href: title.getAttribute("href")!,
      titleHtml: title.innerHTML,
      snippetHtml: snippet.innerHTML,
      titleMarks: texts(title, "mark"),
      snippetMarks: texts(snippet, "mark"),
      tags: [...findAll(title, "*"), ...findAll(snippet, "*")].map((e) => e.tagName),
      // A reply's match links to the reply before its text.
      replyHref: find(item, "p.snippet > a")?.getAttribute("href") ?? null,
    };
  });
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe("search", () => {
  let t: TestApp;
  const story: Record<string, { id: number; slug: string }> = {};
  const replyIds: Record<string, number> = {};

  async function search(q: string, page?: number) {
    const params = new URLSearchParams({ q });
    if (page) params.set("page", String(page));
    const res = await t.app.inject({ url: `/search?${params}` });
    expect(res.statusCode).toBe(200);
    return { html: res.body, found: results(res.body) };
  }
  const hrefOf = (name: string) => `/stories/${story[name]!.id}/${story[name]!.slug}`;
  const hrefs = (found: Result[]) => found.map((r) => r.href);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const anna = await createUser(db, "anna_hamburg");
    const sam = await createUser(db, "sam_ohio");
    const dhl = await createOrganisation(db, "DHL", { slug: "dhl" });
    const airline = await createOrganisation(db, "Skyways", { slug: "skyways" });
    const add = async (name: string, title: string, body: string, extra: { hidden?: boolean; deleted?: boolean; minutesAgo?: number } = {}) => {
      story[name] = await insertStory(db, { authorId: anna, companyId: name.startsWith("de") ? dhl : airline, title, body, hidden: extra.hidden, deleted: extra.deleted, createdAt: ago(extra.minutesAgo ?? 10) });
    };
    await add("deLieferungen", "Die Lieferungen kamen nie an", "Drei Lieferungen hintereinander blieben im Paketzentrum liegen. Der Kundendienst schwieg.");
    await add("dePakete", "Die Pakete kamen nie an", "Zwei Pakete verschwanden; der Vorstand antwortete nach einer Woche.");
    await add("enCancelled", "Skyways cancelled my flight twice", "They cancelled the booking and then the rebooking. The CEO's office sorted it.");
    await add("enCancel", "I asked Skyways to cancel a ticket", "Support would not cancel it; a letter to the executive office did.");
    await add("enRefundNever", "The refund never arrived", "Six weeks of waiting for money that was promised.");
    await add("enNeverRefund", "Never mind the parcel, where is my refund", "The parcel arrived broken. The refund was approved and never paid.");
    await add("enWasher", "Broken washing machine under warranty", "The drum stopped after a month.");
    replyIds.bearing = await insertReply(db, { storyId: story.enWasher!.id, authorId: sam, body: "Same here: the technician replaced the drum bearing within a week." });
    await add("enToasterTitle", "Toaster caught fire on the first day", "Nothing left of the kitchen curtain.");
    await add("enToasterBody", "Small appliance trouble", "A toaster from them smoked on day two.", { minutesAgo: 5 });
    await add("enHostile", "<img src=x onerror=alert(1)> gramophone & friends", "The gramophone cost < 5 € & came \"as new\" from O'Brien's shop. <img src=x onerror=alert(1)>");
    // Invisible: hidden, deleted, and replies that are hidden, deleted or under a hidden story.
    await add("hidden", "Hidden story about a zebrafish", "zebrafish everywhere", { hidden: true });
    await add("deleted", "Deleted story about an axolotl", "axolotl everywhere", { deleted: true });
    await insertReply(db, { storyId: story.enWasher!.id, authorId: sam, body: "A reply about a platypus", hidden: true });
    await insertReply(db, { storyId: story.enWasher!.id, authorId: sam, body: "A reply about a narwhal", deleted: true });
    await insertReply(db, { storyId: story.hidden!.id, authorId: sam, body: "A reply about a quokka under a hidden story" });
    await insertReply(db, { storyId: story.deleted!.id, authorId: sam, body: "A reply about a wombat under a deleted story" });
    // Enough stories sharing one word for two pages.
    for (let i = 1; i <= 23; i++) await add(`many${i}`, `Router number ${i} lost its configuration`, `The modem kept rebooting, case ${i}.`, { minutesAgo: 100 + i });
  });
  afterAll(async () => t?.close());

  it("finds a German story by another form of the word (Lieferung → Lieferungen)", async () => {
    const { found } = await search("Lieferung");
    expect(hrefs(found)).toEqual([hrefOf("deLieferungen")]);
    expect(found[0]!.titleMarks).toContain("Lieferungen");
  });

  it("finds English stories by stem both ways: cancel finds cancelled, cancelled finds cancel", async () => {
    expect(hrefs((await search("cancel")).found).sort()).toEqual([hrefOf("enCancel"), hrefOf("enCancelled")].sort());
    expect(hrefs((await search("cancelled")).found).sort()).toEqual([hrefOf("enCancel"), hrefOf("enCancelled")].sort());
  });

  it("matches a quoted phrase only where the words stand together", async () => {
    expect(hrefs((await search('"refund never"')).found)).toEqual([hrefOf("enRefundNever")]);
    expect(hrefs((await search("refund never")).found).sort()).toEqual([hrefOf("enRefundNever"), hrefOf("enNeverRefund")].sort());
  });

  it("OR finds either word, across languages", async () => {
    expect(hrefs((await search("Paketzentrum OR gramophone")).found).sort()).toEqual([hrefOf("deLieferungen"), hrefOf("enHostile")].sort());
  });

  it("-word leaves out stories with the word, in any form and either language", async () => {
    expect(hrefs((await search("refund -parcel")).found)).toEqual([hrefOf("enRefundNever")]);
    // English stems "Lieferung" differently from "Lieferungen"; the German stems still exclude it.
    expect(hrefs((await search("kamen -Lieferung")).found)).toEqual([hrefOf("dePakete")]);
    expect(hrefs((await search('kamen -"Lieferungen kamen"')).found)).toEqual([hrefOf("dePakete")]);
  });

  it("a match in a reply leads to the story, with the snippet linked to the reply", async () => {
    const { found } = await search("bearing");
    expect(found).toHaveLength(1);
    expect(found[0]!.href).toBe(hrefOf("enWasher"));
    expect(found[0]!.replyHref).toBe(`${hrefOf("enWasher")}?reply=${replyIds.bearing}#reply-${replyIds.bearing}`);
    expect(found[0]!.snippetMarks).toContain("bearing");
  });

  it("ranks a title match above a body match", async () => {
    expect(hrefs((await search("toaster")).found)).toEqual([hrefOf("enToasterTitle"), hrefOf("enToasterBody")]);
  });

  it("never shows hidden or deleted stories, hidden or deleted replies, or replies under hidden or deleted stories", async () => {
    for (const word of ["zebrafish", "axolotl", "platypus", "narwhal", "quokka", "wombat"]) {
      const { html, found } = await search(word);
      expect(found, word).toEqual([]);
      expect(html).toContain("No stories match");
    }
  });

  it("highlights matches in escaped text: stored markup stays text", async () => {
    const { found } = await search("gramophone");
    expect(found).toHaveLength(1);
    const { titleHtml, snippetHtml, tags } = found[0]!;
    expect(titleHtml).toBe("&lt;img src=x onerror=alert(1)&gt; <mark>gramophone</mark> &amp; friends");
    expect(snippetHtml).toContain("<mark>gramophone</mark> cost &lt; 5 € &amp; came &quot;as new&quot; from O&#39;Brien&#39;s shop.");
    expect(tags.filter((tag) => tag !== "MARK")).toEqual([]);
  });

  it("pages through many matches without gaps or repeats, and stops", async () => {
    const first = await search("router");
    expect(first.found).toHaveLength(20);
    const next = nextHref(first.html);
    expect(next).toBe("/search?q=router&page=2");
    const second = await t.app.inject({ url: next! });
    const rest = results(second.body);
    expect(rest).toHaveLength(3);
    expect(nextHref(second.body)).toBeUndefined();
    const all = [...hrefs(first.found), ...hrefs(rest)];
    expect(new Set(all).size).toBe(23);
    expect(all.sort()).toEqual(Array.from({ length: 23 }, (_, i) => hrefOf(`many${i + 1}`)).sort());
  });

  it("an empty or blank query shows just the form", async () => {
    for (const url of ["/search", "/search?q=", "/search?q=%20%20"]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('id="search-q"');
      expect(res.body).not.toContain("search-results");
    }
  });

  it("paging stops at page 50 and says that more match", async () => {
    const first = await t.database.db.selectFrom("stories").select(["author_id", "company_id"]).where("id", "=", story.many1!.id).executeTakeFirstOrThrow();
    await t.database.db
      .insertInto("stories")
      .values(Array.from({ length: 1_001 }, (_, i) => ({
        author_id: first.author_id, company_id: first.company_id, title: `Kettle number ${i} boiled dry`, slug: `kettle-${i}`, country: "GB",
        channel: "email" as const, escalated_to: "ceo" as const, outcome: "pending" as const, escalated_at: ago(2_000), created_at: ago(1_000 + i),
        body_md: "A kettle story.", body_html: "<p>A kettle story.</p>", lang: "en" as const,
      })))
      .execute();
    const fiftieth = await search("kettle", 50);
    expect(fiftieth.found).toHaveLength(20);
    expect(fiftieth.html).not.toContain('rel="next"');
    expect(fiftieth.html).toContain("More than 1,000 stories match");
    expect((await t.app.inject("/search?q=kettle&page=51")).statusCode).toBe(400);
    expect((await search("kettle", 49)).html).toContain('href="/search?q=kettle&amp;page=50"');
    // Three searches over a thousand candidates: on the embedded database under a loaded machine that takes longer than the default 30 s.
  }, 120_000);

  it("a 10 kB query is cut to the limit and the page says so", async () => {
    const { html } = await search("router ".repeat(1500));
    expect(html).toContain("Your search was longer than 200 characters");
    expect(results(html).length).toBeGreaterThan(0);
  });
});
