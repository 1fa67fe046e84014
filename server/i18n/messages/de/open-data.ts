import type { Messages } from "../en.js";

export const openData = {
  storiesDescription: "Eskalationsgeschichten, die auf Escalator erzählt wurden, jede mit ihrem Pfad von Schritten. Verborgene und gelöschte Geschichten sind nie enthalten.",
  attribution: "Die Mitwirkenden von Escalator (die Verfasserin oder der Verfasser jeder Geschichte, genannt in author)",
  stepDefinitions: {
    path: { term: "Pfad", definition: "Die Eskalation, wie sie ablief: eine geordnete Liste von Schritten, jeder eine Nachricht an eine Organisation (das Unternehmen der Geschichte oder seine andere Partei)." },
    "step.result": { term: "Was ein Schritt bewirkt hat", definition: "answered (beantwortet), ignored (keine Antwort), deflected (an eine andere Partei verwiesen), passed_upward (weitergegeben, oder die Kundin oder der Kunde musste sich an eine höhere Stelle wenden), resolved (gelöst); null, solange es nicht bekannt ist." },
    escalated_at: { term: "Eskaliert am", definition: "Der erste Schritt an das Unternehmen; first_response_at ist die früheste Antwort auf einen Schritt an das Unternehmen, answered_by die Rolle, von der diese Antwort kam." },
    response_seconds: { term: "Antwortzeit", definition: "first_response_at − escalated_at in Sekunden; null, solange (noch) keine Antwort da ist." },
  },
} satisfies Messages["openData"];
