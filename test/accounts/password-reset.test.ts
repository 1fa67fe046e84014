// Forgetting a password: the link arrives by mail (a real SMTP server), works
// once within the hour, logs out every other browser, and the request never
// tells a stranger whether an account exists.
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESET_VALID_MINUTES } from "../../server/accounts/password-reset.js";
import { hashToken } from "../../server/accounts/tokens.js";
import type { DB } from "../../server/db/schema.js";
import { messages } from "../../server/i18n/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { find, textOf } from "../helpers/html.js";
import { memberWithMail, PASSWORD } from "../helpers/mail-members.js";
import { linkIn, pathOf, startMailbox, type Mailbox } from "../helpers/mailbox.js";

/** The one answer to every request, whether or not an account matched. */
const RESET_REQUESTED = messages("en").accounts.forgot.sent(String(RESET_VALID_MINUTES));

/** The status notice a page shows, as read. */
const notice = (html: string) => textOf(find(html, 'p.notice[role="status"]'));

describe("password reset", () => {
  let mailbox: Mailbox;
  let t: TestApp;
  let app: FastifyInstance;
  let db: Kysely<DB>;
  beforeAll(async () => {
    mailbox = await startMailbox();
    t = await createTestApp({ config: { mail: { smtpUrl: mailbox.url, from: "Escalator <escalator@example.test>", publicUrl: "http://localhost:80", pollMs: 0 } } });
    app = t.app;
    db = t.database.db;
  });
  afterAll(async () => {
    await t?.close();
    await mailbox?.close();
  });

  const forgot = async (account: string, agent = new Agent(app)) => {
    const res = await agent.post("/forgot-password", { account }, { formPage: "/forgot-password" });
    await app.mail.runOnce();
    return res;
  };

  it("links “forgot password” from the log-in page", async () => {
    const page = await new Agent(app).get("/login");
    expect(page.body).toContain('href="/forgot-password"');
    expect((await new Agent(app).get("/forgot-password")).statusCode).toBe(200);
  });

  it("mails a link that sets a new password, logs in, and ends every other session", async () => {
    const laptop = await memberWithMail(app, mailbox, "Forgetful_Fran");
    const phone = new Agent(app);
    expect((await phone.logIn("Forgetful_Fran")).statusCode).toBe(303);
    expect((await phone.get("/settings")).statusCode).toBe(200);

    const stranger = new Agent(app);
    const answer = await forgot("forgetful_fran", stranger);
    expect(answer.statusCode).toBe(200);
    expect(notice(answer.body)).toBe(RESET_REQUESTED);
    const mail = mailbox.last("forgetful_fran@example.test");
    expect(mail.subject).toBe("Reset your Escalator password");
    expect(mail.html).toContain("/reset-password?token=");
    const link = pathOf(linkIn(mail, "/reset-password?token="));

    const form = await stranger.get(link);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Forgetful_Fran");
    const tooShort = await stranger.post("/reset-password", { token: new URL(link, "http://x").searchParams.get("token")!, password: "short" }, { formPage: link });
    expect(tooShort.statusCode).toBe(422);
    expect(tooShort.body).toContain("at least 8 characters");

    const done = await stranger.post("/reset-password", { token: new URL(link, "http://x").searchParams.get("token")!, password: "a brand new secret" }, { formPage: link });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/settings?done=reset");
    const settings = await stranger.get(done.headers.location!);
    expect(settings.statusCode).toBe(200);
    expect(settings.body).toContain("Your new password is set");

    // Every browser logged in before is logged out.
    expect((await laptop.get("/settings")).statusCode).toBe(303);
    expect((await phone.get("/settings")).statusCode).toBe(303);
    expect((await new Agent(app).logIn("Forgetful_Fran", PASSWORD)).statusCode).toBe(422);
    expect((await new Agent(app).logIn("Forgetful_Fran", "a brand new secret")).statusCode).toBe(303);

    // The link worked once.
    const again = await new Agent(app).get(link);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain("expired or was used already");
    const reuse = await new Agent(app).post("/reset-password", { token: new URL(link, "http://x").searchParams.get("token")!, password: "yet another secret" }, { formPage: "/forgot-password" });
    expect(reuse.statusCode).toBe(410);
    expect((await new Agent(app).logIn("Forgetful_Fran", "yet another secret")).statusCode).toBe(422);
  });

  it("answers known and unknown accounts with the same words, and mails only the known one", async () => {
    await memberWithMail(app, mailbox, "Known_Member", "known@example.test");
    mailbox.clear();
    const known = await forgot("known@example.test");
    const unknown = await forgot("nobody-by-this-name@example.test");
    const unknownName = await forgot("no_such_member");
    expect(notice(known.body)).toBe(RESET_REQUESTED);
    expect(notice(unknown.body)).toBe(notice(known.body));
    expect(notice(unknownName.body)).toBe(notice(known.body));
    expect([known.statusCode, unknown.statusCode, unknownName.statusCode]).toEqual([200, 200, 200]);
    expect(mailbox.received.map((m) => m.subject)).toEqual(["Reset your Escalator password"]);
    expect(mailbox.to("known@example.test")).toHaveLength(1);
  });

  it("refuses a link after its hour", async () => {
    await memberWithMail(app, mailbox, "Slow_Reader", "slow@example.test");
    await forgot("Slow_Reader");
    const link = pathOf(linkIn(mailbox.last("slow@example.test"), "/reset-password?token="));
    const token = new URL(link, "http://x").searchParams.get("token")!;
    // An hour and a minute later.
    await db.updateTable("password_resets").set({ expires_at: new Date(Date.now() - 60_000) }).where("token_hash", "=", hashToken(token)).execute();
    expect((await new Agent(app).get(link)).statusCode).toBe(410);
    const res = await new Agent(app).post("/reset-password", { token, password: "too late a secret" }, { formPage: "/forgot-password" });
    expect(res.statusCode).toBe(410);
    expect((await new Agent(app).logIn("Slow_Reader", PASSWORD)).statusCode).toBe(303);
  });

  it("stores only the token's hash", async () => {
    await forgot("Slow_Reader");
    const token = new URL(linkIn(mailbox.last("slow@example.test"), "/reset-password?token=")).searchParams.get("token")!;
    const rows = await db.selectFrom("password_resets").select("token_hash").execute();
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(token));
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it("sends no mail to an address that was never confirmed", async () => {
    const agent = new Agent(app);
    expect((await agent.post("/signup", { username: "Unconfirmed_Una", password: PASSWORD, email: "una@example.test" }, { formPage: "/signup" })).statusCode).toBe(303);
    await app.mail.runOnce();
    expect(mailbox.to("una@example.test").map((m) => m.subject)).toEqual(["Confirm your e-mail address for Escalator"]);
    await forgot("Unconfirmed_Una");
    expect(mailbox.to("una@example.test")).toHaveLength(1);
  });
});

describe("password reset requests are rate-limited", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { resetRateLimit: 2, mail: { smtpUrl: undefined, from: "x@example.test", publicUrl: "http://localhost:80", pollMs: 0 } } });
  });
  afterAll(() => t.close());

  it("refuses the third request in a minute with the 429 page", async () => {
    const agent = new Agent(t.app);
    const statuses = [];
    for (const account of ["a_member", "b_member", "c_member"]) statuses.push((await agent.post("/forgot-password", { account }, { formPage: "/forgot-password" })).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
