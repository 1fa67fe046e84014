// Adding or changing the address sends a confirmation link; only a confirmed
// address gets mail, and until the new one is confirmed the old one does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailApp } from "../helpers/mail-app.js";
import { Agent } from "../helpers/browser-agent.js";
import { memberWithMail } from "../helpers/mail-members.js";
import { linkIn, pathOf } from "../helpers/mailbox.js";

describe("confirming an e-mail address", () => {
  let t: Awaited<ReturnType<typeof createMailApp>>;
  beforeAll(async () => {
    t = await createMailApp();
  });
  afterAll(() => t.close());
  const emailOf = async (username: string) =>
    t.database.db.selectFrom("users").select(["email", "email_verified_at"]).where("username_key", "=", username.toLowerCase()).executeTakeFirstOrThrow();

  it("confirms the address given at sign-up through the mailed link, in any browser", async () => {
    const agent = new Agent(t.app);
    expect((await agent.post("/signup", { username: "New_Member", password: "correct horse battery", email: "new@example.test" }, { formPage: "/signup" })).statusCode).toBe(303);
    expect((await emailOf("New_Member")).email_verified_at).toBeNull();
    expect((await agent.get("/settings")).body).toContain("once you confirm it");
    await t.app.mail.runOnce();
    const mail = t.mailbox.last("new@example.test");
    expect(mail.subject).toBe("Confirm your e-mail address for Escalator");
    // Opened on another device, logged out.
    const page = await new Agent(t.app).get(pathOf(linkIn(mail, "/settings/email/confirm?token=")));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("is confirmed");
    expect((await emailOf("New_Member")).email_verified_at).not.toBeNull();
    expect((await agent.get("/settings")).body).toContain("(confirmed)");
    // Used once.
    expect((await new Agent(t.app).get(pathOf(linkIn(mail, "/settings/email/confirm?token=")))).statusCode).toBe(410);
  });

  it("keeps the old address until the new one is confirmed", async () => {
    const agent = await memberWithMail(t.app, t.mailbox, "Moving_Member", "old@example.test");
    const bad = await agent.post("/settings/email", { email: "not an address" }, { formPage: "/settings" });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("does not look like an e-mail address");
    expect(bad.body).toContain('value="not an address"');

    expect((await agent.post("/settings/email", { email: "new-home@example.test" }, { formPage: "/settings" })).headers.location).toBe("/settings?done=email");
    expect((await agent.get("/settings")).body).toContain("Waiting for you to confirm <strong>new-home@example.test</strong>");
    expect(await emailOf("Moving_Member")).toMatchObject({ email: "old@example.test" });
    await t.app.mail.runOnce();
    const link = pathOf(linkIn(t.mailbox.last("new-home@example.test"), "/settings/email/confirm?token="));
    const confirmed = await agent.get(link);
    expect(confirmed.headers.location).toBe("/settings?done=confirmed");
    expect(await emailOf("Moving_Member")).toMatchObject({ email: "new-home@example.test" });
  });

  it("refuses a made-up confirmation token", async () => {
    expect((await new Agent(t.app).get("/settings/email/confirm?token=abc")).statusCode).toBe(410);
    expect((await new Agent(t.app).get(`/settings/email/confirm?token=${"A".repeat(43)}`)).statusCode).toBe(410);
  });
});
