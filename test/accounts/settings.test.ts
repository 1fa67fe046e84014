import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { attr, fieldError, find, findAll, loggedInAs, textOf } from "../helpers/html.js";

describe("settings", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("records when a session was last used, at most every five minutes", async () => {
    const member = new Agent(t.app);
    await member.signUp("seen_lately");
    const user = await t.database.db.selectFrom("users").select("id").where("username", "=", "seen_lately").executeTakeFirstOrThrow();
    const lastSeen = async () => (await t.database.db.selectFrom("sessions").select("last_seen_at").where("user_id", "=", user.id).executeTakeFirstOrThrow()).last_seen_at.getTime();
    const setLastSeen = (minutesAgo: number) => t.database.db.updateTable("sessions").set({ last_seen_at: new Date(Date.now() - minutesAgo * 60_000) }).where("user_id", "=", user.id).execute();

    await setLastSeen(3);
    const recent = await lastSeen();
    await member.get("/");
    expect(await lastSeen()).toBe(recent);

    await setLastSeen(6);
    await member.get("/");
    expect(await lastSeen()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("sends a logged-out visitor to log in and back", async () => {
    const res = await new Agent(t.app).get("/settings");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/login?next=%2Fsettings");
  });

  it("lists the member's sessions with their browser, and marks this one", async () => {
    const laptop = new Agent(t.app, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/140.0");
    await laptop.signUp("two_devices");
    const phone = new Agent(t.app, "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/140.0 Mobile Safari/537.36");
    await phone.logIn("two_devices");
    const page = await laptop.get("/settings");
    expect(page.statusCode).toBe(200);
    const thisBrowser = findAll(page.body, "td").find((td) => textOf(td) === "Firefox on Windows (this browser)");
    expect(textOf(find(thisBrowser!, "strong"))).toBe("(this browser)");
    expect(page.body).toContain("Chrome on Android");
  });

  it("changes the password, logging out every other session but not this one", async () => {
    const here = new Agent(t.app);
    await here.signUp("changer", "first password");
    const elsewhere = new Agent(t.app);
    await elsewhere.logIn("changer", "first password");

    const res = await here.post("/settings/password", { current: "first password", password: "second password" }, { formPage: "/settings" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/settings?done=password");
    expect((await here.get(res.headers.location!)).body).toContain("Your password was changed");
    expect((await elsewhere.get("/")).body).not.toContain("changer");
    expect((await new Agent(t.app).logIn("changer", "first password")).statusCode).toBe(422);
    expect((await new Agent(t.app).logIn("changer", "second password")).statusCode).toBe(303);
  });

  it("refuses a password change without the right current password, saying why", async () => {
    const agent = new Agent(t.app);
    await agent.signUp("careful", "my password 1");
    const res = await agent.post("/settings/password", { current: "wrong one", password: "new password 2" }, { formPage: "/settings" });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, "current")).toBe("That is not your current password.");
    expect(res.body).not.toContain("new password 2");
    expect((await new Agent(t.app).logIn("careful", "my password 1")).statusCode).toBe(303);
  });

  it("ends another browser's session from the list, logging that browser out", async () => {
    const here = new Agent(t.app);
    await here.signUp("ender");
    const other = new Agent(t.app, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1");
    await other.logIn("ender");
    const page = await here.get("/settings");
    const iphoneRow = findAll(page.body, "tr").find((row) => textOf(row).includes("Safari on iOS"))!;
    const sessionId = attr(iphoneRow, 'input[name="session"]', "value")!;
    const res = await here.post("/settings/sessions/end", { session: sessionId }, { formPage: "/settings" });
    expect(res.statusCode).toBe(303);
    expect((await other.get("/")).body).not.toContain("ender");
    expect(loggedInAs((await here.get("/")).body)).toBe("ender");
  });
});
