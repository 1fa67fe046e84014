// The nudge: a story whose timeline looks unfinished asks its author once
// whether the company answered, with a link straight to "update the timeline".
import type { MailText } from "../compose.js";

export function nudgeMail(input: { storyTitle: string; stage: "no_response" | "no_outcome"; days: number; timelineUrl: string }): MailText {
  const question =
    input.stage === "no_response"
      ? `It is ${input.days} days since you escalated “${input.storyTitle}”, and the story says nobody has answered yet. Did they answer?`
      : `The company answered “${input.storyTitle}” ${input.days} days ago, and the story has no outcome yet. How did it end?`;
  return {
    subject: input.stage === "no_response" ? `Did they answer? “${input.storyTitle}”` : `How did it end? “${input.storyTitle}”`,
    paragraphs: [
      question,
      { text: "Update the timeline", href: input.timelineUrl },
      "The company figures on Escalator are only as fresh as the stories' timelines, so a minute here helps everyone who escalates after you. We ask once.",
    ],
  };
}
