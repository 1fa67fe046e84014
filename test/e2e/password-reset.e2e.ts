// A member who forgot their password, in Chromium: "forgot password" on the
// log-in page → the mail (a real SMTP server) → a new password → logged in.
import type { FastifyInstance } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailConfig } from "../helpers/mail-app.js";
import { linkIn, pathOf, startMailbox, type Mailbox } from "../helpers/mailbox.js";
import { openBrowser, type BrowserSession } from "./browser.js";

describe("a member who forgot their password", () => {
  let mailbox: Mailbox;
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    mailbox = await startMailbox();
    session = await openBrowser({ demo: false, config: mailConfig(mailbox) });
    ({ page, baseUrl } = session);
    app = session.server.app;
  });
  afterAll(async () => {
    await session?.close();
    await mailbox?.close();
  });

  it("asks for a link, follows it from the mail, sets a new password and is logged in", async () => {
    // A member with a confirmed address.
    await page.goto(baseUrl + "/signup");
    await page.getByLabel("Username").fill("forgetful_browser");
    await page.getByLabel("E-mail").fill("forgetful@example.test");
    await page.getByLabel("Password").fill("the old password");
    await page.getByRole("button", { name: "Create account" }).click();
    await app.mail.runOnce();
    await page.goto(baseUrl + pathOf(linkIn(mailbox.last("forgetful@example.test"), "/settings/email/confirm?token=")));
    await expect(page.locator("main").textContent()).resolves.toContain("Your e-mail address is confirmed.");
    await page.getByRole("button", { name: "Log out", exact: true }).click();

    await page.goto(baseUrl + "/login");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.getByLabel("Username or e-mail address").fill("forgetful@example.test");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.locator("[role=status]").textContent()).resolves.toContain("we have sent that address a link");

    await app.mail.runOnce();
    const mail = mailbox.last("forgetful@example.test");
    expect(mail.subject).toBe("Reset your Escalator password");
    await page.goto(baseUrl + pathOf(linkIn(mail, "/reset-password?token=")));
    await page.getByLabel("New password").fill("the new password");
    await page.getByRole("button", { name: "Set new password" }).click();

    await expect(page.locator(".account-links").textContent()).resolves.toContain("forgetful_browser");
    await expect(page.locator("[role=status]").textContent()).resolves.toContain("Your new password is set");

    // And the new password is the one that works from now on.
    await page.getByRole("button", { name: "Log out", exact: true }).click();
    await page.goto(baseUrl + "/login");
    await page.getByLabel("Username").fill("forgetful_browser");
    await page.getByLabel("Password").fill("the new password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.locator(".account-links").textContent()).resolves.toContain("forgetful_browser");
  });
});
