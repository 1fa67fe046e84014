import { describe, expect, it } from "vitest";
import { browserForTests } from "./session.js";

describe("a reader comparing companies", () => {
  const session = browserForTests();

  it("opens the leaderboard, sorts by median, opens a company and sees its chart", async () => {
    const { page, baseUrl } = session;
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.goto(baseUrl + "/");
    await page.getByRole("link", { name: "Companies", exact: true }).click();
    await page.waitForURL(/\/companies$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Company leaderboard");

    await page.locator("#ranked thead").getByRole("link", { name: "Median response", exact: true }).click();
    await page.waitForURL(/\/companies\?sort=median$/);
    await expect(page.locator("#ranked th[aria-sort]").getAttribute("aria-sort")).resolves.toBe("ascending");
    const medians = (await page.locator("#ranked tbody tr td:nth-child(5)").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-value"))))
      .map((v) => (v ? Number(v) : Infinity));
    expect(medians.length).toBeGreaterThan(1);
    expect(medians).toEqual([...medians].sort((a, b) => a - b));

    const first = page.locator("#ranked tbody tr th a").first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/companies\/[a-z0-9-]+$/);
    await expect(page.locator("h1").textContent()).resolves.toBe(name);
    const chart = page.locator('svg#response-histogram[role="img"]');
    await expect(chart.isVisible()).resolves.toBe(true);
    await expect(chart.locator("title").first().textContent()).resolves.toBe(`Time to first response at ${name}`);
    await expect(page.locator("#histogram-table tbody tr").count()).resolves.toBe(7);
    expect(errors).toEqual([]); // no CSP violations or script errors
  });
});
