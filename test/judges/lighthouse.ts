// Lighthouse's accessibility, best-practices and SEO categories, offline, with Debian's Chromium;
// and its performance category, which performance-report.ts measures outside the tests.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { CHROMIUM } from "../e2e/browser.js";

export const CATEGORIES = ["accessibility", "best-practices", "seo"] as const;
export type FormFactor = "mobile" | "desktop";

export interface LighthouseResult {
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Titles of the audits that did not pass, for the failure message. */
  failing: string[];
}

export async function startChrome() {
  return chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export async function audit(port: number, url: string, formFactor: FormFactor, cookie?: string): Promise<LighthouseResult> {
  const flags = { port, onlyCategories: [...CATEGORIES], logLevel: "error" as const, output: "json" as const, extraHeaders: cookie ? { Cookie: cookie } : undefined };
  const result = await lighthouse(url, flags, formFactor === "desktop" ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, categories[c]?.score ?? 0])) as LighthouseResult["scores"];
  const failing = CATEGORIES.flatMap((c) => (categories[c]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 1)
    .map((a) => `${c}: ${a!.id} (${a!.title})`));
  return { scores, failing };
}

/** The performance category's score and the weighted metrics below a full score (simulated throttling on mobile, as Lighthouse does). */
export async function performanceAudit(port: number, url: string, formFactor: FormFactor, cookie?: string): Promise<{ score: number; failing: string[] }> {
  const flags = { port, onlyCategories: ["performance"], logLevel: "error" as const, output: "json" as const, extraHeaders: cookie ? { Cookie: cookie } : undefined };
  const result = await lighthouse(url, flags, formFactor === "desktop" ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  // A run Lighthouse could not finish (its first, while Chromium warms up, sometimes) has no score, only this.
  if (runtimeError) return { score: Number.NaN, failing: [`${runtimeError.code}: ${runtimeError.message}`] };
  const failing = (categories.performance?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 1)
    .map((a) => `${a!.id} ${a!.displayValue ?? ""}`.trim());
  return { score: categories.performance?.score ?? 0, failing };
}
