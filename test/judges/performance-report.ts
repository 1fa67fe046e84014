// npm run bench:lighthouse — Lighthouse's performance category on every judged page,
// mobile and desktop, in English and German, as the median of LIGHTHOUSE_RUNS runs (3).
// Performance is a timing: it is measured and printed (with the machine's load average)
// rather than asserted in a test run.
import { loadavg } from "node:os";
import { openBrowser } from "../e2e/browser.js";
import { Agent } from "../helpers/browser-agent.js";
import { performanceAudit, startChrome, type FormFactor } from "./lighthouse.js";
import { judgedPages } from "./pages.js";

/** Runs per page and form factor; the median is printed. */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

const session = await openBrowser({ demo: true });
const chrome = await startChrome();
try {
  const pages = await judgedPages(session.server.database.db);
  const member = new Agent(session.server.app);
  await member.signUp("measured_member");
  const cookie = [...member.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  // One unmeasured audit first: the first run of a fresh Chromium and app is the slowest.
  await performanceAudit(chrome.port, session.baseUrl + pages[0]!.path, "mobile");
  console.log(`Load average before: ${loadavg().map((l) => l.toFixed(2)).join(" ")}; the median of ${RUNS} runs each`);
  console.log("| page | mobile | desktop | below 100 on mobile (or Lighthouse's error) |\n| --- | ---: | ---: | --- |");
  for (const page of pages) {
    const url = session.baseUrl + page.path;
    const scores: Partial<Record<FormFactor, number>> = {};
    let failing: string[] = [];
    for (const formFactor of ["mobile", "desktop"] as const) {
      // Lighthouse's own advice for a score that varies between runs: the median of several.
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        let result = await performanceAudit(chrome.port, url, formFactor, page.member ? cookie : undefined);
        // A run that ended in Lighthouse's own error is run once more; a low score is not.
        if (Number.isNaN(result.score)) result = await performanceAudit(chrome.port, url, formFactor, page.member ? cookie : undefined);
        runs.push(result);
      }
      runs.sort((a, b) => (Number.isNaN(a.score) ? -1 : a.score) - (Number.isNaN(b.score) ? -1 : b.score));
      const median = runs[Math.floor(runs.length / 2)]!;
      scores[formFactor] = median.score;
      if (formFactor === "mobile" || Number.isNaN(median.score)) failing = [...failing, ...median.failing];
    }
    const shown = (score: number | undefined) => (score === undefined || Number.isNaN(score) ? "error" : String(Math.round(score * 100)));
    console.log(`| ${page.name} | ${shown(scores.mobile)} | ${shown(scores.desktop)} | ${failing.join("; ")} |`);
  }
  console.log(`Load average after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
} finally {
  await chrome.kill();
  await session.close();
}
