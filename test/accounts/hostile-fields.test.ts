// What an attacker types into the account forms is a field error or a safe
// redirect, never a 500: NUL bytes, control characters, a non-ASCII `next`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { fieldError, loggedInAs } from "../helpers/html.js";

describe("hostile account fields", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await new Agent(t.app).signUp("nul_target");
  });
  afterAll(() => t.close());

  it("answers a NUL byte in the log-in username with a field error", async () => {
    const res = await new Agent(t.app).post("/login", { username: "nul\u0000target", password: "correct horse battery" }, { formPage: "/login" });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, "username")).toBe("A username has only letters a–z, digits, _ and -.");
  });

  it("answers a NUL byte in the sign-up e-mail with a field error", async () => {
    const res = await new Agent(t.app).post("/signup", { username: "nul_mailer", email: "me\u0000@example.org", password: "a fine password" });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, "email")).toBe("That does not look like an e-mail address (name@example.com).");
  });

  it("logs in with a non-ASCII next and lands on its percent-encoded path", async () => {
    const agent = new Agent(t.app);
    const form = await agent.get("/login?next=/%E3%80%80/x");
    expect(form.statusCode).toBe(200);
    const res = await agent.post("/login", { username: "nul_target", password: "correct horse battery", next: "/\u3000/x" }, { formPage: "/login?next=/%E3%80%80/x" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/%E3%80%80/x");
    const home = await agent.get("/");
    expect(loggedInAs(home.body)).toBe("nul_target");
  });

  it.each(["//evil.example/x", "/\\evil.example", "https://evil.example/", "/\t/evil.example"])("never sends a log-in to %j", async (next) => {
    const agent = new Agent(t.app);
    const res = await agent.post("/login", { username: "nul_target", password: "correct horse battery", next }, { formPage: "/login" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/");
  });
});
