import { afterAll, describe, expect, it } from "vitest";
import { openBrowser } from "./browser.js";

describe("a poster telling a three-step path with JavaScript off", async () => {
  const session = await openBrowser({ demo: true });
  afterAll(() => session.close());
  const { browser, baseUrl } = session;

  it("adds steps with the form's own buttons, posts, and finds the company's how-to-escalate table changed within 2 s", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // Inside the company page's default window, the last 12 months.
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    // The company page as a reader's browser fetches it: the steps of one route in its how-to-escalate table.
    const routeSteps = async (route: string, path = "/companies/nokia") => {
      const html = await (await context.request.get(baseUrl + path)).text();
      const row = html.match(new RegExp(`<tr data-route="${route}">[\\s\\S]*?</tr>`))?.[0];
      return row ? Number(row.match(/data-value="(\d+)"/)![1]) : 0;
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
    await page.locator("#f-step_0_party").selectOption("other_party");
    await page.locator("#f-step_0_channel").selectOption("in_store");
    await page.locator("#f-step_0_written_to").selectOption("frontline");
    await page.locator("#f-step_0_date").fill(daysAgo(40));
    await page.locator("#f-step_0_result").selectOption("ignored");
    // No script: the button sends the form and the page comes back with a second row, everything kept.
    await page.getByRole("button", { name: "Add a step" }).click();
    await expect(page.locator("#f-step_0_channel").inputValue()).resolves.toBe("in_store");
    await page.locator("#f-step_1_party").selectOption("other_party");
    await page.locator("#f-step_1_channel").selectOption("phone");
    await page.locator("#f-step_1_written_to").selectOption("supervisor");
    await page.locator("#f-step_1_date").fill(daysAgo(33));
    await page.locator("#f-step_1_result").selectOption("ignored");
    await page.getByRole("button", { name: "Add a step" }).click();
    await page.locator("#f-step_2_party").selectOption("company");
    await page.locator("#f-step_2_channel").selectOption("letter");
    await page.locator("#f-step_2_written_to").selectOption("executive_relations");
    await page.locator("#f-step_2_date").fill(daysAgo(30));
    await page.locator("#f-step_2_answered_date").fill(daysAgo(28));
    await page.locator("#f-step_2_answered_time").fill("10:30");
    await page.locator("#f-step_2_answered_by").selectOption("executive_relations");
    await page.locator("#f-step_2_result").selectOption("resolved");
    await page.getByLabel("Outcome").selectOption("resolved");
    await page.getByLabel("Your story").fill("Two visits to the shop got nowhere; a letter to the executive office got a call two days later.");
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
