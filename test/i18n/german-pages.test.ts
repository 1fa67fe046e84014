// The German pages of stories, replies, search and accounts: German words from
// the catalogue (no English left over), German field errors next to their
// fields with the input kept, German dates and numbers, links that stay German.
import { parse } from "node-html-parser";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../server/i18n/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { insertReply } from "../helpers/fixtures.js";
import { STORY } from "../helpers/story-form.js";

/** Every English catalogue string of more than one word that German says differently. */
function englishOnly(): string[] {
  const found: string[] = [];
  const walk = (en: unknown, de: unknown) => {
    if (typeof en === "string") {
      if (en !== de && en.trim().includes(" ")) found.push(en);
    } else if (en && typeof en === "object" && de && typeof de === "object") {
      for (const [key, value] of Object.entries(en)) walk(value, (de as Record<string, unknown>)[key]);
    }
  };
  walk(messages("en"), messages("de"));
  return found;
}
const ENGLISH = englishOnly();

/** The page's visible text and the words in its attributes a reader or a screen reader meets. */
function readable(html: string): string {
  const page = parse(html);
  page.querySelectorAll("script, style").forEach((node) => node.remove());
  const attributes = page.querySelectorAll("[title], [aria-label], [placeholder], [alt]").flatMap((node) =>
    ["title", "aria-label", "placeholder", "alt"].map((name) => node.getAttribute(name) ?? ""));
  return `${page.text}\n${attributes.join("\n")}`.replace(/\s+/g, " ");
}

const fieldError = (html: string, name: string) => parse(html).querySelector(`#f-${name}-error`)?.text;
const fieldValue = (html: string, name: string) => parse(html).querySelector(`#f-${name}`)?.getAttribute("value");

describe("German pages", () => {
  let t: TestApp;
  let member: Agent;
  let posted: LightMyRequestResponse;
  let storyPath: string;
  let storyId: number;
  beforeAll(async () => {
    t = await createTestApp();
    member = new Agent(t.app);
    await member.signUp("leser_de", "richtiges pferd batterie", "/de/signup");
    posted = await member.post("/de/stories/new", { action: "post", ...STORY }, { formPage: "/de/stories/new" });
    storyPath = String(posted.headers.location);
    storyId = Number(/\/stories\/(\d+)\//.exec(storyPath)?.[1]);
    const authorId = (await t.database.db.selectFrom("users").select("id").where("username", "=", "leser_de").executeTakeFirstOrThrow()).id;
    await insertReply(t.database.db, { storyId, authorId, body: "Mir ist das auch passiert." });
  });
  afterAll(() => t.close());

  it("posting from a German form stays German: the new story's address is under /de/", () => {
    expect(posted.statusCode).toBe(303);
    expect(storyPath).toMatch(/^\/de\/stories\/\d+\//);
  });

  it("shows a German field error next to its field and keeps what was typed", async () => {
    const res = await member.post("/de/stories/new", { action: "post", ...STORY, title: "Kurz", product: "Lumia 920 in Schwarz" }, { formPage: "/de/stories/new" });
    expect(res.statusCode).toBe(422);
    expect(parse(res.body).querySelector("html")?.getAttribute("lang")).toBe("de");
    expect(fieldError(res.body, "title")).toBe("Ein Titel hat 8 bis 160 Zeichen (dieser hat 4).");
    expect(parse(res.body).querySelector("#f-title")?.getAttribute("aria-describedby")).toContain("f-title-error");
    expect(fieldValue(res.body, "title")).toBe("Kurz");
    expect(fieldValue(res.body, "product")).toBe("Lumia 920 in Schwarz");
    expect(parse(res.body).querySelector(".form-errors")?.text).toContain("Bitte prüfen Sie das unten markierte Feld");

    const signup = await new Agent(t.app).post("/de/signup", { username: "x", password: "kurz", email: "" }, { formPage: "/de/signup" });
    expect(signup.statusCode).toBe(422);
    expect(fieldError(signup.body, "username")).toBe("Ein Benutzername hat 3 bis 30 Zeichen.");
    expect(fieldError(signup.body, "password")).toBe("Ein Passwort braucht mindestens 8 Zeichen.");
    expect(fieldValue(signup.body, "username")).toBe("x");
  });

  it("writes dates, durations and countries the German way", async () => {
    const page = await member.get(storyPath);
    const facts = parse(page.body).querySelector(".facts")!;
    expect(facts.text).toContain("Vereinigte Staaten");
    expect(facts.querySelector("dt")?.text).toBe("Eskaliert an");
    // STORY's first response came 10 h 30 min after the e-mail.
    expect(facts.text).toContain("10 Std. 30 Min.");
    expect(parse(page.body).querySelector(".story-meta time")?.text).toMatch(/^\d{1,2}\. [A-Z][a-zä]{2,3}\.? \d{4}$/);
  });

  it("leaves no English words and no missing message on the German pages of this part of the site", async () => {
    const replyId = (await t.database.db.selectFrom("replies").select("id").executeTakeFirstOrThrow()).id;
    const pages = [
      "/de/", "/de/?outcome=resolved&country=US", "/de/?company=Nirgendwo", storyPath, `/de/stories/${storyId}/revisions`,
      `/de/stories/${storyId}/reply?parent=${replyId}&quote=1`, `/de/stories/${storyId}/edit`, `/de/stories/${storyId}/timeline`,
      `/de/stories/${storyId}/delete`, `/de/replies/${replyId}/edit`, `/de/replies/${replyId}/delete`,
      "/de/search", "/de/search?q=Lumia", "/de/search?q=gibtesnicht", "/de/stories/new", "/de/settings", "/de/nirgends",
    ];
    const visitorPages = ["/de/login", "/de/signup", "/de/forgot-password", storyPath];
    const seen: [string, string][] = [
      ...(await Promise.all(pages.map(async (url) => [url, (await member.get(url)).body] as [string, string]))),
      ...(await Promise.all(visitorPages.map(async (url) => [url, (await new Agent(t.app).get(url)).body] as [string, string]))),
    ];
    // The same check finds the English words on the English page: it can fail.
    const english = readable((await member.get(storyPath.replace(/^\/de/, ""))).body);
    expect(ENGLISH.filter((words) => english.includes(words)).length).toBeGreaterThan(10);
    for (const [url, html] of seen) {
      expect(parse(html).querySelector("html")?.getAttribute("lang"), url).toBe("de");
      const text = readable(html);
      expect(text, url).not.toMatch(/undefined|\[object |NaN/);
      for (const english of ENGLISH) expect(text.includes(english), `${url}: "${english}"`).toBe(false);
    }
  });

  it("keeps every link of a German page German", async () => {
    const html = (await member.get(storyPath)).body;
    const links = parse(html).querySelectorAll("main a[href^='/'], main form[action^='/']").map((node) => node.getAttribute("href") ?? node.getAttribute("action") ?? "");
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(link).toMatch(/^\/de\//);
  });

  it("quotes in German and still tells the quoted author", async () => {
    const replyPage = await member.get(`/de/stories/${storyId}/reply?quote=story`);
    expect(parse(replyPage.body).querySelector("textarea")?.text).toContain("> **leser_de** schrieb:");
  });
});
