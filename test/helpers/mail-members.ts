// Members with a confirmed address, made through the real forms and mail.
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { Agent } from "./browser-agent.js";
import { linkIn, pathOf, type Mailbox } from "./mailbox.js";

export const PASSWORD = "correct horse battery";

/** Signs up with an address, follows the confirmation link from the mail, and returns the logged-in agent. */
export async function memberWithMail(app: FastifyInstance, mailbox: Mailbox, username: string, email = `${username.toLowerCase()}@example.test`): Promise<Agent> {
  const agent = new Agent(app);
  const res = await agent.post("/signup", { username, password: PASSWORD, email }, { formPage: "/signup" });
  expect(res.statusCode).toBe(303);
  await app.mail.runOnce();
  const confirmed = await agent.get(pathOf(linkIn(mailbox.last(email), "/settings/email/confirm?token=")));
  expect(confirmed.statusCode).toBe(303);
  expect(confirmed.headers.location).toBe("/settings?done=confirmed");
  return agent;
}
