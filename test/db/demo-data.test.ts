// The demo stories are data a poster could have typed: each one, as the story
// form's fields, passes the form's own check (the code /stories/new runs), and
// what seeding stores is what that check makes of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoStories } from "../../server/db/demo-data.js";
import { demoStoryForm } from "../../server/db/demo-form.js";
import { loadDemoData } from "../../server/db/seed.js";
import type { Database } from "../../server/db/connect.js";
import { i18nFor } from "../../server/i18n/index.js";
import { checkStory } from "../../server/stories/schema.js";
import { createTestDatabase } from "../helpers/database.js";

const now = new Date();
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemoData(database.db, now);
});
afterAll(() => database.close());

describe("the demo stories", () => {
  it("each pass the story form's own check", () => {
    for (const story of demoStories) {
      const checked = checkStory(demoStoryForm(story, now), i18nFor("en"), now);
      expect(checked.ok ? {} : checked.errors, story.title).toEqual({});
    }
  });

  it("are stored with the facts the form's check makes of them", async () => {
    const stored = await database.db
      .selectFrom("stories as s")
      .innerJoin("organisations as c", "c.id", "s.company_id")
      .leftJoin("organisations as p", "p.id", "s.other_party_id")
      .select(["s.id", "s.title", "c.name as company", "p.name as other_party", "s.product", "s.country", "s.channel", "s.escalated_to", "s.answered_by",
        "s.escalated_at", "s.escalated_time_known", "s.first_response_at", "s.first_response_time_known", "s.resolved_at", "s.resolved_time_known", "s.outcome", "s.body_md"])
      .execute();
    const steps = await database.db.selectFrom("story_steps").selectAll().orderBy("story_id").orderBy("position").execute();
    expect(stored).toHaveLength(demoStories.length);
    for (const story of demoStories) {
      const checked = checkStory(demoStoryForm(story, now), i18nFor("en"), now);
      if (!checked.ok) throw new Error(story.title);
      const c = checked.value;
      const row = stored.find((s) => s.title === story.title);
      expect(row, story.title).toEqual({
        id: row?.id, title: c.title, company: c.company, other_party: c.otherParty, product: c.product, country: c.country,
        channel: c.channel, escalated_to: c.escalatedTo, answered_by: c.answeredBy, escalated_at: c.escalatedAt, escalated_time_known: c.escalatedTimeKnown,
        first_response_at: c.firstResponseAt, first_response_time_known: c.firstResponseTimeKnown, resolved_at: c.resolvedAt, resolved_time_known: c.resolvedTimeKnown, outcome: c.outcome, body_md: c.body,
      });
      expect(steps.filter((s) => s.story_id === row!.id).map((s) => ({
        party: s.party, channel: s.channel, writtenTo: s.written_to, writtenAt: s.written_at, writtenTimeKnown: s.written_time_known,
        answeredAt: s.answered_at, answeredTimeKnown: s.answered_time_known, answeredBy: s.answered_by, result: s.result,
      })), story.title).toEqual(c.steps);
    }
  });
});
