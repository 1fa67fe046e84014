import type { Messages } from "../en.js";

export const yourData = {
  deleted: {
    title: "Konto gelöscht",
    heading: "Ihr Konto ist gelöscht",
    notice: "Ihre Sitzungen, E-Mail-Adresse, Abonnements, Benachrichtigungen und Mails sind gelöscht. Danke für die Geschichten, die Sie hier erzählt haben.",
  },
  wrongPassword: "Das ist nicht Ihr Passwort",
  nothingDeleted: (problem: string) => `${problem}; daher wurde nichts gelöscht.`,
} satisfies Messages["yourData"];
