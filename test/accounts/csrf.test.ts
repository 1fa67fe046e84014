import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { csrfToken, loggedInAs } from "../helpers/html.js";

describe("forms are protected from cross-site requests", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const userCount = async () => (await t.database.db.selectFrom("users").select("id").execute()).length;

  it("refuses a post without a token, changing nothing", async () => {
    const before = await userCount();
    const res = await new Agent(t.app).post("/signup", { username: "no_token", password: "long password", _csrf: "" });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("nothing was changed");
    expect(await userCount()).toBe(before);
  });

  it("refuses a post with a wrong token", async () => {
    const agent = new Agent(t.app);
    await agent.get("/signup"); // has a secret cookie, but sends a forged token
    const res = await agent.post("/signup", { username: "bad_token", password: "long password", _csrf: "forged-token" });
    expect(res.statusCode).toBe(403);
    expect(await t.database.db.selectFrom("users").where("username_key", "=", "bad_token").select("id").executeTakeFirst()).toBeUndefined();
  });

  it("refuses a post from another site's origin even with a valid token", async () => {
    const agent = new Agent(t.app);
    const res = await agent.post("/signup", { username: "foreign", password: "long password" }, { headers: { origin: "https://evil.example" } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("Not allowed");
    expect(await t.database.db.selectFrom("users").where("username_key", "=", "foreign").select("id").executeTakeFirst()).toBeUndefined();
  });

  it("refuses a post with neither Origin nor Referer, and accepts a same-site Referer", async () => {
    const agent = new Agent(t.app);
    const page = await agent.get("/signup");
    const token = csrfToken(page.body)!;
    const send = (headers: Record<string, string>) =>
      t.app.inject({
        method: "POST",
        url: "/signup",
        payload: new URLSearchParams({ username: "referer_user", password: "long password", _csrf: token }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join("; "), host: "localhost:80", ...headers },
      });
    expect((await send({})).statusCode).toBe(403);
    expect((await send({ referer: "https://evil.example/page" })).statusCode).toBe(403);
    expect((await send({ referer: "http://localhost:80/signup" })).statusCode).toBe(303);
  });

  it("refuses log-out from another site, keeping the member logged in", async () => {
    const agent = new Agent(t.app);
    await agent.signUp("stays_in");
    const res = await agent.post("/logout", {}, { formPage: "/", headers: { origin: "https://evil.example" } });
    expect(res.statusCode).toBe(403);
    expect(loggedInAs((await agent.get("/")).body)).toBe("stays_in");
  });
});
