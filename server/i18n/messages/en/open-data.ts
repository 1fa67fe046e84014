// The open data's words (/stories.json): its description, the attribution and the path's definitions.
// Keys and values stay the same in every language; the figures' definitions are in companies.ts.
type StepDefinitionKey = "path" | "step.result" | "escalated_at" | "response_seconds";

const stepDefinitions: Record<StepDefinitionKey, { term: string; definition: string }> = {
  path: { term: "Path", definition: "The escalation as it happened: an ordered list of steps, each one a message to an organisation (the story's company or its other party)." },
  "step.result": { term: "What a step did", definition: "answered, ignored (no answer), deflected (pointed to another party), passed_upward (handed on, or the customer had to go higher), resolved; null while not known." },
  escalated_at: { term: "Escalated at", definition: "The first step written to the company; first_response_at is the earliest answer to a step written to the company, answered_by that answer's role." },
  response_seconds: { term: "Response time", definition: "first_response_at − escalated_at in seconds; null when unanswered (yet)." },
};

export const openData = {
  storiesDescription: "Escalation stories told on Escalator, each with its path of steps. Hidden and deleted stories are never included.",
  attribution: "Escalator contributors (each story's author, named in author)",
  stepDefinitions,
};
