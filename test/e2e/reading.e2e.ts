import { describe, expect, it } from "vitest";
import { browserForTests } from "./session.js";

describe("a reader in a browser", () => {
  const session = browserForTests();

  it("opens the front page, follows a story and sees its facts and replies", async () => {
    const { page, baseUrl } = session;
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.goto(baseUrl + "/");
    await expect(page.title()).resolves.toContain("Escalator");
    const firstStory = page.locator(".story-list .story-title a").first();
    const title = (await firstStory.textContent())!.trim();
    await firstStory.click();
    await page.waitForURL(/\/stories\/\d+\//);
    await expect(page.locator("h1").textContent()).resolves.toBe(title);
    await expect(page.locator(".facts").isVisible()).resolves.toBe(true);
    await expect(page.locator(".facts dt").allTextContents()).resolves.toEqual(expect.arrayContaining(["Escalated to", "Channel", "Outcome", "Response time"]));

    // A story with replies shows them nested.
    await page.goto(baseUrl + "/");
    const withReplies = page.locator(".story-row", { hasNot: page.locator("text=0 replies") }).first();
    await withReplies.locator(".story-title a").click();
    await page.waitForURL(/\/stories\/\d+\//);
    await expect(page.locator(".thread .reply").first().isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]); // no CSP violations or script errors
  });
});
