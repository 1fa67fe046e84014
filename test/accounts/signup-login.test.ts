import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { fieldError, fieldValue, loggedInAs } from "../helpers/html.js";

describe("signing up and logging in", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("signs a visitor up and shows them logged in", async () => {
    const agent = new Agent(t.app);
    const res = await agent.signUp("lumia_fan");
    expect(res.headers.location).toBe("/");
    const home = await agent.get("/");
    expect(loggedInAs(home.body)).toBe("lumia_fan");
    expect(home.body).toContain("Log out");
  });

  it("refuses a username taken in another case, keeping what was typed but the password", async () => {
    await new Agent(t.app).signUp("BestBuyVictim");
    const res = await new Agent(t.app).post("/signup", { username: "bestbuyvictim", email: "me@example.org", password: "another password" });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, "username")).toBe("That username is taken. Try another one.");
    expect(fieldValue(res.body, "username")).toBe("bestbuyvictim");
    expect(fieldValue(res.body, "email")).toBe("me@example.org");
    expect(res.body).not.toContain("another password");
  });

  it("treats a full-width username as its plain form (NFKC) when checking uniqueness", async () => {
    await new Agent(t.app).signUp("elop");
    const res = await new Agent(t.app).post("/signup", { username: "ｅｌｏｐ", password: "a fine password" });
    expect(fieldError(res.body, "username")).toBe("That username is taken. Try another one.");
  });

  it.each([
    ["ab", "A username has 3 to 30 characters."],
    ["a".repeat(31), "A username has 3 to 30 characters."],
    ["no spaces", "Use only letters a–z, digits, _ and - in a username."],
    ["<script>", "Use only letters a–z, digits, _ and - in a username."],
    ["", "Choose a username."],
  ])("says what is wrong with the username %j", async (username, message) => {
    const res = await new Agent(t.app).post("/signup", { username, password: "long enough pass" });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, "username")).toBe(message);
  });

  it.each([
    ["short", "A password needs at least 8 characters."],
    ["x".repeat(257), "A password can have at most 256 characters."],
    ["Password_Owner", "Your password cannot be your username."],
  ])("says what is wrong with the password %j", async (password, message) => {
    const res = await new Agent(t.app).post("/signup", { username: "password_owner", password });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, "password")).toBe(message);
    expect(fieldValue(res.body, "username")).toBe("password_owner");
    expect(await t.database.db.selectFrom("users").where("username_key", "=", "password_owner").select("id").executeTakeFirst()).toBeUndefined();
  });

  it("logs in and out", async () => {
    await new Agent(t.app).signUp("optus_n8");
    const agent = new Agent(t.app);
    const res = await agent.logIn("optus_n8");
    expect(res.statusCode).toBe(303);
    expect(loggedInAs((await agent.get("/")).body)).toBe("optus_n8");
    const out = await agent.post("/logout", {}, { formPage: "/" });
    expect(out.statusCode).toBe(303);
    const home = await agent.get("/");
    expect(home.body).not.toContain("optus_n8");
    expect(home.body).toContain("Log in");
  });

  it("gives the same message for a wrong password and an unknown user, keeping the username", async () => {
    await new Agent(t.app).signUp("evga_customer");
    const wrong = await new Agent(t.app).logIn("evga_customer", "not my password");
    const unknown = await new Agent(t.app).logIn("nobody_here", "not my password");
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain("Wrong username or password.");
      expect(res.body).not.toContain("not my password");
    }
    expect(fieldValue(wrong.body, "username")).toBe("evga_customer");
    expect(fieldValue(unknown.body, "username")).toBe("nobody_here");
  });

  it("returns to the page the visitor came from, but only to a path on this site", async () => {
    await new Agent(t.app).signUp("traveller");
    const back = await new Agent(t.app).post("/login", { username: "traveller", password: "correct horse battery", next: "/stories/1/x?y=1" }, { formPage: "/login" });
    expect(back.headers.location).toBe("/stories/1/x?y=1");
    for (const next of ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
      const res = await new Agent(t.app).post("/login", { username: "traveller", password: "correct horse battery", next }, { formPage: "/login" });
      expect(res.headers.location, next).toBe("/");
    }
    // The log-in page carries the return path into its form.
    const page = await new Agent(t.app).get("/login?next=%2Fsettings");
    expect(page.body).toContain('name="next" value="/settings"');
  });

  it("stores only a hash of the session token", async () => {
    const agent = new Agent(t.app);
    await agent.signUp("hash_check");
    const token = agent.cookies.get("escalator_session")!;
    expect(token).toBeTruthy();
    const rows = await t.database.db.selectFrom("sessions").select("id").execute();
    expect(rows.map((r) => r.id)).not.toContain(token);
    const { createHash } = await import("node:crypto");
    expect(rows.map((r) => r.id)).toContain(createHash("sha256").update(token).digest("hex"));
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, Secure only over HTTPS", async () => {
    const res = await new Agent(t.app).post("/signup", { username: "cookie_check", password: "correct horse battery" }, { formPage: "/signup" });
    const cookie = (res.cookies as { name: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }[]).find((c) => c.name === "escalator_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.secure).toBeFalsy();
  });

  it("treats an expired session as logged out", async () => {
    const agent = new Agent(t.app);
    await agent.signUp("expiring");
    await t.database.db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000) }).execute();
    const home = await agent.get("/");
    expect(home.body).not.toContain("expiring");
    expect(home.body).toContain("Log in");
  });
});
