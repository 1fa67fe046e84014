// A demo story (demo-data.ts) as its poster would type it into the story form:
// the same fields, dates as YYYY-MM-DD and times as HH:MM:SS in UTC, the
// organisations by name. test/db/demo-data.test.ts runs each one through the
// form's own check (stories/schema.ts) and holds what seeding stores equal to
// what that check makes of it, so the demo holds only stories the form accepts.
import type { FormBody } from "../lib/form.js";
import { demoOrganisations } from "./demo-data.js";
import type { DemoStep, DemoStory } from "./demo-types.js";

const HOUR = 3_600_000;

/** When the customer escalated: the day escalatedDaysAgo before now, at escalatedTime (UTC) or midnight. */
export function demoEscalatedAt(story: DemoStory, now: Date): Date {
  const day = new Date(now.getTime() - story.escalatedDaysAgo * 24 * HOUR);
  const [hours, minutes] = (story.escalatedTime ?? "00:00").split(":").map(Number);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes));
}

/** The story's path: its own steps, or one step to the company with its headline facts. */
export function demoPath(story: DemoStory): DemoStep[] {
  return story.path ?? [{
    party: "company", channel: story.channel, writtenTo: story.escalatedTo, atHours: 0, timeKnown: story.escalatedTime !== undefined,
    answeredAfterHours: story.firstResponseAfterHours, answeredBy: story.answeredBy,
    result: story.firstResponseAfterHours === undefined ? (story.outcome === "pending" ? undefined : "ignored") : story.outcome === "deflected" ? "deflected" : "answered",
  }];
}

/** When a step was written: exact, or the day alone when only the day is known. */
export function demoWrittenAt(step: DemoStep, escalatedAt: Date): Date {
  const at = new Date(escalatedAt.getTime() + step.atHours * HOUR);
  return step.timeKnown === false ? new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())) : at;
}

const date = (at: Date) => at.toISOString().slice(0, 10);
const time = (at: Date) => at.toISOString().slice(11, 19);
const nameOf = (slug: string | undefined) => (slug === undefined ? "" : (demoOrganisations.find((o) => o.slug === slug)?.name ?? slug));

export function demoStoryForm(story: DemoStory, now: Date): FormBody {
  const escalatedAt = demoEscalatedAt(story, now);
  const after = (hours: number) => new Date(escalatedAt.getTime() + hours * HOUR);
  const path = demoPath(story);
  const form: FormBody = {
    title: story.title, company: nameOf(story.company), other_party: nameOf(story.otherParty), product: story.product ?? "",
    country: story.country, outcome: story.outcome, body: story.body, step_count: String(path.length),
    resolved_date: story.resolvedAfterHours === undefined ? "" : date(after(story.resolvedAfterHours)),
    resolved_time: story.resolvedAfterHours === undefined ? "" : time(after(story.resolvedAfterHours)),
  };
  path.forEach((step, i) => {
    const writtenAt = demoWrittenAt(step, escalatedAt);
    const answeredAt = step.answeredAfterHours === undefined ? null : new Date(after(step.atHours).getTime() + step.answeredAfterHours * HOUR);
    Object.assign(form, {
      [`step_${i}_party`]: step.party, [`step_${i}_channel`]: step.channel, [`step_${i}_written_to`]: step.writtenTo,
      [`step_${i}_date`]: date(writtenAt), [`step_${i}_time`]: step.timeKnown === false ? "" : time(writtenAt),
      [`step_${i}_answered_date`]: answeredAt ? date(answeredAt) : "", [`step_${i}_answered_time`]: answeredAt ? time(answeredAt) : "",
      [`step_${i}_answered_by`]: step.answeredBy ?? "", [`step_${i}_result`]: step.result ?? "",
    });
  });
  return form;
}
