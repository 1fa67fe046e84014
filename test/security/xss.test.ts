// XSS payloads posted through the real forms, in every text field — title,
// product, company, other party, body, reply — come out inert on every page
// and feed that shows them: no script, no event handler, no javascript: or
// data: URL, and the text of the plain fields shown exactly, escaped.
import { cleanText } from "../../server/lib/form.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAtom } from "../feeds/parse-atom.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { attrs, csrfToken, findAll, nextHref, textOf, texts } from "../helpers/html.js";
import { missingCorpora, payloadFiles, payloadsPresent } from "../helpers/payloads.js";
import { escapeHtml, unsafeMarkup } from "./unsafe-markup.js";

/** From each corpus file, this many lines: the files are long and alike, and every payload costs a dozen requests. */
const SAMPLE = 20;
/** Payloads per test: each costs about ten requests. */
const BATCH = 20;

// XML 1.0 cannot carry these at all, so a feed drops them (feeds/atom.ts).
const notInXml = (text: string) => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");

const HAND_PICKED = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '" onfocus="alert(1)" autofocus="',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<iframe src=javascript:alert(1)></iframe>",
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<details open ontoggle=alert(1)>",
  "<style>@import 'javascript:alert(1)'</style>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  "</textarea><script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  "]]><script>alert(1)</script>",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](java\tscript:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](<javascript:alert(1)>)",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![x](javascript:alert(1))",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  '![x" onerror="alert(1)](https://example.com/x.png)',
  "[x](https://example.com \"title\" onclick=alert(1))",
  "<https://example.com/\"onmouseover=\"alert(1)>",
];

// Markdown that needs more than one line: body and reply only.
const MULTILINE = [
  "[link][ref]\n\n[ref]: javascript:alert(1)",
  "![img][ref]\n\n[ref]: data:text/html,<script>alert(1)</script>",
  "```html\n<script>alert(1)</script>\n```",
  "<div\nonmouseover=alert(1)>x</div>",
  "> <img src=x\n> onerror=alert(1)>",
];

/** Cut to at most `max` UTF-16 units without splitting a character, then trim as the form reader does. */
function fit(text: string, max: number): string {
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.replace(/\u0000/g, "").trim();
}

interface Posted {
  i: number;
  payload: string;
  title: string;
  company: string;
  otherParty: string;
  product: string;
  storyPath: string;
}

/** Fails with every problem found, naming the page. */
function expectSafe(html: string, where: string) {
  expect(unsafeMarkup(html), where).toEqual([]);
}

describe("the markup checker itself", () => {
  it.each([
    ["<script>alert(1)</script>"], ['<img src="x">'], ["<a href=\"javascript:alert(1)\">x</a>"], ["<a href='&#106;avascript:alert(1)'>x</a>"],
    ["<a href=\"java&#9;script:x\">x</a>"], ["<a href=\" data:text/html,x\">x</a>"], ["<p onclick=x>"], ["<svg/onload=alert(1)>"], ["<div\nonmouseover=x>"],
    ["<p title=\"a\" onmouseover=\"x\">"], ["<a href=x <script>"], ["<script src=\"/static/x.js\">alert(1)</script>"], ["<form action=\"javascript:x\">"],
  ])("flags %j", (html) => {
    expect(unsafeMarkup(html)).not.toEqual([]);
  });
  it.each([
    ["&lt;script&gt;alert(1)&lt;/script&gt;"], ['<a href="/stories/1/x" rel="nofollow">javascript:alert(1)</a>'], ['<input value="&quot; onerror=alert(1) &lt;b&gt;">'],
    ['<script src="/static/site.js"></script>'], ['<p title="x > onclick=y">z</p>'], ["x &lt;img src=x onerror=alert(1)&gt;"],
  ])("passes %j", (html) => {
    expect(unsafeMarkup(html)).toEqual([]);
  });
});

