// The frame of every page: header, footer, language switch.
export const layout = {
  siteName: "Escalator",
  /** The <title>: "Page · Escalator". */
  pageTitle: (title: string) => `${title} · Escalator`,
  description: "Escalation stories: who answered, how fast, and who fixed it.",
  skipToContent: "Skip to content",
  mainNav: "Main",
  nav: { stories: "Stories", companies: "Companies", parties: "Other parties", post: "Post a story", moderation: "Moderation" },
  search: { landmark: "Site search", label: "Search stories", placeholder: "Search stories", button: "Search" },
  account: {
    notifications: "Notifications",
    unread: (count: string) => `(${count} unread)`,
    logOut: "Log out",
    logIn: "Log in",
    signUp: "Sign up",
  },
  footer: {
    tagline: "Escalator: when a company would not help, who did you write to, who answered, and how fast?",
    moderationLog: "Moderation log",
    feed: "Newest stories (Atom)",
  },
  /** The switch names the other language in that language, so its readers find it. */
  switchLabel: "Language",
  switchTo: "Deutsch",
};
