// A form the route's schema refuses (a field sent twice, a value over the
// schema's length) comes back as the same form with a message next to the
// field and what was typed still in it, never the bare 400 page, and nothing
// is saved from it.
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";

let t: TestApp;
let member: Agent;

beforeAll(async () => {
  t = await createTestApp();
  member = new Agent(t.app);
  await member.signUp("form_refusals");
});
afterAll(() => t.close());

/** The message shown next to a field, and the value it holds. */
function fieldOf(html: string, id: string) {
  const page = parse(html);
  return { error: page.querySelector(`#${id}-error`)?.textContent ?? null, value: page.querySelector(`#${id}`)?.getAttribute("value") ?? null };
}

describe("a form its schema refuses", () => {
  it("keeps an e-mail address sent twice and says so next to the field", async () => {
    const res = await member.post("/settings/email", { email: ["first@example.com", "second@example.com"] }, { formPage: "/settings" });
    expect(res.statusCode).toBe(422);
    const email = fieldOf(res.body, "f-email");
    expect(email.error).toMatch(/could not be read/);
    expect(email.value).toBe("first@example.com");
  });

  it("says a value over the schema's length is too long, next to the field", async () => {
    const res = await member.post("/forgot-password", { account: "x".repeat(100_001) });
    expect(res.statusCode).toBe(422);
    expect(fieldOf(res.body, "f-account").error).toBe("This is too long: keep it to 100,000 characters.");
  });

  it("saves none of the mail settings from a refused form", async () => {
    expect((await member.post("/settings/mail", { story_replies: "off", nudge: "on" }, { formPage: "/settings" })).statusCode).toBe(303);
    const res = await member.post("/settings/mail", { story_replies: ["immediate", "daily"] }, { formPage: "/settings" });
    expect(res.statusCode).toBe(422);
    expect(parse(res.body).querySelector("#mail .form-errors")?.textContent).toMatch(/could not be read/);
    const settings = parse((await member.get("/settings")).body);
    expect(settings.querySelector('input[name="story_replies"][value="off"]')?.hasAttribute("checked")).toBe(true);
    expect(settings.querySelector('input[name="nudge"]')?.hasAttribute("checked")).toBe(true);
  });

  it("answers a malformed address in a form's URL with 404, not a form error", async () => {
    const res = await member.post("/stories/abc/follow", { follow: "yes" }, { formPage: "/settings" });
    expect(res.statusCode).toBe(404);
    expect(parse(res.body).querySelector("h1")?.textContent).toBe("Page not found");
  });
});
