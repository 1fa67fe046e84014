// A story's escalation path through the real forms, JavaScript off: adding and
// removing steps, errors next to each step, the headline facts derived from the
// path, the thread's timeline, and "update the timeline" adding a step.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../server/db/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent, signedUp } from "../helpers/browser-agent.js";
import { attrs, definition, fieldError, fieldValue, find, one, textOf, texts } from "../helpers/html.js";
import { STORY, THREE_STEPS } from "../helpers/story-form.js";

describe("an escalation path", () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let poster: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    poster = await signedUp(t.app, "path_poster");
  });
  afterAll(() => t.close());
  const post = (fields: Record<string, string>) => poster.post("/stories/new", fields, { formPage: "/stories/new" });
  const storyCount = async () => (await db.selectFrom("stories").select("id").execute()).length;

  it("adds a step without JavaScript: the same form with one more row, everything typed kept, nothing posted", async () => {
    const before = await storyCount();
    const res = await post({ ...STORY, title: "A story that grows a second step", action: "add_step" });
    expect(res.statusCode).toBe(200);
    expect(fieldValue(res.body, "step_count")).toBe("2");
    expect(fieldValue(res.body, "title")).toBe("A story that grows a second step");
    expect(fieldValue(res.body, "step_0_date")).toBe("2024-03-01");
    expect(fieldValue(res.body, "step_0_answered_by")).toBe("executive_relations");
    expect(find(res.body, "#f-step_1_date")).toBeDefined();
    expect(find(res.body, 'button[value="remove_step_1"]')).toBeDefined();
    expect(find(res.body, ".error")).toBeUndefined();
    expect(await storyCount()).toBe(before);
  });

  it("removes the chosen row and keeps the others", async () => {
    const res = await post({ ...THREE_STEPS, action: "remove_step_1" });
    expect(res.statusCode).toBe(200);
    expect(fieldValue(res.body, "step_count")).toBe("2");
    expect(fieldValue(res.body, "step_0_channel")).toBe("web_form");
    // The CEO step moved up to the second row.
    expect(fieldValue(res.body, "step_1_written_to")).toBe("ceo");
    expect(fieldValue(res.body, "step_1_time")).toBe("09:15:30");
    expect(find(res.body, "#f-step_2_date")).toBeUndefined();
  });

  it("says what is wrong next to each step", async () => {
    const res = await post({ ...THREE_STEPS, step_1_date: "2024-02-10", step_2_channel: "", step_0_result: "ignored" });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, "step_1_date")).toMatch(/Step 2 cannot come before step 1/);
    expect(fieldError(res.body, "step_2_channel")).toMatch(/Choose how you reached them/);
    expect(fieldError(res.body, "step_0_result")).toMatch(/was not ignored/);
    expect(fieldValue(res.body, "step_2_time")).toBe("09:15:30");
  });

  it("wants one step to the company, and the other party named for a step to it", async () => {
    const none = await post({ ...THREE_STEPS, step_2_party: "other_party" });
    expect(fieldError(none.body, "step_0_party")).toMatch(/At least one step goes to the company/);
    const unnamed = await post({ ...THREE_STEPS, other_party: "" });
    expect(fieldError(unnamed.body, "step_0_party")).toMatch(/Name the other party above/);
  });

  it("derives the headline facts from the path and shows it as a timeline", async () => {
    const res = await post(THREE_STEPS);
    expect(res.statusCode).toBe(303);
    const id = Number(String(res.headers.location).split("/")[2]);
    const story = await db.selectFrom("stories").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    // Escalated at = the first step to the company (step 3), to the second; first response = its answer.
    expect(story.escalated_at.toISOString()).toBe("2024-03-01T09:15:30.000Z");
    expect([story.channel, story.escalated_to, story.answered_by, story.escalated_time_known]).toEqual(["email", "ceo", "ceo", true]);
    expect(story.first_response_at?.toISOString()).toBe("2024-03-01T13:45:00.000Z");
    expect(story.response_seconds).toBe(4 * 3600 + 29 * 60 + 30);
    const steps = await db.selectFrom("story_steps").selectAll().where("story_id", "=", id).orderBy("position").execute();
    expect(steps.map((s) => [s.position, s.party, s.channel, s.written_to, s.result])).toEqual([
      [1, "other_party", "web_form", "frontline", "deflected"],
      [2, "other_party", "phone", "supervisor", "ignored"],
      [3, "company", "email", "ceo", "resolved"],
    ]);
    const page = (await poster.get(String(res.headers.location))).body;
    const path = one(page, "ol.timeline.path");
    const step = (n: number) => one(path, `[data-step="${n}"]`);
    expect(attrs(path, "[data-step]", "data-step")).toEqual(["1", "2", "3"]);
    expect(textOf(step(1))).toContain("Web form to Frontline support at Best Buy");
    expect(textOf(find(step(1), 'a[href="/companies/best-buy"]'))).toBe("Best Buy");
    expect(textOf(step(1))).toContain("Answered by Frontline support the next day");
    expect(texts(step(1), "strong.waited")).toEqual(["the next day"]);
    expect(textOf(path)).toContain("No answer: ignored");
    expect(texts(path, "span.turn")).toContain("Turned to Nokia");
    const answer = one(step(3), ".step-answer");
    expect(textOf(answer)).toContain("Answered by CEO after 4 h 30 min first response,");
    expect(texts(answer, "strong.waited")).toEqual(["after 4 h 30 min"]);
    expect(texts(answer, "span.tag")).toEqual(["first response"]);
    expect(attrs(answer, "time", "datetime")).toEqual(["2024-03-01T13:45:00.000Z"]);
    expect(definition(page, "Answered by")).toBe("CEO");
  });

  it("makes one story and one path of a form sent twice at once", async () => {
    const form = await poster.get("/stories/new");
    const key = fieldValue(form.body, "submission_key")!;
    const fields = { ...THREE_STEPS, title: "Sent twice at the same moment", submission_key: key };
    const [a, b] = await Promise.all([post(fields), post(fields)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
    const rows = await db.selectFrom("stories").select("id").where("title", "=", "Sent twice at the same moment").execute();
    expect(rows).toHaveLength(1);
    expect(await db.selectFrom("story_steps").select("position").where("story_id", "=", rows[0]!.id).execute()).toHaveLength(3);
  });

  it("adds a step on “update the timeline”, and the first response follows the earliest answer", async () => {
    const created = await post({ ...STORY, title: "The CEO never answered, his office did", step_0_answered_date: "", step_0_answered_time: "", step_0_answered_by: "", outcome: "pending" });
    const id = String(created.headers.location).split("/")[2]!;
    const form = await poster.get(`/stories/${id}/timeline`);
    expect(fieldValue(form.body, "step_count")).toBe("1");
    expect(fieldValue(form.body, "step_0_time")).toBe("09:15");
    const more = await poster.post(`/stories/${id}/timeline`, { ...THREE_STEPS, step_count: "1", step_0_party: "company", step_0_channel: "email", step_0_written_to: "ceo", step_0_date: "2024-03-01", step_0_time: "09:15", step_0_answered_date: "", step_0_answered_time: "", step_0_answered_by: "", step_0_result: "ignored", action: "add_step" }, { formPage: `/stories/${id}/timeline` });
    expect(more.statusCode).toBe(200);
    expect(fieldValue(more.body, "step_count")).toBe("2");
    const res = await poster.post(`/stories/${id}/timeline`, {
      step_count: "2",
      step_0_party: "company", step_0_channel: "email", step_0_written_to: "ceo", step_0_date: "2024-03-01", step_0_time: "09:15",
      step_0_answered_date: "", step_0_answered_time: "", step_0_answered_by: "", step_0_result: "passed_upward",
      step_1_party: "company", step_1_channel: "letter", step_1_written_to: "executive_relations", step_1_date: "2024-03-05", step_1_time: "",
      step_1_answered_date: "2024-03-07", step_1_answered_time: "11:00", step_1_answered_by: "executive_relations", step_1_result: "resolved",
      resolved_date: "2024-03-08", resolved_time: "12:00", outcome: "resolved", action: "post",
    }, { formPage: `/stories/${id}/timeline` });
    expect(res.statusCode).toBe(303);
    const story = await db.selectFrom("stories").selectAll().where("id", "=", Number(id)).executeTakeFirstOrThrow();
    expect(story.escalated_at.toISOString()).toBe("2024-03-01T09:15:00.000Z");
    expect(story.first_response_at?.toISOString()).toBe("2024-03-07T11:00:00.000Z");
    expect([story.answered_by, story.outcome]).toEqual(["executive_relations", "resolved"]);
    const revisions = await poster.get(`/stories/${id}/revisions`);
    expect(revisions.statusCode).toBe(200);
  });
});
