import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";

describe("rate limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { rateLimits: { signup: 3, login: 5, post: 10 } } });
  });
  afterAll(() => t.close());

  it("answers the 6th rapid failed log-in with a 429 page and Retry-After", async () => {
    await new Agent(t.app).signUp("target_user");
    const agent = new Agent(t.app);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await agent.logIn("target_user", `guess number ${attempt}`)).statusCode).toBe(422);
    }
    const sixth = await agent.logIn("target_user", "guess number 6");
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(0);
    expect(sixth.body).toContain("Slow down");
    // Even the right password waits until the window has passed.
    expect((await agent.logIn("target_user")).statusCode).toBe(429);
  });

  it("limits sign-ups from one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await new Agent(t.app).post("/signup", { username: `bulk_${i}`, password: "long password" }, { formPage: "/signup" });
      statuses.push(res.statusCode);
    }
    // One sign-up already came from this address in the test above.
    expect(statuses).toEqual([303, 303, 429, 429]);
  });
});
