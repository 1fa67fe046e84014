import { describe, expect, it } from "vitest";
import { setRole } from "../../server/accounts/queries.js";
import { browserForTests } from "./session.js";

describe("moderation in a browser", () => {
  const session = browserForTests({ demo: true });

  async function signUp(username: string) {
    const { page, baseUrl } = session;
    await page.goto(baseUrl + "/signup");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill("a browser password");
    await page.getByRole("button", { name: "Create account" }).click();
  }

  it("a member flags a reply, a moderator hides it, and the public log shows the line", async () => {
    const { page, baseUrl, server } = session;
    const story = await server.database.db.selectFrom("stories").select(["id", "slug"]).where("reply_count", ">", 0).orderBy("id").executeTakeFirstOrThrow();
    const path = `/stories/${story.id}/${story.slug}`;
    await signUp("browser_flagger");
    await page.goto(baseUrl + path);
    const firstReply = page.locator(".reply").first();
    const replyId = (await firstReply.getAttribute("id"))!.replace("reply-", "");
    await firstReply.getByRole("link", { name: "flag" }).first().click();
    await page.getByLabel("Spam").check();
    await page.getByLabel("Note for the moderators").fill("Looks like an advert");
    await page.getByRole("button", { name: "Flag it" }).click();
    await expect(page.locator(".notice").textContent()).resolves.toContain("You have flagged this.");
    await page.getByRole("button", { name: "Log out" }).click();

    await signUp("browser_moderator");
    await setRole(server.database.db, "browser_moderator", "moderator");
    await page.goto(baseUrl + "/");
    await page.getByRole("link", { name: "Moderation", exact: true }).click();
    await page.locator(`a[href="/moderation/replies/${replyId}"]`).click();
    await expect(page.locator("body").textContent()).resolves.toContain("Looks like an advert");
    await page.getByLabel("Reason").first().fill("Advertising in a reply");
    await page.getByRole("button", { name: "Hide" }).click();
    await page.getByRole("button", { name: "Log out" }).click();

    await page.goto(baseUrl + path);
    await expect(page.locator(`#reply-${replyId}`).textContent()).resolves.toContain("[hidden by moderators: Advertising in a reply]");
    await page.getByRole("link", { name: "Moderation log" }).click();
    const row = page.locator("table.moderation-log tbody tr").first();
    await expect(row.textContent()).resolves.toMatch(/browser_moderator[\s\S]*hid[\s\S]*Advertising in a reply/);
  });
});