describe.skipIf(!payloadsPresent)("XSS payloads in every text field", () => {
  let t: TestApp;
  let agent: Agent;
  let token = "";
  const posted: Posted[] = [];
  const payloads = [
    ...HAND_PICKED,
    ...payloadFiles("markdown-xss").flatMap((f) => f.payloads),
    ...payloadFiles("xss").flatMap((f) => f.payloads.slice(0, SAMPLE)),
  ];
  // Vitest's worker gives up on a single test running past a minute, so the work comes in batches.
  const batches = Array.from({ length: Math.ceil(payloads.length / BATCH) }, (_, b) => payloads.slice(b * BATCH, (b + 1) * BATCH).map((payload, k) => ({ i: b * BATCH + k, payload })));

  const get = (url: string) => agent.get(url);
  async function page(url: string): Promise<string> {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    expectSafe(res.body, url);
    return res.body;
  }
  /** Follows rel="next" links from `url`, checking every page; returns them all. */
  async function allPages(url: string, limit = 100): Promise<string[]> {
    const pages: string[] = [];
    for (let next: string | undefined = url; next && pages.length < limit; ) {
      const html = await page(next);
      pages.push(html);
      next = nextHref(html);
    }
    return pages;
  }
  /** A feed: well-formed, nothing executable in the XML, nor in any entry's HTML a reader would render. */
  async function checkFeed(url: string) {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    expect(res.body, url).not.toMatch(/<script|<img|<svg|<iframe/i);
    const feed = parseAtom(res.body);
    for (const entry of feed.entries) expect(unsafeMarkup(entry.content), `${url} ${entry.id}`).toEqual([]);
    return feed;
  }
  async function postStory(fields: Record<string, string>) {
    // Some payloads look like phone numbers; the author confirms they are meant to be public.
    const res = await agent.post("/stories/new", {
      _csrf: token, confirm_personal: "yes", country: "US", channel: "email", escalated_to: "ceo", answered_by: "", escalated_date: "2024-03-18",
      escalated_time: "", first_response_date: "", first_response_time: "", resolved_date: "", resolved_time: "", outcome: "pending", ...fields,
    });
    const errors = texts(res.body, "p.error");
    expect(res.statusCode, `posting ${JSON.stringify(fields.title)}: ${errors.join("\n") || res.body.slice(0, 3000)}`).toBe(303);
    const storyPath = String(res.headers.location);
    const id = storyPath.match(/^\/stories\/(\d+)\//)?.[1];
    return { storyPath, id };
  }
  async function postReply(storyId: string | undefined, body: string) {
    const res = await agent.post(`/stories/${storyId}/replies`, { _csrf: token, confirm_personal: "yes", body });
    expect(res.statusCode, `replying to story ${storyId}`).toBe(303);
  }

  beforeAll(async () => {
    t = await createTestApp({ config: { rateLimits: { signup: 1000, login: 1000, post: 100_000 } } });
    agent = new Agent(t.app);
    await agent.signUp("xss_poster");
    const form = await agent.get("/stories/new");
    token = csrfToken((form.statusCode === 200 ? form : await agent.get("/settings")).body) ?? "";
    if (!token) throw new Error("no CSRF token on /stories/new or /settings");
  });
  afterAll(async () => t?.close());

  for (const batch of batches) {
    it(`payloads ${batch[0]!.i}–${batch.at(-1)!.i}: posted in every field; thread, company pages and feeds inert, plain fields shown escaped`, async () => {
      for (const { i, payload } of batch) {
        const typed = {
          title: fit(`Story ${i}: ${payload}`, 160),
          company: fit(`C${i}Q ${payload}`, 80),
          otherParty: fit(`O${i}Q ${payload}`, 80),
          product: fit(`P${i} ${payload}`, 120),
        };
        // Shown as the one field reader keeps them: control characters (a tab, a form feed) dropped.
        const story = { title: cleanText(typed.title), company: cleanText(typed.company), otherParty: cleanText(typed.otherParty), product: cleanText(typed.product) };
        const { storyPath, id } = await postStory({
          title: typed.title, company: typed.company, other_party: typed.otherParty, product: typed.product,
          body: `${payload}\n\nzqxjmarker story ${i}\n\n${payload}`,
        });
        await postReply(id, `${payload}\n\nzqxjmarker reply ${i}`);
        posted.push({ i, payload, storyPath, ...story });

        const html = await page(storyPath);
        for (const text of [story.title, story.product, story.company, story.otherParty]) {
          expect(html, `${storyPath}: ${JSON.stringify(text)}`).toContain(escapeHtml(text));
        }
        // The story's company and other party, as its facts card links them.
        const slugs = attrs(html, 'aside.facts a[href^="/companies/"]', "href").map((href) => href.slice("/companies/".length));
        expect(slugs.length, storyPath).toBeGreaterThanOrEqual(2);
        for (const slug of slugs) {
          const feed = await checkFeed(`/companies/${slug}/feed.xml`);
          expect(feed.entries.map((e) => e.title)).toContain(notInXml(story.title));
          const company = await get(`/companies/${slug}`);
          if (company.statusCode === 404) continue; // company pages not there yet
          expect(company.statusCode, `/companies/${slug}`).toBe(200);
          expectSafe(company.body, `/companies/${slug}`);
        }

        const search = await get(`/search?${new URLSearchParams({ q: payload })}`);
        expect([200, 400], payload).toContain(search.statusCode);
        expectSafe(search.body, `/search?q=${payload}`);
      }
    }, 120_000);
  }

  it("multi-line markdown in bodies and replies is inert too", async () => {
    for (const [j, markdown] of MULTILINE.entries()) {
      const { storyPath, id } = await postStory({ title: `Multi-line markdown ${j}`, company: "Markdown Co", product: "", other_party: "", body: markdown });
      await postReply(id, markdown);
      await page(storyPath);
    }
  });

  it("the story list, every page of it", async () => {
    const all = (await allPages("/")).join("\n");
    for (const story of posted) expect(all, story.title).toContain(escapeHtml(story.title));
  });

  it("the leaderboards of companies and other parties, which list the hostile names", async () => {
    for (const url of ["/companies", "/companies?window=all", "/parties"]) {
      const res = await get(url);
      if (res.statusCode === 404) continue; // not there yet
      await allPages(url);
    }
  });

  it("search results for a word in every story, every page", async () => {
    const pages = await allPages("/search?q=zqxjmarker");
    expect(pages.join("\n")).toContain("<mark>zqxjmarker</mark>");
  });

  it("the member's page, stories and replies, every page", async () => {
    const first = await page("/u/xss_poster");
    const pages = [first];
    for (const list of ["Older stories", "Older replies"]) {
      let html = first;
      for (let n = 0; n < 100; n++) {
        const next = findAll(html, "a[href]").find((a) => textOf(a) === list)?.getAttribute("href");
        if (!next) break;
        html = await page(next);
        pages.push(html);
      }
    }
    const all = pages.join("\n");
    for (const story of posted) expect(all, story.title).toContain(escapeHtml(story.title));
  });

  it("the site feed: titles as typed, entry HTML inert", async () => {
    const feed = await checkFeed("/feed.xml");
    expect(feed.entries.length).toBeGreaterThan(0);
    const byPath = new Map(posted.map((s) => [s.storyPath, s]));
    let matched = 0;
    for (const entry of feed.entries) {
      const story = byPath.get(new URL(entry.links.find((l) => l.rel === "alternate")!.href).pathname);
      if (!story) continue;
      expect(entry.title).toBe(notInXml(story.title));
      matched++;
    }
    expect(matched).toBeGreaterThan(0);
  });
});

it.skipIf(payloadsPresent)("XSS payloads in every text field", missingCorpora);
