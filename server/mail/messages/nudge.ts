// The nudge: a story whose timeline looks unfinished asks its author once
// whether the company answered, with a link straight to "update the timeline".
import type { Messages } from "../../i18n/index.js";
import type { MailText } from "../compose.js";

export function nudgeMail(m: Messages["mail"], input: { storyTitle: string; stage: "no_response" | "no_outcome"; days: number; timelineUrl: string }): MailText {
  const w = m.nudge;
  const noResponse = input.stage === "no_response";
  return {
    subject: noResponse ? w.subjectNoResponse(input.storyTitle) : w.subjectNoOutcome(input.storyTitle),
    paragraphs: [
      noResponse ? w.noResponse(input.days, input.storyTitle) : w.noOutcome(input.days, input.storyTitle),
      { text: w.link, href: input.timelineUrl },
      w.why,
    ],
  };
}
