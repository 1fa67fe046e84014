import type { Messages } from "../en.js";

export const layout = {
  siteName: "Escalator",
  pageTitle: (title: string) => `${title} · Escalator`,
  description: "Eskalationsgeschichten: wer geantwortet hat, wie schnell, und wer das Problem gelöst hat.",
  skipToContent: "Zum Inhalt springen",
  mainNav: "Hauptnavigation",
  nav: { stories: "Geschichten", companies: "Unternehmen", parties: "Andere Parteien", post: "Geschichte erzählen", moderation: "Moderation" },
  search: { landmark: "Website-Suche", label: "Geschichten durchsuchen", placeholder: "Geschichten durchsuchen", button: "Suchen" },
  account: {
    notifications: "Benachrichtigungen",
    unread: (count: string) => `(${count} ungelesen)`,
    logOut: "Abmelden",
    logIn: "Anmelden",
    signUp: "Registrieren",
  },
  footer: {
    tagline: "Escalator: Wenn ein Unternehmen nicht helfen wollte – an wen haben Sie geschrieben, wer hat geantwortet, und wie schnell?",
    moderationLog: "Moderationsprotokoll",
    feed: "Neueste Geschichten (Atom)",
  },
  switchLabel: "Sprache",
  switchTo: "English",
} satisfies Messages["layout"];
