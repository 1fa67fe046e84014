import { describe, expect, it } from "vitest";
import { browserForTests } from "./session.js";

describe("a member in a browser", () => {
  const session = browserForTests({ demo: false });

  it("signs up, logs out, logs in and sees their name in the header", async () => {
    const { page, baseUrl } = session;
    await page.goto(baseUrl + "/");
    await page.getByRole("link", { name: "Sign up" }).click();
    await page.getByLabel("Username").fill("browser_member");
    await page.getByLabel("Password").fill("a browser password");
    await page.getByRole("button", { name: "Create account" }).click();
    // A real form post from Chromium passes the Origin check (Referrer-Policy: same-origin).
    await expect(page.locator(".account-links").textContent()).resolves.toContain("browser_member");

    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page.locator(".account-links").textContent()).resolves.toContain("Log in");

    await page.getByRole("link", { name: "Log in" }).click();
    await page.getByLabel("Username").fill("browser_member");
    await page.getByLabel("Password").fill("a browser password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.locator(".account-links").textContent()).resolves.toContain("browser_member");
  });
});
