// One language per URL: English unprefixed, German under /de/; the browser's
// preference picks the first visit, the switch keeps the choice, caches never mix them.
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferredLocale } from "../../server/i18n/index.js";
import { localisePath, localeOfPath, storyPath } from "../../server/lib/paths.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser, insertStory } from "../helpers/fixtures.js";

describe("pages in English and German", () => {
  let t: TestApp;
  let story: { id: number; slug: string };
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { host: "escalator.example", ...headers } });

  beforeAll(async () => {
    t = await createTestApp({ config: { publicUrl: undefined } });
    const db = t.database.db;
    const author = await createUser(db, "lang_author");
    const nokia = await createOrganisation(db, "Nokia", { slug: "nokia" });
    story = await insertStory(db, { authorId: author, companyId: nokia, title: "Nokia replied within a day" });
  });
  afterAll(() => t.close());

  it("serves a German page under /de/ with lang=de and German words, and the English one unprefixed", async () => {
    const de = await get("/de/");
    expect(de.statusCode).toBe(200);
    const page = parse(de.body);
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("de");
    expect(page.querySelector("nav[aria-label] .nav-links")?.text).toContain("Geschichten");
    expect(page.querySelector(".site-search button")?.text).toBe("Suchen");
    const en = parse((await get("/")).body);
    expect(en.querySelector("html")?.getAttribute("lang")).toBe("en");
    expect(en.querySelector(".site-search button")?.text).toBe("Search");
  });

  it("builds every header link of a German page under /de/", async () => {
    const page = parse((await get("/de/")).body);
    const hrefs = page.querySelectorAll("header a").map((a) => a.getAttribute("href") ?? "");
    expect(hrefs.filter((h) => h.startsWith("/"))).not.toHaveLength(0);
    for (const href of hrefs.filter((h) => h.startsWith("/"))) expect(href).toMatch(/^\/de\//);
    expect(page.querySelector("form.site-search")?.getAttribute("action")).toBe("/de/search");
  });

  it("links each page to itself in both languages with hreflang, and names the canonical page in its own language", async () => {
    const path = storyPath(story);
    for (const [url, canonical] of [[path, path], [`/de${path}`, `/de${path}`]] as const) {
      const page = parse((await get(url)).body);
      const alternates = Object.fromEntries(page.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")]));
      expect(alternates).toEqual({ en: `http://escalator.example${path}`, de: `http://escalator.example/de${path}`, "x-default": `http://escalator.example${path}` });
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`http://escalator.example${canonical}`);
    }
  });

  it("sends a first visit whose browser prefers German to the German page, privately and varying on the header", async () => {
    const res = await get("/companies?sort=median", { "accept-language": "de-DE,de;q=0.9,en;q=0.8" });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/de/companies?sort=median");
    expect(res.headers.vary).toBe("Accept-Language, Cookie");
    expect(res.headers["cache-control"]).toMatch(/private/);
    expect(res.headers["cache-control"]).toMatch(/no-store/);
    // An English-preferring browser, and one without a preference, stay; a CDN must still key on the header.
    const english = await get("/companies", { "accept-language": "en-US,en;q=0.9,de;q=0.8" });
    expect(english.statusCode).toBe(200);
    expect(english.headers.vary).toContain("Accept-Language");
    expect((await get("/companies")).statusCode).toBe(200);
    // Feeds, exports and assets are not pages: never redirected.
    expect((await get("/feed.xml", { "accept-language": "de" })).statusCode).toBe(200);
    expect((await get("/companies.json", { "accept-language": "de" })).statusCode).toBe(200);
  });

  it("has a switch on every page that leads to the same page in the other language and keeps the choice", async () => {
    const path = `${storyPath(story)}`;
    const german = parse((await get(path, { "accept-language": "en" })).body);
    const toGerman = german.querySelector(".language-switch a");
    expect(toGerman?.text).toBe("Deutsch");
    expect(toGerman?.getAttribute("lang")).toBe("de");
    const switched = await get(toGerman!.getAttribute("href")!);
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe(`/de${path}`);
    expect(switched.cookies).toContainEqual(expect.objectContaining({ name: "lang", value: "de" }));

    // Back to English from the German page: the cookie keeps a German browser on the English page.
    const onGerman = parse((await get(`/de${path}`)).body);
    const toEnglish = onGerman.querySelector(".language-switch a");
    expect(toEnglish?.text).toBe("English");
    const back = await get(toEnglish!.getAttribute("href")!, { "accept-language": "de" });
    expect(back.headers.location).toBe(path);
    const cookie = back.cookies.find((c) => c.name === "lang");
    expect(cookie?.value).toBe("en");
    const later = await get(path, { "accept-language": "de", cookie: "lang=en" });
    expect(later.statusCode).toBe(200);
    expect(parse(later.body).querySelector("html")?.getAttribute("lang")).toBe("en");
  });

  it("keeps the switch's return address on this site", async () => {
    for (const next of ["https://evil.example/", "//evil.example/x", "/\\evil.example"]) {
      const res = await get(`/language/de?next=${encodeURIComponent(next)}`);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/de/");
    }
    expect((await get("/language/fr?next=/")).statusCode).toBe(404);
  });

  it("keeps a German visitor's redirects German", async () => {
    // A visitor asking for a members' page is sent to log in, in their language.
    const res = await get("/de/stories/new");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/de\/login\?next=/);
  });

  it("answers a missing German page with a German 404", async () => {
    const res = await get("/de/nowhere-at-all");
    expect(res.statusCode).toBe(404);
    const page = parse(res.body);
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("de");
    expect(page.querySelector("h1")?.text).toBe("Seite nicht gefunden");
    expect(page.querySelector(".error-page a")?.getAttribute("href")).toBe("/de/");
    expect(parse((await get("/de/stories/999999/x")).body).querySelector("h1")?.text).toBe("Seite nicht gefunden");
  });

  it("does not serve a kept English thread for /de/, nor the German one for the English address", async () => {
    const path = storyPath(story);
    const first = await get(path);
    const german = await get(`/de${path}`);
    const again = await get(path);
    expect(parse(german.body).querySelector("html")?.getAttribute("lang")).toBe("de");
    expect(parse(again.body).querySelector("html")?.getAttribute("lang")).toBe("en");
    expect(german.headers.etag).not.toBe(first.headers.etag);
    expect(again.headers.etag).toBe(first.headers.etag);
    // An ETag of the English page does not make the German one a 304.
    expect((await get(`/de${path}`, { "if-none-match": String(first.headers.etag) })).statusCode).toBe(200);
  });
});

