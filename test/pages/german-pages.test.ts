// A German page says nothing in English that it should translate, and never
// shows a catalogue key: every kind of page under /de/ as a visitor, a member
// and a moderator, read without what users wrote (texts marked with their own
// lang, names of people and organisations). Also the members', moderators' and
// admins' pages, the mail links' pages, form refusals and the German feeds.
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRole } from "../../server/accounts/queries.js";
import { de } from "../../server/i18n/messages/de.js";
import { en } from "../../server/i18n/messages/en.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { parseAtom } from "../feeds/parse-atom.js";

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

/** The response is a German page that says nothing in English. */
function expectGerman(res: { statusCode: number; body: string }, statuses = [200, 404]) {
  expect(statuses, res.body.slice(0, 300)).toContain(res.statusCode);
  expect(res.body).toContain('<html lang="de">');
  const text = ownText(res.body);
  expect(text).not.toMatch(RAW_KEY);
  expect(text).not.toMatch(/undefined|\[object Object\]|=>/);
  expect(ENGLISH_SENTENCES.filter((sentence) => text.includes(sentence))).toEqual([]);
  expect(text.match(ENGLISH_WORDS)?.[0] ?? null, text.slice(Math.max(0, text.search(ENGLISH_WORDS) - 80), text.search(ENGLISH_WORDS) + 80)).toBeNull();
}

/** The message shown next to a form field. */
const fieldError = (html: string, id: string) => parse(html).querySelector(`#${id}-error`)?.textContent ?? null;

