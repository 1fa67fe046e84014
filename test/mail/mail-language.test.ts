// Mail in the member's language: the pages they signed up in, or last changed
// their settings in. A real SMTP server in the test process receives it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../helpers/browser-agent.js";
import { createMailApp } from "../helpers/mail-app.js";
import { linkIn, pathOf, rawHeader } from "../helpers/mailbox.js";

describe("mail in the member's language", () => {
  let t: Awaited<ReturnType<typeof createMailApp>>;
  beforeAll(async () => {
    t = await createMailApp();
  });
  afterAll(async () => t?.close());

  async function signUp(path: string, username: string, email: string) {
    const agent = new Agent(t.app);
    const res = await agent.post(`${path}signup`, { username, password: "correct horse battery", email }, { formPage: `${path}signup` });
    expect(res.statusCode).toBe(303);
    await t.app.mail.runOnce();
    return agent;
  }

  it("a member who signed up on the German pages gets German mail with German links, an English one English", async () => {
    const lena = await signUp("/de/", "lena_koeln", "lena@example.test");
    const confirm = t.mailbox.last("lena@example.test");
    expect(confirm.subject).toBe("Bestätigen Sie Ihre E-Mail-Adresse für Escalator");
    expect(confirm.text).toContain("Diese Adresse bestätigen");
    expect(confirm.text).toContain("Ihre Mail-Einstellungen: http://localhost:80/de/settings#mail");
    expect(confirm.html).toContain('<html lang="de">');
    expect(rawHeader(confirm, "Content-Language")).toBe("de");
    const confirmed = await lena.get(pathOf(linkIn(confirm, "/de/settings/email/confirm?token=")));
    expect(confirmed.statusCode).toBe(303);

    await signUp("/", "sam_ohio", "sam@example.test");
    const english = t.mailbox.last("sam@example.test");
    expect(english.subject).toBe("Confirm your e-mail address for Escalator");
    expect(rawHeader(english, "Content-Language")).toBe("en");

    const reset = await new Agent(t.app).post("/forgot-password", { account: "lena_koeln" }, { formPage: "/forgot-password" });
    expect(reset.statusCode).toBeLessThan(400);
    await t.app.mail.runOnce();
    const resetMail = t.mailbox.last("lena@example.test");
    expect(resetMail.subject).toBe("Ihr Escalator-Passwort zurücksetzen");
    expect(resetMail.text).toContain("Ein neues Passwort wählen\nhttp://localhost:80/de/reset-password?token=");
    expect(resetMail.text!.replace(/https?:\/\/\S+/g, "")).not.toMatch(/\b(the|your|password|works|ignore|mail settings)\b/i);
  });

  it("follows the language of the pages a member last changed settings in", async () => {
    const agent = await signUp("/", "kai_berlin", "kai@example.test");
    await agent.get(pathOf(linkIn(t.mailbox.last("kai@example.test"), "/settings/email/confirm?token=")));
    const saved = await agent.post("/de/settings/email", { email: "kai.neu@example.test" }, { formPage: "/de/settings" });
    expect(saved.statusCode).toBe(303);
    await t.app.mail.runOnce();
    expect(t.mailbox.last("kai.neu@example.test").subject).toBe("Bestätigen Sie Ihre E-Mail-Adresse für Escalator");
  });
});
