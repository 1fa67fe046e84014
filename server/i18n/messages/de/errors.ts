import type { Messages } from "../en.js";

export const errors = {
  code: (status: number) => `Fehler ${status}`,
  backToStories: "Zurück zu den Geschichten",
  notFound: { title: "Seite nicht gefunden", message: "Unter dieser Adresse gibt es nichts. Vielleicht wurde die Geschichte entfernt oder der Link ist falsch geschrieben." },
  badRequest: { title: "Das hat nicht geklappt", message: "Die Anfrage war nicht verständlich. Bitte gehen Sie zurück und versuchen Sie es noch einmal." },
  badValue: { title: "Das hat nicht geklappt", message: "Die Adresse oder das Formular enthielt einen Wert, mit dem Escalator nichts anfangen kann. Bitte gehen Sie zurück und versuchen Sie es noch einmal." },
  forbidden: { title: "Nicht erlaubt", message: "Dazu sind Sie nicht berechtigt." },
  csrf: "Dieses Formular war abgelaufen oder kam nicht von Escalator, deshalb wurde nichts geändert. Bitte gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.",
  tooMany: { title: "Etwas langsamer, bitte", message: (seconds: string) => `Zu viele Versuche in kurzer Zeit. Bitte warten Sie ${seconds} Sekunden und versuchen Sie es dann noch einmal.` },
  unreachable: { title: "Gleich wieder da", message: "Escalator erreicht gerade seine Datenbank nicht. Bitte versuchen Sie es in einer Minute noch einmal; nichts Gespeichertes geht verloren." },
  busy: { title: "Gerade viel los", message: "Escalator hat für diese Antwort zu lange gebraucht. Bitte versuchen Sie es gleich noch einmal; nichts Gespeichertes geht verloren." },
  closing: { title: "Gleich wieder da", message: "Dieser Escalator-Server startet gerade neu. Bitte versuchen Sie es in ein paar Sekunden noch einmal; nichts Gespeichertes geht verloren." },
  server: { title: "Etwas ist schiefgegangen", message: "Ein Fehler auf unserer Seite hat diese Seite verhindert. Er wurde protokolliert; bitte versuchen Sie es noch einmal." },
} satisfies Messages["errors"];
