// npm run bench:lighthouse — Lighthouse's performance category on every judged page,
// mobile and desktop, in English and German. Performance is a timing: it is measured
// and printed (with the machine's load average) rather than asserted in a test run.
import { loadavg } from "node:os";
import { openBrowser } from "../e2e/browser.js";
import { Agent } from "../helpers/browser-agent.js";
import { performanceAudit, startChrome, type FormFactor } from "./lighthouse.js";
import { judgedPages } from "./pages.js";

const session = await openBrowser({ demo: true });
const chrome = await startChrome();
try {
  const pages = await judgedPages(session.server.database.db);
  const member = new Agent(session.server.app);
  await member.signUp("measured_member");
  const cookie = [...member.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  console.log(`Load average before: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log("| page | mobile | desktop | below 100 on mobile (or Lighthouse's error) |\n| --- | ---: | ---: | --- |");
  for (const page of pages) {
    const url = session.baseUrl + page.path;
    const scores: Partial<Record<FormFactor, number>> = {};
    let failing: string[] = [];
    for (const formFactor of ["mobile", "desktop"] as const) {
      let result = await performanceAudit(chrome.port, url, formFactor, page.member ? cookie : undefined);
      // A run that ended in Lighthouse's own error is run once more; a low score is not.
      if (Number.isNaN(result.score)) result = await performanceAudit(chrome.port, url, formFactor, page.member ? cookie : undefined);
      scores[formFactor] = result.score;
      if (formFactor === "mobile" || Number.isNaN(result.score)) failing = [...failing, ...result.failing];
    }
    const shown = (score: number | undefined) => (score === undefined || Number.isNaN(score) ? "error" : String(Math.round(score * 100)));
    console.log(`| ${page.name} | ${shown(scores.mobile)} | ${shown(scores.desktop)} | ${failing.join("; ")} |`);
  }
  console.log(`Load average after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
} finally {
  await chrome.kill();
  await session.close();
}
