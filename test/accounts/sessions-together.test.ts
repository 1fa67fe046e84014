// Member requests that arrive together have their sessions read in one
// statement (accounts/session.ts): each must still be answered as its own
// member, an ended or unknown session as a visitor, and nothing may be kept
// between reads, so a log-out on one instance ends the session on every other.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../server/accounts/session.js";
import { createTestApp, secondInstance, type TestApp } from "../helpers/app.js";
import { Agent, signedUp } from "../helpers/browser-agent.js";
import { loggedInAs } from "../helpers/html.js";

const sessionCleared = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.some((c) => c.name === SESSION_COOKIE && c.value === "");

describe("sessions read together", () => {
  let t: TestApp;
  let other: FastifyInstance;
  let members: Agent[];
  beforeAll(async () => {
    t = await createTestApp();
    other = await secondInstance(t);
    members = [];
    for (const name of ["kept_ana", "kept_ben", "kept_cem", "kept_dora", "kept_eli", "kept_fay"]) members.push(await signedUp(t.app, name));
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it("answers each of many requests arriving at once as its own member, an ended or unknown session as a visitor", async () => {
    const leaving = await signedUp(t.app, "kept_gus");
    const oldBrowser = new Agent(t.app);
    for (const [name, value] of leaving.cookies) oldBrowser.cookies.set(name, value);
    expect((await leaving.post("/logout", {}, { formPage: "/" })).statusCode).toBe(303);
    const stranger = new Agent(t.app);
    stranger.cookies.set(SESSION_COOKIE, "a".repeat(40));

    const [first, again, ended, unknown, ...pages] = await Promise.all([
      members[0]!.get("/companies"), members[0]!.get("/"), oldBrowser.get("/"), stranger.get("/"), ...members.map((m) => m.get("/")),
    ]);
    expect(pages.map((page) => loggedInAs(page.body))).toEqual(["kept_ana", "kept_ben", "kept_cem", "kept_dora", "kept_eli", "kept_fay"]);
    expect([loggedInAs(first!.body), loggedInAs(again!.body)]).toEqual(["kept_ana", "kept_ana"]);
    for (const visitor of [ended!, unknown!]) {
      expect(visitor.statusCode).toBe(200);
      expect(loggedInAs(visitor.body)).toBeUndefined();
      expect(visitor.body).toContain("Log in");
      expect(sessionCleared(visitor)).toBe(true);
    }
    expect(pages.some(sessionCleared)).toBe(false);
  });

  it("ends a session on every instance the moment it is logged out on one", async () => {
    const member = await signedUp(t.app, "kept_hal");
    const onOther = new Agent(other);
    for (const [name, value] of member.cookies) onOther.cookies.set(name, value);
    expect(loggedInAs((await onOther.get("/")).body)).toBe("kept_hal");
    expect((await member.post("/logout", {}, { formPage: "/" })).statusCode).toBe(303);
    const after = await onOther.get("/");
    expect(loggedInAs(after.body)).toBeUndefined();
    expect(sessionCleared(after)).toBe(true);
  });
});
