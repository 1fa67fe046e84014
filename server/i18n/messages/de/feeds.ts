import type { Messages } from "../en.js";

export const feeds = {
  site: { title: "Escalator: neueste Geschichten", subtitle: "Eskalationsgeschichten: wer geantwortet hat, wie schnell, und wer das Problem gelöst hat." },
  company: {
    title: (name: string) => `Escalator: Geschichten über ${name}`,
    subtitle: (name: string) => `Eskalationsgeschichten, die ${name} nennen – als angeschriebenes Unternehmen oder als die Partei, die zuerst versagt hat.`,
  },
} satisfies Messages["feeds"];