describe("locale rules", () => {
  it("reads the browser's preference by weight, among the languages the site has", () => {
    expect(preferredLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de");
    expect(preferredLocale("en-US,en;q=0.9,de;q=0.8")).toBe("en");
    expect(preferredLocale("fr-FR,fr;q=0.9,de;q=0.5")).toBe("de");
    expect(preferredLocale("fr,it")).toBeUndefined();
    expect(preferredLocale("de;q=0, en")).toBe("en");
    expect(preferredLocale(undefined)).toBeUndefined();
  });

  it("prefixes and strips /de/ once, leaving look-alike paths alone", () => {
    expect(localisePath("de", "/")).toBe("/de/");
    expect(localisePath("de", "/?sort=hot")).toBe("/de/?sort=hot");
    expect(localisePath("de", "/companies")).toBe("/de/companies");
    expect(localisePath("de", "/de/companies")).toBe("/de/companies");
    expect(localisePath("en", "/companies")).toBe("/companies");
    expect(localisePath("de", "https://example.org/")).toBe("https://example.org/");
    expect(localeOfPath("/de/companies?x=1")).toEqual({ locale: "de", path: "/companies?x=1" });
    expect(localeOfPath("/de")).toEqual({ locale: "de", path: "/" });
    expect(localeOfPath("/design")).toEqual({ locale: "en", path: "/design" });
  });
});
