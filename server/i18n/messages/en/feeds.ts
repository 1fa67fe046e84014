// The Atom feeds' own texts (their entries are the stories, in their own language).
export const feeds = {
  site: { title: "Escalator: newest stories", subtitle: "Escalation stories: who answered, how fast, and who fixed it." },
  company: {
    title: (name: string) => `Escalator: stories about ${name}`,
    subtitle: (name: string) => `Escalation stories naming ${name}, as the company written to or as the party that failed first.`,
  },
};
