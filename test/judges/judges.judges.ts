// The web's judges on every kind of page: axe-core (WCAG 2.2 AA and best practice) in light
// and dark at desktop and phone widths, the Nu HTML checker, and Lighthouse's accessibility,
// best-practices and SEO categories on mobile and desktop. Every score must be perfect.
import axe from "axe-core";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../helpers/browser-agent.js";
import { openBrowser, type BrowserSession } from "../e2e/browser.js";
import { audit, CATEGORIES, startChrome, type FormFactor } from "./lighthouse.js";
import { nuErrors } from "./nu-checker.js";
import { judgedPages, type JudgedPage } from "./pages.js";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const SCHEMES = ["light", "dark"] as const;

function cookiesFor(header: string, baseUrl: string) {
  const domain = new URL(baseUrl).hostname;
  return header.split("; ").map((pair) => {
    const [name, ...value] = pair.split("=");
    return { name: name!, value: value.join("="), domain, path: "/" };
  });
}

describe("the judges", () => {
  let session: BrowserSession;
  let pages: JudgedPage[];
  let memberCookie: string;
  let chrome: Awaited<ReturnType<typeof startChrome>>;

  beforeAll(async () => {
    session = await openBrowser({ demo: true });
    pages = await judgedPages(session.server.database.db);
    const member = new Agent(session.server.app);
    await member.signUp("judged_member");
    memberCookie = [...member.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    chrome = await startChrome();
  });
  afterAll(async () => {
    await chrome?.kill();
    await session?.close();
  });

  async function contextFor(page: JudgedPage, viewport: keyof typeof VIEWPORTS, colorScheme: (typeof SCHEMES)[number]): Promise<BrowserContext> {
    // axe is injected by the test, not the site: the page's CSP rightly refuses it.
    const context = await session.browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme, bypassCSP: true });
    if (page.member) await context.addCookies(cookiesFor(memberCookie, session.baseUrl));
    return context;
  }

  it("axe-core finds no violation on any page, light or dark, desktop or phone", async () => {
    const found: string[] = [];
    for (const judged of pages) {
      for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
        for (const scheme of SCHEMES) {
          const context = await contextFor(judged, viewport, scheme);
          const page = await context.newPage();
          await page.goto(session.baseUrl + judged.path);
          await page.evaluate(axe.source);
          // A string, evaluated in the page: the test's TypeScript has no DOM types.
          const violations = await page.evaluate<string[]>(`axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(AXE_TAGS)} } })
            .then((r) => r.violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")))`);
          for (const v of violations) found.push(`${judged.name} (${viewport}, ${scheme}) ${v}`);
          await context.close();
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("no page scrolls sideways on a 320 px phone (wide tables scroll inside their own region)", async () => {
    const wide: string[] = [];
    for (const judged of pages) {
      const context = await session.browser.newContext({ viewport: { width: 320, height: 640 } });
      if (judged.member) await context.addCookies(cookiesFor(memberCookie, session.baseUrl));
      const page = await context.newPage();
      await page.goto(session.baseUrl + judged.path);
      const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
      if (scrollWidth > clientWidth) wide.push(`${judged.name}: ${scrollWidth} px wide`);
      await context.close();
    }
    expect(wide).toEqual([]);
  });

  it("the Nu HTML checker finds no error on any page", async () => {
    const documents = new Map<string, string>();
    for (const judged of pages) {
      const res = await fetch(session.baseUrl + judged.path, { headers: judged.member ? { cookie: memberCookie } : {} });
      expect(res.status, judged.name).toBe(200);
      documents.set(judged.name, await res.text());
    }
    const errors = await nuErrors(documents);
    expect([...errors].filter(([, list]) => list.length > 0)).toEqual([]);
  });

  for (const formFactor of ["mobile", "desktop"] as FormFactor[]) {
    it(`Lighthouse scores 100 for ${CATEGORIES.join(", ")} on every page (${formFactor})`, async () => {
      const below: string[] = [];
      for (const judged of pages) {
        const result = await audit(chrome.port, session.baseUrl + judged.path, formFactor, judged.member ? memberCookie : undefined);
        for (const category of CATEGORIES) {
          if (result.scores[category] < 1) below.push(`${judged.name}: ${category} ${Math.round(result.scores[category] * 100)}`);
        }
        for (const failing of result.failing) below.push(`${judged.name}: ${failing}`);
      }
      expect(below).toEqual([]);
    });
  }
});