describe("German pages", () => {
  let t: TestApp;
  let visitor: Agent;
  let member: Agent;
  let moderator: Agent;
  let admin: Agent;
  let threadPath: string;
  let rescuer: string;
  let storyId: number;
  let replyId: number;
  let companySlug: string;
  let unsubscribePath: string;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    visitor = new Agent(t.app);
    member = new Agent(t.app);
    await member.signUp("lena_koeln", undefined, "/de/signup");
    moderator = new Agent(t.app);
    await moderator.signUp("the_moderator");
    await setRole(t.database.db, "the_moderator", "moderator");
    admin = new Agent(t.app);
    await admin.signUp("die_admin");
    await setRole(t.database.db, "die_admin", "admin");
    const db = t.database.db;
    const story = await db
      .selectFrom("stories as s").innerJoin("organisations as o", "o.id", "s.company_id")
      .select(["s.id", "s.slug", "o.slug as company_slug"]).where("s.lang", "=", "de").orderBy("s.reply_count", "desc").executeTakeFirstOrThrow();
    threadPath = `/de/stories/${story.id}/${story.slug}`;
    storyId = story.id;
    companySlug = story.company_slug;
    replyId = (await db.selectFrom("replies").select("id").where("story_id", "=", story.id).where("lang", "=", "de").where("deleted_at", "is", null).orderBy("id").executeTakeFirstOrThrow()).id;

    // The member flags the story and a reply, so the moderators' pages have flags to show.
    const flagged = await member.post(`/de/stories/${storyId}/flag`, { reason: "misleading", note: "Die Daten passen nicht zusammen" }, { formPage: `/de/stories/${storyId}/flag` });
    expect(flagged.statusCode).toBe(303);
    expect((await member.post(`/de/replies/${replyId}/flag`, { reason: "abuse" }, { formPage: `/de/replies/${replyId}/flag` })).statusCode).toBe(303);
    // The log gets a locked thread and a week's ban (whose duration the page words).
    const other = await db.selectFrom("stories").select("id").where("lang", "=", "de").where("id", "<>", storyId).orderBy("id").executeTakeFirstOrThrow();
    const lock = await moderator.post(`/de/moderation/stories/${other.id}`, { action: "lock", reason: "Die Diskussion dreht sich im Kreis" }, { formPage: `/de/moderation/stories/${other.id}` });
    expect(lock.statusCode).toBe(303);
    await new Agent(t.app).signUp("kurz_gesperrt");
    const ban = await moderator.post("/de/moderation/users/kurz_gesperrt", { action: "ban", duration: "7d", reason: "Wiederholte Beleidigungen" }, { formPage: "/de/moderation/users/kurz_gesperrt" });
    expect(ban.statusCode).toBe(303);
    // The member replies, and the moderator answers that reply: a notification for the member.
    const own = await member.post(`/de/stories/${storyId}/replies`, { body: "Bei mir hat es auch drei Wochen gedauert." }, { formPage: threadPath });
    expect(own.statusCode).toBe(303);
    const ownId = String(own.headers.location).match(/#reply-(\d+)$/)![1]!;
    const answer = await moderator.post(`/de/stories/${storyId}/replies`, { body: "Danke für den Hinweis, das hilft weiter.", parent_id: ownId }, { formPage: threadPath });
    expect(answer.statusCode).toBe(303);
    const lena = await db.selectFrom("users").select("id").where("username", "=", "lena_koeln").executeTakeFirstOrThrow();
    const link = new URL((await t.app.mail.links()).subscribedFooter(lena.id, "reply_replies", "de").unsubscribe!.url);
    unsubscribePath = link.pathname + link.search;
    // The demo organisation most often escalated to after another party failed: its page has every section.
    const stepped = await db.selectFrom("stories").innerJoin("organisations", "organisations.id", "stories.company_id")
      .select("organisations.slug").where("stories.other_party_id", "is not", null)
      .groupBy("organisations.slug").orderBy((eb) => eb.fn.countAll(), "desc").orderBy("organisations.slug").executeTakeFirstOrThrow();
    rescuer = stepped.slug;
  }, 180_000);
  afterAll(async () => t?.close());

  /** Each page with its status: 200 unless given. */
  const PAGES: [string, () => Agent, () => string, number?][] = [
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
    ["every way of escalating at a company", () => visitor, () => `/de/companies/${rescuer}/routes?window=all`],
    ["the other parties", () => visitor, () => "/de/parties?window=all"],
    ["a page that is not there", () => visitor, () => "/de/stories/999999/nothing", 404],
    ["the member's notifications", () => member, () => "/de/notifications"],
    ["a member's profile", () => visitor, () => "/de/u/lena_koeln"],
    ["a spent e-mail confirmation link", () => visitor, () => "/de/settings/email/confirm?token=spent", 410],
    ["an unsubscribe link", () => visitor, () => unsubscribePath],
    ["an unsubscribe link Escalator did not make", () => visitor, () => "/de/mail/unsubscribe?token=forged", 404],
    ["the flag form", () => moderator, () => `/de/replies/${replyId}/flag`],
    ["the flag form, once flagged", () => member, () => `/de/stories/${storyId}/flag`],
    ["the moderation queue", () => moderator, () => "/de/moderation"],
    ["the moderation log", () => visitor, () => "/de/moderation/log"],
    ["a story, as moderators see it", () => moderator, () => `/de/moderation/stories/${storyId}`],
    ["a reply, as moderators see it", () => moderator, () => `/de/moderation/replies/${replyId}`],
    ["a member, as moderators see them", () => moderator, () => "/de/moderation/users/lena_koeln"],
    ["a banned member, as moderators see them", () => moderator, () => "/de/moderation/users/kurz_gesperrt"],
    ["an organisation, as moderators see it", () => moderator, () => `/de/moderation/organisations/${companySlug}`],
    ["the company representatives", () => admin, () => "/de/admin/representatives"],
    ["mail that could not be sent", () => admin, () => "/de/admin/mail"],
  ];

  it.each(PAGES)("%s speaks German only", async (_name, agent, path, status = 200) => {
    expectGerman(await agent().get(path()), [status]);
  });

  it("words the log's lines in German, a ban's duration too", async () => {
    const cells = parse((await visitor.get("/de/moderation/log")).body).querySelectorAll(".moderation-log td").map((td) => td.textContent.trim());
    expect(cells).toContain("Mitglied: kurz_gesperrt (7 Tage)");
    expect(cells).toContain("Diskussion gesperrt");
  });

  it("answers a refused form in German, next to the field, keeping what was typed", async () => {
    const long = await visitor.post("/de/forgot-password", { account: "x".repeat(100_001) }, { formPage: "/de/forgot-password" });
    expect(long.statusCode).toBe(422);
    expectGerman(long, [422]);
    expect(fieldError(long.body, "f-account")).toBe(de.form.refused.tooLong("100.000"));
    const twice = await member.post("/de/settings/email", { email: ["erste@example.com", "zweite@example.com"] }, { formPage: "/de/settings" });
    expect(twice.statusCode).toBe(422);
    expectGerman(twice, [422]);
    expect(fieldError(twice.body, "f-email")).toBe(de.form.refused.unreadable);
  });

  it("refuses a moderator's action without a reason in German", async () => {
    const res = await moderator.post(`/de/moderation/stories/${storyId}`, { action: "hide", reason: "" }, { formPage: `/de/moderation/stories/${storyId}` });
    expect(res.statusCode).toBe(422);
    expectGerman(res, [422]);
    expect(fieldError(res.body, "f-reason")).toBe(de.moderation.errors.reasonMissing);
  });

  it("unsubscribes in German", async () => {
    const res = await visitor.post(unsubscribePath, { "List-Unsubscribe": "One-Click" }, { formPage: unsubscribePath });
    expectGerman(res);
    expect(ownText(res.body)).toContain("Erledigt: Sie haben die Mails zu „Antworten auf meine Antworten“ abbestellt.");
  });

  it("deletes an account in German, and says in German why it did not", async () => {
    const leaving = new Agent(t.app);
    await leaving.signUp("geht_bald", undefined, "/de/signup");
    const wrong = await leaving.post("/de/settings/delete", { delete_password: "not the password" }, { formPage: "/de/settings" });
    expectGerman(wrong, [422]);
    expect(fieldError(wrong.body, "f-delete_password")).toBe(de.yourData.nothingDeleted(de.yourData.wrongPassword));
    const gone = await leaving.post("/de/settings/delete", { delete_password: "correct horse battery" }, { formPage: "/de/settings" });
    expectGerman(gone);
    expect(parse(gone.body).querySelector("h1")?.textContent).toBe(de.yourData.deleted.heading);
  });

  it("serves German feeds under /de/: German titles, links to German pages", async () => {
    const siteXml = (await visitor.get("/de/feed.xml")).body;
    expect(siteXml).toContain('xml:lang="de"');
    const site = parseAtom(siteXml);
    expect(site.title).toBe(de.feeds.site.title);
    expect(site.entries[0]?.links.find((l) => l.rel === "alternate")?.href).toMatch(/^http:\/\/localhost(:80)?\/de\/stories\//);
    expect(parseAtom((await visitor.get(`/de/companies/${companySlug}/feed.xml`)).body).title).toMatch(/^Escalator: Geschichten über /);
    const log = parseAtom((await visitor.get("/de/moderation/log.xml")).body);
    expect(log.title).toBe(de.moderation.log.feedTitle);
    expect(log.entries.map((e) => e.title)).toContain("Mitglied „kurz_gesperrt (7 Tage)“: gesperrt von the_moderator");
  });


  it("the check sees English: the English front page fails it", async () => {
    const text = ownText((await visitor.get("/")).body);
    expect(text).toMatch(ENGLISH_WORDS);
    expect(ENGLISH_SENTENCES.some((sentence) => text.includes(sentence))).toBe(true);
  });
});
