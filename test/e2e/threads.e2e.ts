import { describe, expect, it } from "vitest";
import { browserForTests } from "./session.js";

describe("a poster in a browser", () => {
  const session = browserForTests({ demo: true });

  it("logs in, posts a story, replies to it, quotes a reply and finds the story by search", async () => {
    const { page, baseUrl } = session;
    await page.goto(baseUrl + "/");
    // A logged-out click on "post" leads to log-in (here: sign-up) and back.
    await page.getByRole("link", { name: "Post a story" }).click();
    await page.locator("main").getByRole("link", { name: "Sign up" }).click();
    await page.getByLabel("Username").fill("browser_poster");
    await page.getByLabel("Password").fill("a browser password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Tell your escalation story");

    await page.getByLabel("Title").fill("Quokkaphone preorder vanished, the CEO's office called back");
    await page.getByLabel("Company you escalated to").fill("Quokka Devices");
    await page.getByLabel("Other party").fill("Best Buy");
    await page.getByLabel("Product").fill("Quokkaphone 2");
    await page.getByLabel("Country").selectOption("GB");
    // The path's first (and only) step.
    await page.locator("#f-step_0_channel").selectOption("email");
    await page.locator("#f-step_0_written_to").selectOption("ceo");
    await page.locator("#f-step_0_date").fill("2025-06-02");
    await page.getByLabel("Outcome").selectOption("pending");
    await page.getByLabel("Your story", { exact: true }).fill("The retailer dropped my **preorder** twice, so I wrote to the chief executive.");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.locator(".preview .prose strong").textContent()).resolves.toBe("preorder");
    await page.getByRole("button", { name: "Post story" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Quokkaphone preorder vanished, the CEO's office called back");

    await page.getByLabel("Your reply", { exact: true }).fill("The chief executive's office promised a call within a day.");
    await page.getByRole("button", { name: "Post reply" }).click();
    await expect(page.locator(".reply .prose").first().textContent()).resolves.toContain("promised a call");

    await page.getByRole("link", { name: "quote" }).first().click();
    await expect(page.getByLabel("Your reply", { exact: true }).inputValue()).resolves.toContain("> **browser_poster** wrote:");
    await page.getByLabel("Your reply", { exact: true }).press("End");
    await page.getByLabel("Your reply", { exact: true }).pressSequentially("\nAnd they did call, the next morning.");
    await page.getByRole("button", { name: "Post reply" }).click();
    await expect(page.locator(".reply .reply blockquote").first().textContent()).resolves.toContain("browser_poster wrote:");

    await page.getByLabel("Search stories").fill("quokkaphone");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("link", { name: /Quokkaphone preorder vanished/ }).count()).resolves.toBeGreaterThan(0);
  });
});
