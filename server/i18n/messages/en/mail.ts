// Every mail's words (server/mail/messages/ builds each mail from them). No greeting, no tracking.
import type { NotificationKind } from "../../../db/schema.js";

export const mail = {
  footer: { settings: "Your mail settings", stopNudges: "Stop these reminders", stopDigest: "Stop the daily digest", unsubscribeFrom: (kind: string) => `Unsubscribe from “${kind}”` },
  confirm: {
    subject: "Confirm your e-mail address for Escalator",
    intro: (username: string) => `Someone, hopefully you, gave this address to the Escalator account “${username}”.`,
    link: "Confirm this address",
    validity: (hours: number) => `The link works for ${hours} hours. Until you confirm, Escalator sends this address nothing else. If it was not you, ignore this mail.`,
  },
  reset: {
    subject: "Reset your Escalator password",
    intro: (username: string) => `Someone asked to reset the password of the Escalator account “${username}”.`,
    link: "Choose a new password",
    validity: (minutes: number) => `The link works once, for ${minutes} minutes. Setting a new password logs out every other browser. If you did not ask, ignore this mail: your password stays as it is.`,
  },
  notification: {
    describe: (kind: NotificationKind, topLevel: boolean, actor: string, story: string): string => {
      switch (kind) {
        case "reply": return topLevel ? `${actor} replied to your story “${story}”` : `${actor} replied to your reply in “${story}”`;
        case "quote": return `${actor} quoted you in “${story}”`;
        case "mention": return `${actor} mentioned you in “${story}”`;
        case "followed_story": return `${actor} replied in “${story}”, a story you follow`;
        case "story_timeline": return `${actor} updated the timeline of “${story}”, a story you follow`;
        case "company_story": return `${actor} posted “${story}” about a company you follow`;
        case "company_official": return `${actor} answered officially in “${story}”, about a company you follow`;
      }
    },
    read: "Read it on Escalator",
  },
  digest: {
    subject: (count: number) => (count === 1 ? "Your Escalator digest: 1 new notification" : `Your Escalator digest: ${count} new notifications`),
    since: "Since your last digest:",
  },
  /** The pages a mail's links open: confirming an address, unsubscribing. Each `…Before` runs up to a link to the settings. */
  pages: {
    settings: "settings",
    confirm: {
      title: "Confirm your e-mail address",
      confirmedBefore: " is confirmed. Escalator mails it what you chose in your",
      confirmedAfter: ".",
      spentBefore: "This link has expired or was used already. In your",
      spentAfter: " you can ask for a new one.",
    },
    unsubscribe: {
      title: "Unsubscribe",
      doneTitle: "Unsubscribed",
      invalidBefore: "This unsubscribe link is not one Escalator made. Choose your mail in your",
      invalidAfter: ".",
      doneBefore: (what: string) => `Done: no more ${what}. You can change this any time in your`,
      doneAfter: ".",
      ask: (what: string) => `Stop ${what}?`,
      submit: "Unsubscribe",
      nudges: "reminders to update your stories' timelines",
      digest: "daily digests",
      kind: (kind: string) => `mail about “${kind}”`,
    },
  },
  nudge: {
    noResponse: (days: number, story: string) => `It is ${days} days since you escalated “${story}”, and the story says nobody has answered yet. Did they answer?`,
    noOutcome: (days: number, story: string) => `The company answered “${story}” ${days} days ago, and the story has no outcome yet. How did it end?`,
    subjectNoResponse: (story: string) => `Did they answer? “${story}”`,
    subjectNoOutcome: (story: string) => `How did it end? “${story}”`,
    link: "Update the timeline",
    why: "The company figures on Escalator are only as fresh as the stories' timelines, so a minute here helps everyone who escalates after you. We ask once.",
  },
};
