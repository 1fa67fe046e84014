import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { attr } from "../helpers/html.js";
import { browserForTests } from "./session.js";

/** What the poster picks and types in one step's row of the story form. */
interface StepRow {
  party?: "company" | "other_party";
  channel: string;
  writtenTo: string;
  date: string;
  result?: string;
  answeredDate?: string;
  answeredTime?: string;
  answeredBy?: string;
}

async function fillStep(page: Page, i: number, step: StepRow) {
  const field = (name: string) => page.locator(`#f-step_${i}_${name}`);
  if (step.party) await field("party").selectOption(step.party);
  await field("channel").selectOption(step.channel);
  await field("written_to").selectOption(step.writtenTo);
  await field("date").fill(step.date);
  if (step.answeredDate) await field("answered_date").fill(step.answeredDate);
  if (step.answeredTime) await field("answered_time").fill(step.answeredTime);
  if (step.answeredBy) await field("answered_by").selectOption(step.answeredBy);
  if (step.result) await field("result").selectOption(step.result);
}

describe("a poster telling a three-step path with JavaScript off", () => {
  const session = browserForTests({ demo: true });

  it("adds steps with the form's own buttons, posts, and finds the company's how-to-escalate table changed within 2 s", async () => {
    const { browser, baseUrl } = session;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // Inside the company page's default window, the last 12 months.
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    // The company page as a reader's browser fetches it: the steps of one route in its how-to-escalate table.
    const routeSteps = async (route: string, path = "/companies/nokia") => {
      const html = await (await context.request.get(baseUrl + path)).text();
      // The row's first figure is its number of steps.
      return Number(attr(html, `#how-to-escalate tr[data-route="${route}"] td[data-value]`, "data-value") ?? 0);
    };
    const before = await routeSteps("letter:executive_relations");
    const beforeEverywhere = await routeSteps("letter:executive_relations", "/companies/how");

    await page.goto(baseUrl + "/signup");
    await page.getByLabel("Username").fill("path_walker");
    await page.getByLabel("Password").fill("a browser password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.goto(baseUrl + "/stories/new");
    await page.getByLabel("Title").fill("The shop ignored me twice; a letter to Nokia's executive office did it");
    await page.getByLabel("Company you escalated to").fill("Nokia");
    await page.getByLabel("Other party").fill("Best Buy");
    await page.getByLabel("Country").selectOption("US");
    await fillStep(page, 0, { party: "other_party", channel: "in_store", writtenTo: "frontline", date: daysAgo(40), result: "ignored" });
    // No script: the button sends the form and the page comes back with a second row, everything kept.
    await page.getByRole("button", { name: "Add a step" }).click();
    await expect(page.locator("#f-step_0_channel").inputValue()).resolves.toBe("in_store");
    await fillStep(page, 1, { party: "other_party", channel: "phone", writtenTo: "supervisor", date: daysAgo(33), result: "ignored" });
    await page.getByRole("button", { name: "Add a step" }).click();
    await fillStep(page, 2, { party: "company", channel: "letter", writtenTo: "executive_relations", date: daysAgo(30), answeredDate: daysAgo(28), answeredTime: "10:30", answeredBy: "executive_relations", result: "resolved" });
    await page.getByLabel("Outcome").selectOption("resolved");
    await page.getByLabel("Your story", { exact: true }).fill("Two visits to the shop got nowhere; a letter to the executive office got a call two days later.");
    await page.getByRole("button", { name: "Post story" }).click();
    await page.waitForURL(/\/stories\/\d+\//);
    await expect(page.locator("ol.path li.path-step").count()).resolves.toBe(3);

    await expect.poll(() => routeSteps("letter:executive_relations"), { timeout: 2000, interval: 100 }).toBe(before + 1);
    // And in the same table across every organisation.
    await expect.poll(() => routeSteps("letter:executive_relations", "/companies/how"), { timeout: 2000, interval: 100 }).toBe(beforeEverywhere + 1);
    await page.goto(baseUrl + "/companies/nokia");
    await expect(page.locator('#how-to-escalate tr[data-route="letter:executive_relations"] td:nth-child(3)').getAttribute("data-value")).resolves.toBe(String(before + 1));
    await context.close();
  });
});

describe("a poster adding and removing steps with JavaScript on", () => {
  const session = browserForTests({ demo: true });

  it("changes the rows in the page without a round trip, and the story posts with the steps as shown", async () => {
    const { browser, baseUrl } = session;
    const context = await browser.newContext();
    const page = await context.newPage();
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    await page.goto(baseUrl + "/signup");
    await page.getByLabel("Username").fill("script_walker");
    await page.getByLabel("Password").fill("a browser password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.goto(baseUrl + "/stories/new");
    // Every page the tab loads from here on; the rows must change without one.
    const loads: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) loads.push(frame.url());
    });
    await page.getByLabel("Title").fill("The shop and its hotline ignored me; a letter to Nokia did it");
    await page.getByLabel("Company you escalated to").fill("Nokia");
    await page.getByLabel("Other party").fill("Best Buy");
    await page.getByLabel("Country").selectOption("US");
    await fillStep(page, 0, { party: "other_party", channel: "in_store", writtenTo: "frontline", date: daysAgo(40), result: "ignored" });

    await page.getByRole("button", { name: "Add a step" }).click();
    // The new row is empty, for the same party as the one before, and has the focus.
    await expect(page.locator("#f-step_1_date").inputValue()).resolves.toBe("");
    await expect(page.locator("#f-step_1_party").inputValue()).resolves.toBe("other_party");
    await expect(page.evaluate("document.activeElement.id")).resolves.toBe("f-step_1_party");
    await expect(page.locator("#f-step_0_channel").inputValue()).resolves.toBe("in_store");
    await fillStep(page, 1, { channel: "phone", writtenTo: "supervisor", date: daysAgo(35), result: "ignored" });

    await page.getByRole("button", { name: "Add a step" }).click();
    await fillStep(page, 2, { party: "company", channel: "letter", writtenTo: "executive_relations", date: daysAgo(30), answeredDate: daysAgo(28), answeredBy: "executive_relations", result: "resolved" });

    // Second thoughts about the hotline: its row goes, and the letter becomes step 2.
    await page.getByRole("button", { name: "Remove step 2" }).click();
    await expect(page.locator("li.step").count()).resolves.toBe(2);
    await expect(page.locator("#f-step_1_channel").inputValue()).resolves.toBe("letter");
    await expect(page.locator("#f-step_1_answered_date").inputValue()).resolves.toBe(daysAgo(28));
    await expect(page.locator("#step-2 > fieldset > legend").textContent()).resolves.toBe("Step 2");
    await expect(page.locator("select[name$=\"_channel\"]").count()).resolves.toBe(2);
    await expect(page.getByRole("button", { name: "Remove step 3" }).count()).resolves.toBe(0);
    expect(loads).toEqual([]);

    await page.getByLabel("Outcome").selectOption("resolved");
    await page.getByLabel("Your story", { exact: true }).fill("The shop got nowhere; a letter to the executive office got a call two days later.");
    await page.getByRole("button", { name: "Post story" }).click();
    await page.waitForURL(/\/stories\/\d+\//);
    const steps = page.locator("ol.path li.path-step .step-what strong");
    await expect(steps.allTextContents()).resolves.toEqual(["In store", "Letter"]);
    await context.close();
  });
});
