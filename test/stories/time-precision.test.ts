// Dates without a time, wherever the form says the time is optional: the step,
// its answer and the resolution are accepted with the day alone, and no page
// shows more precision than the poster gave (no "1 day 9 h" from a made-up
// midnight, no "00:00 UTC").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { parse } from "node-html-parser";
import { findAll, textOf, texts } from "../helpers/html.js";
import { STORY, postStoryForm } from "../helpers/story-form.js";

const text = (html: string) => parse(html).querySelector("main")!.structuredText.replace(/\s+/g, " ");
const valueOf = (html: string, name: string) => parse(html).querySelector(`[name="${name}"]`)?.getAttribute("value");

describe("times the poster did not give", () => {
  let testApp: TestApp;
  let poster: Agent;
  beforeAll(async () => {
    testApp = await createTestApp();
    poster = new Agent(testApp.app);
    await poster.signUp("day_only_poster");
  });
  afterAll(() => testApp.close());

  it("labels each time field for what it is, and marks every one optional", async () => {
    const form = await poster.get("/stories/new");
    const labels = findAll(form.body, "label");
    for (const label of ["Time sent", "Time of the answer", "Time of the resolution"]) {
      const field = labels.find((l) => textOf(l) === `${label} (optional)`);
      expect(textOf(field?.querySelector("span.muted") ?? undefined), label).toBe("(optional)");
    }
    expect(texts(form.body, "label").filter((l) => l.startsWith("at "))).toEqual([]);
  });

  it("accepts an answer and a resolution by their day alone and shows them as days", async () => {
    const story = await postStoryForm(poster, {
      title: "Answered the next day, time unknown",
      step_0_date: "2024-03-01", step_0_time: "",
      step_0_answered_date: "2024-03-02", step_0_answered_time: "",
      resolved_date: "2024-03-05", resolved_time: "",
    });
    const page = text((await new Agent(testApp.app).get(story.path)).body);
    expect(page).toContain("Response time 1 day");
    expect(page).toContain("the next day");
    expect(page).toContain("2 Mar 2024");
    expect(page).toContain("5 Mar 2024 Resolved");
    expect(page).not.toMatch(/00:00|\d+ h\b/);

    // The edit form gives the times back as they were typed: empty.
    const edit = await poster.get(`/stories/${story.id}/edit`);
    expect(valueOf(edit.body, "step_0_answered_time")).toBe("");
    expect(valueOf(edit.body, "resolved_time")).toBe("");
    expect(valueOf(edit.body, "step_0_answered_date")).toBe("2024-03-02");
  });

  it("an answer known only by its day, on the day of a timed step, reads “the same day”, never a negative wait", async () => {
    const story = await postStoryForm(poster, {
      title: "Answered the same day, time unknown",
      step_0_date: "2024-04-10", step_0_time: "15:30",
      step_0_answered_date: "2024-04-10", step_0_answered_time: "",
      resolved_date: "", resolved_time: "",
      outcome: "pending",
    });
    const page = text((await new Agent(testApp.app).get(story.path)).body);
    expect(page).toContain("Response time the same day");
    expect(page).toContain("10 Apr 2024, 15:30 UTC");
    expect(page).not.toMatch(/-\d+ min/);
  });

  it("with both times given, still to the minute", async () => {
    const story = await postStoryForm(poster, { title: "Both times given" });
    const page = text((await new Agent(testApp.app).get(story.path)).body);
    expect(page).toContain("Response time 10 h 30 min");
    expect(page).toContain("after 10 h 30 min");
  });

  it("still refuses an answer dated before the step, and a time with no date", async () => {
    const early = await poster.post("/stories/new", {
      ...STORY, action: "post",
      step_0_date: "2024-03-05", step_0_time: "", step_0_answered_date: "2024-03-04", step_0_answered_time: "",
    }, { formPage: "/stories/new" });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain("The answer cannot come before the step it answers.");
    const timeOnly = await poster.post("/stories/new", {
      ...STORY, action: "post", resolved_date: "", resolved_time: "10:00",
    }, { formPage: "/stories/new" });
    expect(timeOnly.statusCode).toBe(422);
    expect(timeOnly.body).toContain("Add the date of the resolution, or clear its time.");
    expect(valueOf(timeOnly.body, "resolved_time")).toBe("10:00");
  });
});
