// Die Wörter jeder Mail (server/mail/messages/ baut daraus jede Mail). Keine Anrede, kein Tracking.
import type { NotificationKind } from "../../../db/schema.js";
import type { Messages } from "../en.js";

export const mail = {
  footer: { settings: "Ihre Mail-Einstellungen", stopNudges: "Keine solchen Erinnerungen mehr", stopDigest: "Keine tägliche Zusammenfassung mehr", unsubscribeFrom: (kind: string) => `Abbestellen: „${kind}“` },
  confirm: {
    subject: "Bestätigen Sie Ihre E-Mail-Adresse für Escalator",
    intro: (username: string) => `Jemand, hoffentlich Sie, hat diese Adresse für das Escalator-Konto „${username}“ angegeben.`,
    link: "Diese Adresse bestätigen",
    validity: (hours: number) => `Der Link gilt ${hours} Stunden. Bis Sie bestätigen, schickt Escalator an diese Adresse nichts anderes. Waren Sie es nicht, ignorieren Sie diese Mail.`,
  },
  reset: {
    subject: "Ihr Escalator-Passwort zurücksetzen",
    intro: (username: string) => `Jemand hat darum gebeten, das Passwort des Escalator-Kontos „${username}“ zurückzusetzen.`,
    link: "Ein neues Passwort wählen",
    validity: (minutes: number) => `Der Link funktioniert einmal, ${minutes} Minuten lang. Ein neues Passwort meldet jeden anderen Browser ab. Haben Sie nicht darum gebeten, ignorieren Sie diese Mail: Ihr Passwort bleibt, wie es ist.`,
  },
  notification: {
    describe: (kind: NotificationKind, topLevel: boolean, actor: string, story: string): string => {
      switch (kind) {
        case "reply": return topLevel ? `${actor} hat auf Ihre Geschichte „${story}“ geantwortet` : `${actor} hat auf Ihre Antwort in „${story}“ geantwortet`;
        case "quote": return `${actor} hat Sie in „${story}“ zitiert`;
        case "mention": return `${actor} hat Sie in „${story}“ erwähnt`;
        case "followed_story": return `${actor} hat in „${story}“ geantwortet, einer Geschichte, der Sie folgen`;
        case "story_timeline": return `${actor} hat die Zeitleiste von „${story}“ ergänzt, einer Geschichte, der Sie folgen`;
        case "company_story": return `${actor} hat „${story}“ über ein Unternehmen veröffentlicht, dem Sie folgen`;
        case "company_official": return `${actor} hat in „${story}“ offiziell geantwortet, zu einem Unternehmen, dem Sie folgen`;
      }
    },
    read: "Auf Escalator lesen",
  },
  digest: {
    subject: (count: number) => (count === 1 ? "Ihre Escalator-Zusammenfassung: 1 neue Benachrichtigung" : `Ihre Escalator-Zusammenfassung: ${count} neue Benachrichtigungen`),
    since: "Seit Ihrer letzten Zusammenfassung:",
  },
  pages: {
    settings: "Einstellungen",
    confirm: {
      title: "Bestätigen Sie Ihre E-Mail-Adresse",
      confirmedBefore: " ist bestätigt. Escalator schickt dorthin, was Sie in Ihren",
      confirmedAfter: " gewählt haben.",
      spentBefore: "Dieser Link ist abgelaufen oder wurde schon benutzt. In Ihren",
      spentAfter: " können Sie einen neuen anfordern.",
    },
    unsubscribe: {
      title: "Abbestellen",
      doneTitle: "Abbestellt",
      invalidBefore: "Dieser Abbestell-Link stammt nicht von Escalator. Wählen Sie Ihre Mails in Ihren",
      invalidAfter: ".",
      doneBefore: (what: string) => `Erledigt: Sie haben ${what} abbestellt. Sie können das jederzeit in Ihren`,
      doneAfter: " ändern.",
      ask: (what: string) => `Möchten Sie ${what} abbestellen?`,
      submit: "Abbestellen",
      nudges: "die Erinnerungen an die Zeitleisten Ihrer Geschichten",
      digest: "die tägliche Zusammenfassung",
      kind: (kind: string) => `die Mails zu „${kind}“`,
    },
  },
  nudge: {
    noResponse: (days: number, story: string) => `Vor ${days} Tagen haben Sie „${story}“ eskaliert, und laut der Geschichte hat noch niemand geantwortet. Kam eine Antwort?`,
    noOutcome: (days: number, story: string) => `Das Unternehmen hat auf „${story}“ vor ${days} Tagen geantwortet, und die Geschichte hat noch kein Ergebnis. Wie ist es ausgegangen?`,
    subjectNoResponse: (story: string) => `Kam eine Antwort? „${story}“`,
    subjectNoOutcome: (story: string) => `Wie ist es ausgegangen? „${story}“`,
    link: "Die Zeitleiste ergänzen",
    why: "Die Kennzahlen der Unternehmen auf Escalator sind nur so aktuell wie die Zeitleisten der Geschichten; eine Minute hier hilft allen, die nach Ihnen eskalieren. Wir fragen nur einmal.",
  },
} satisfies Messages["mail"];
