// The nudge: one mail "did they answer?" to the author of a story without a
// first response after a week (or without an outcome a month after the
// answer), linking to "update the timeline"; never for an answered story,
// never twice, never when switched off. The worker is told the time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_OUTCOME_DAYS, NO_RESPONSE_DAYS, NUDGE_LATE_DAYS } from "../../server/mail/nudges.js";
import type { Agent } from "../helpers/browser-agent.js";
import { createMailApp } from "../helpers/mail-app.js";
import { memberWithMail } from "../helpers/mail-members.js";
import { linkIn, pathOf } from "../helpers/mailbox.js";
import { postStoryForm, type PostedStory } from "../helpers/story-form.js";

const DAY = 86_400_000;
const UNANSWERED = { outcome: "pending", step_0_answered_date: "", step_0_answered_time: "", step_0_answered_by: "", resolved_date: "", resolved_time: "" };

describe("the nudge", () => {
  let t: Awaited<ReturnType<typeof createMailApp>>;
  let author: Agent;
  let unanswered: PostedStory;
  let answered: PostedStory;
  let answeredOpen: PostedStory;
  const later = (days: number) => new Date(Date.now() + days * DAY + 60_000);

  beforeAll(async () => {
    t = await createMailApp();
    author = await memberWithMail(t.app, t.mailbox, "Patient_Poster");
    unanswered = await postStoryForm(author, { ...UNANSWERED, title: "Wrote to the CEO and heard nothing" });
    answered = await postStoryForm(author, { title: "Wrote to the CEO and got a reply" });
    answeredOpen = await postStoryForm(author, { ...UNANSWERED, title: "They answered but nothing happened", step_0_answered_date: "2024-03-02", step_0_answered_time: "10:00", step_0_answered_by: "executive_relations" });
    t.mailbox.clear();
  });
  afterAll(() => t.close());

  it("asks once, a week after, with a link straight to “update the timeline”, and not for the answered stories", async () => {
    await t.app.mail.runOnce(later(NO_RESPONSE_DAYS - 1));
    expect(t.mailbox.received).toEqual([]);

    await t.app.mail.runOnce(later(NO_RESPONSE_DAYS));
    const mails = t.mailbox.to("patient_poster@example.test");
    expect(mails.map((m) => m.subject)).toEqual(["Did they answer? “Wrote to the CEO and heard nothing”"]);
    const link = pathOf(linkIn(mails[0]!, `/stories/${unanswered.id}/timeline`));
    expect(link).toBe(`/stories/${unanswered.id}/timeline`);
    expect((await author.get(link)).statusCode).toBe(200);

    await t.app.mail.runOnce(later(NO_RESPONSE_DAYS + 1));
    await t.app.mail.runOnce(later(NO_RESPONSE_DAYS + 20));
    expect(t.mailbox.to("patient_poster@example.test")).toHaveLength(1);
    expect(t.mailbox.received.map((m) => m.subject).join()).not.toContain("got a reply");
    expect(answered.id).not.toBe(unanswered.id);
  });

  it("asks “how did it end?” a month after an answer with no outcome, once", async () => {
    t.mailbox.clear();
    await t.app.mail.runOnce(later(NO_OUTCOME_DAYS));
    expect(t.mailbox.received.map((m) => m.subject)).toEqual(["How did it end? “They answered but nothing happened”"]);
    expect(linkIn(t.mailbox.received[0]!, `/stories/${answeredOpen.id}/timeline`)).toBeTruthy();
    await t.app.mail.runOnce(later(NO_OUTCOME_DAYS + 5));
    expect(t.mailbox.received).toHaveLength(1);
  });

  it("sends nothing to an author who switched the nudge off", async () => {
    const quiet = await memberWithMail(t.app, t.mailbox, "Quiet_Poster");
    expect((await quiet.post("/settings/mail", { story_replies: "immediate" }, { formPage: "/settings" })).statusCode).toBe(303);
    await postStoryForm(quiet, { ...UNANSWERED, title: "Another unanswered escalation" });
    t.mailbox.clear();
    await t.app.mail.runOnce(later(NO_RESPONSE_DAYS));
    expect(t.mailbox.received).toEqual([]);
  });

  it("does not send a nudge more than a week late", async () => {
    const late = await memberWithMail(t.app, t.mailbox, "Late_Poster");
    await postStoryForm(late, { ...UNANSWERED, title: "Nobody looked at this for a month" });
    t.mailbox.clear();
    await t.app.mail.runOnce(later(NO_RESPONSE_DAYS + NUDGE_LATE_DAYS + 1));
    expect(t.mailbox.to("late_poster@example.test")).toEqual([]);
    // Within the week it still goes out.
    await t.app.mail.runOnce(later(NO_RESPONSE_DAYS + NUDGE_LATE_DAYS - 1));
    expect(t.mailbox.to("late_poster@example.test").map((m) => m.subject)).toEqual(["Did they answer? “Nobody looked at this for a month”"]);
  });
});
