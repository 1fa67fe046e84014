// A complete, valid story form: tests change the fields they are about; and
// posting it, or a reply, through the real forms.
import { expect } from "vitest";
import type { Agent } from "./browser-agent.js";

export const STORY = {
  title: "Best Buy cancelled my Lumia 920 twice",
  company: "Nokia",
  other_party: "Best Buy",
  product: "Lumia 920",
  country: "US",
  // The path: one step, an e-mail to the CEO answered by executive relations the same evening.
  step_count: "1",
  step_0_party: "company",
  step_0_channel: "email",
  step_0_written_to: "ceo",
  step_0_date: "2024-03-01",
  step_0_time: "09:15",
  step_0_answered_date: "2024-03-01",
  step_0_answered_time: "19:45",
  step_0_answered_by: "executive_relations",
  step_0_result: "",
  resolved_date: "2024-03-03",
  resolved_time: "12:00",
  outcome: "goodwill",
  body: "The retailer cancelled **twice**. I wrote to the CEO.\n\n- a list item",
};

/** The founding story's path: two cancelled orders at the shop, then the CEO, who answered himself within hours. */
export const THREE_STEPS = {
  ...STORY,
  title: "Two cancelled orders, then the CEO answered himself",
  step_count: "3",
  step_0_party: "other_party", step_0_channel: "web_form", step_0_written_to: "frontline", step_0_date: "2024-02-20", step_0_time: "",
  step_0_answered_date: "2024-02-21", step_0_answered_time: "10:00", step_0_answered_by: "frontline", step_0_result: "deflected",
  step_1_party: "other_party", step_1_channel: "phone", step_1_written_to: "supervisor", step_1_date: "2024-02-26", step_1_time: "",
  step_1_answered_date: "", step_1_answered_time: "", step_1_answered_by: "", step_1_result: "ignored",
  step_2_party: "company", step_2_channel: "email", step_2_written_to: "ceo", step_2_date: "2024-03-01", step_2_time: "09:15:30",
  step_2_answered_date: "2024-03-01", step_2_answered_time: "13:45:00", step_2_answered_by: "ceo", step_2_result: "resolved",
};

export interface PostedStory {
  path: string;
  id: number;
}

/** Posts the story form (STORY with `fields` changed) as the agent; expects the redirect to the new thread. */
export async function postStoryForm(agent: Agent, fields: Record<string, string>): Promise<PostedStory> {
  const res = await agent.post("/stories/new", { ...STORY, ...fields, action: "post" }, { formPage: "/stories/new" });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  const path = String(res.headers.location);
  return { path, id: Number(path.split("/")[2]) };
}

/** Replies to the story (or to a reply in it) through the thread's form; returns the new reply's id. */
export async function postReplyForm(agent: Agent, story: PostedStory, body: string, parentId?: number): Promise<number> {
  const res = await agent.post(`/stories/${story.id}/replies`, { body, ...(parentId ? { parent_id: String(parentId) } : {}) }, { formPage: story.path });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
  return Number(String(res.headers.location).match(/#reply-(\d+)$/)![1]);
}
