// The story form keeps times to the second, and the figures count from them:
// a response 30 days and 1 second after the escalation is not within 30 days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushFigures } from "../../server/companies/worker.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { postStoryForm } from "../helpers/story-form.js";
import { parse } from "node-html-parser";

describe("seconds in the story's times", () => {
  let t: TestApp;
  let author: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    author = new Agent(t.app);
    await author.signUp("second_counter");
  });
  afterAll(() => t.close());

  it("stores what was typed to the second and shows it again in the edit form", async () => {
    const story = await postStoryForm(author, {
      title: "Answered one second too late", company: "Secondco", other_party: "",
      step_0_date: "2024-03-01", step_0_time: "09:15:00", step_0_answered_date: "2024-03-31", step_0_answered_time: "09:15:01",
      resolved_date: "2024-04-01", resolved_time: "10:00:30",
    });
    const row = await t.database.db.selectFrom("stories").select(["first_response_at", "resolved_at", "response_seconds"]).where("id", "=", story.id).executeTakeFirstOrThrow();
    expect(row.first_response_at?.toISOString()).toBe("2024-03-31T09:15:01.000Z");
    expect(row.resolved_at?.toISOString()).toBe("2024-04-01T10:00:30.000Z");
    expect(Number(row.response_seconds)).toBe(30 * 86_400 + 1);
    const form = parse((await author.get(`/stories/${story.id}/edit`)).body);
    expect(form.querySelector("#f-step_0_answered_time")?.getAttribute("value")).toBe("09:15:01");
    expect(form.querySelector("#f-step_0_answered_time")?.getAttribute("step")).toBe("1");
    expect(form.querySelector("#f-step_0_time")?.getAttribute("value")).toBe("09:15");
  });

  it("does not count a response 30 days and 1 second later as answered within 30 days", async () => {
    await flushFigures(t.database.db);
    const json = JSON.parse((await t.app.inject("/companies.json?window=all")).body) as { organisations: { slug: string; answered_within_30_days: number; answered: number }[] };
    const secondco = json.organisations.find((o) => o.slug === "secondco");
    expect(secondco).toMatchObject({ answered_within_30_days: 0, answered: 1 });
  });
});
