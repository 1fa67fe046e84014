// A German page says nothing in English that it should translate, and never
// shows a catalogue key: every kind of page under /de/ as a visitor, a member
// and a moderator, read without what users wrote (texts marked with their own
// lang, names of people and organisations).
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRole } from "../../server/accounts/queries.js";
import { de } from "../../server/i18n/messages/de.js";
import { en } from "../../server/i18n/messages/en.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";

/** Every message of a catalogue as text, by its path ("layout.nav.stories"); functions called with placeholders. */
function leaves(value: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(path, value);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) for (const [p, s] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, s);
  return out;
}

// English sentences that German must not show: each English message that its German one words differently,
// long enough to be a sentence and not a shared name ("Escalator", "p90", "CSV").
const german = leaves(de);
const ENGLISH_SENTENCES = [...leaves(en)].filter(([path, text]) => text.length >= 14 && german.get(path) !== text).map(([, text]) => text);
// Words of English that German never uses, each on its own.
const ENGLISH_WORDS = /\b(the|and|your|with|which|story|stories|reply|replies|company|companies|sign up|log in|settings|search|answered|response)\b/i;
const SECTIONS = Object.keys(en).join("|");
const RAW_KEY = new RegExp(`\\b(?:${SECTIONS})\\.[a-zA-Z]+`);

/** The page's own words: the body without scripts, users' texts and names. */
function ownText(html: string): string {
  // The head holds the story's own title in <title>; the datalist's unclosed options can hide <body> from the parser.
  const root = parse(html.replace(/<head>[\s\S]*?<\/head>/, "").replace(/<datalist[\s\S]*?<\/datalist>/g, ""));
  const body = root.querySelector("body") ?? root;
  const drop = (el: HTMLElement) => el.remove();
  body.querySelectorAll("script, style, template, textarea, bdi, time, datalist, .tag.company, .tag.other-party, .prose, .snippet mark").forEach(drop);
  body.querySelectorAll("[lang]").filter((el) => el.getAttribute("lang") !== "de").forEach(drop);
  // Names of people and organisations link to their pages.
  body.querySelectorAll("a").filter((a) => /^\/de\/(u|companies)\/[^/?#]+$/.test(a.getAttribute("href") ?? "")).forEach(drop);
  // The language switch names English in English, on purpose.
  body.querySelectorAll('a[href^="/language/"]').forEach(drop);
  return body.textContent.replace(/\s+/g, " ");
}

describe("German pages", () => {
  let t: TestApp;
  let visitor: Agent;
  let member: Agent;
  let moderator: Agent;
  let threadPath: string;
  let rescuer: string;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    visitor = new Agent(t.app);
    member = new Agent(t.app);
    await member.signUp("lena_koeln", undefined, "/de/signup");
    moderator = new Agent(t.app);
    await moderator.signUp("the_moderator");
    await setRole(t.database.db, "the_moderator", "moderator");
    const story = await t.database.db.selectFrom("stories").select(["id", "slug"]).where("lang", "=", "de").orderBy("reply_count", "desc").executeTakeFirstOrThrow();
    threadPath = `/de/stories/${story.id}/${story.slug}`;
    // The demo organisation most often escalated to after another party failed: its page has every section.
    const stepped = await t.database.db.selectFrom("stories").innerJoin("organisations", "organisations.id", "stories.company_id")
      .select("organisations.slug").where("stories.other_party_id", "is not", null)
      .groupBy("organisations.slug").orderBy((eb) => eb.fn.countAll(), "desc").orderBy("organisations.slug").executeTakeFirstOrThrow();
    rescuer = stepped.slug;
  }, 120_000);
  afterAll(async () => t?.close());

  const PAGES: [string, () => Agent, () => string][] = [
    ["the front page", () => visitor, () => "/de/"],
    ["a thread", () => visitor, () => threadPath],
    ["a thread, as a member", () => member, () => threadPath],
    ["a thread, as a moderator", () => moderator, () => threadPath],
    ["search", () => visitor, () => "/de/search?q=Paket"],
    ["sign-up", () => visitor, () => "/de/signup"],
    ["log-in", () => visitor, () => "/de/login"],
    ["forgotten password", () => visitor, () => "/de/forgot-password"],
    ["the story form", () => member, () => "/de/stories/new"],
    ["settings", () => member, () => "/de/settings"],
    ["the leaderboard", () => visitor, () => "/de/companies"],
    ["a company page", () => visitor, () => `/de/companies/${rescuer}?window=all`],
    ["a company page, as a member", () => member, () => `/de/companies/${rescuer}`],
    ["how to escalate, across all organisations", () => visitor, () => "/de/companies/how?window=all"],
    ["whom a company stepped in for", () => visitor, () => `/de/companies/${rescuer}/stepped-in?window=all`],
    ["the other parties", () => visitor, () => "/de/parties?window=all"],
    ["a page that is not there", () => visitor, () => "/de/stories/999999/nothing"],
  ];

  it.each(PAGES)("%s speaks German only", async (_name, agent, path) => {
    const res = await agent().get(path());
    expect([200, 404], res.body.slice(0, 300)).toContain(res.statusCode);
    expect(res.body).toContain('<html lang="de">');
    const text = ownText(res.body);
    expect(text).not.toMatch(RAW_KEY);
    expect(text).not.toMatch(/undefined|\[object Object\]|=>/);
    expect(ENGLISH_SENTENCES.filter((sentence) => text.includes(sentence))).toEqual([]);
    expect(text.match(ENGLISH_WORDS)?.[0] ?? null, text.slice(Math.max(0, text.search(ENGLISH_WORDS) - 80), text.search(ENGLISH_WORDS) + 80)).toBeNull();
  });

  it("the check sees English: the English front page fails it", async () => {
    const text = ownText((await visitor.get("/")).body);
    expect(text).toMatch(ENGLISH_WORDS);
    expect(ENGLISH_SENTENCES.some((sentence) => text.includes(sentence))).toBe(true);
  });
});
