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

describe("a poster adding and removing steps with JavaScript on", async () => {
  const session = await openBrowser({ demo: true });
  afterAll(() => session.close());
  const { browser, baseUrl } = session;

  it("changes the rows in the page without a round trip, and the story posts with the steps as shown", async () => {
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
    await page.locator("#f-step_0_party").selectOption("other_party");
    await page.locator("#f-step_0_channel").selectOption("in_store");
    await page.locator("#f-step_0_written_to").selectOption("frontline");
    await page.locator("#f-step_0_date").fill(daysAgo(40));
    await page.locator("#f-step_0_result").selectOption("ignored");

    await page.getByRole("button", { name: "Add a step" }).click();
    // The new row is empty, for the same party as the one before, and has the focus.
    await expect(page.locator("#f-step_1_date").inputValue()).resolves.toBe("");
    await expect(page.locator("#f-step_1_party").inputValue()).resolves.toBe("other_party");
    await expect(page.evaluate("document.activeElement.id")).resolves.toBe("f-step_1_party");
    await expect(page.locator("#f-step_0_channel").inputValue()).resolves.toBe("in_store");
    await page.locator("#f-step_1_channel").selectOption("phone");
    await page.locator("#f-step_1_written_to").selectOption("supervisor");
    await page.locator("#f-step_1_date").fill(daysAgo(35));
    await page.locator("#f-step_1_result").selectOption("ignored");

    await page.getByRole("button", { name: "Add a step" }).click();
    await page.locator("#f-step_2_party").selectOption("company");
    await page.locator("#f-step_2_channel").selectOption("letter");
    await page.locator("#f-step_2_written_to").selectOption("executive_relations");
    await page.locator("#f-step_2_date").fill(daysAgo(30));
    await page.locator("#f-step_2_answered_date").fill(daysAgo(28));
    await page.locator("#f-step_2_answered_by").selectOption("executive_relations");
    await page.locator("#f-step_2_result").selectOption("resolved");

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
