// Story titles, bodies and replies for the generated data set, in English and
// German (search must handle both). Bodies are a small fixed set, rendered once
// and reused, so a million stories cost a few dozen markdown renders.
import type { Random } from "./random.js";

import type { ContentLanguage } from "../lib/content-language.js";

export type Language = ContentLanguage;

const EN_OPENINGS = [
  "I ordered on launch day and paid in full. Two weeks later the order was cancelled without a word, and the chat agent told me to simply order again.",
  "The device stopped working eleven days after delivery. The shop said it was the manufacturer's problem; the manufacturer said it was the shop's.",
  "For three months I was billed for a contract I had cancelled in writing. Every call ended with a promise of a callback that never came.",
  "My refund was approved in March. By June it still had not arrived, and the support ticket had been closed as *resolved* twice.",
  "The installation appointment was missed four times. Each time I had taken a day off work, and each time nobody called.",
  "A charge appeared on my card for a subscription I never signed up for. Frontline support could only see that the charge was \"valid\".",
  "After a system migration my account was locked and the data I had paid to store for years was simply gone.",
  "The repair under warranty was refused because of \"physical damage\" that was not there when I handed the device in.",
  "My parcel was marked as delivered to a neighbour I do not have. The carrier and the shop each sent me to the other.",
  "The flight was cancelled the night before. The airline offered a voucher, not the refund the rules say I am owed.",
];

const EN_ESCALATIONS = [
  "So I looked up the chief executive's address (the usual first.last pattern) and wrote a short, polite email: what happened, the order number, and what I wanted.",
  "I sent a letter by recorded post to the **executive office**, with copies of every earlier email and the ticket numbers.",
  "I posted the whole timeline publicly and tagged the company's main account. Within an hour someone asked me to send a direct message.",
  "I used the complaint form of the regulator and mentioned it in a last email to the head of customer service.",
  "A friend suggested the executive customer relations team, which most big companies have but never advertise. I found the address on a forum.",
  "I wrote to the managing director, kept it to five sentences, and attached the two cancellation emails.",
];

const EN_RESULTS = [
  "The answer came the same evening, from the CEO himself, copying the head of marketing. The next morning someone called, apologised properly and sent a replacement by express delivery, with a pair of headphones on top.",
  "A case manager from the executive team called two days later. She had read everything, did not ask me to repeat anything, and the refund was in my account within a week.",
  "Nothing. No acknowledgement, no call. After a month I wrote again; still nothing. I have given up and gone to the small claims court instead.",
  "I got a form letter thanking me for my feedback and pointing me back to the same support line that had failed me in the first place.",
  "They answered within a day, but only to say that the matter was \"exclusively handled\" by their partner and that they could not intervene.",
  "It took three weeks, but the answer was real: the fee was cancelled, the contract ended on the date I had asked for, and I received a written apology.",
  "Someone from the press office replied quickly and asked for my details. Then silence for ten days, then a call that fixed it in five minutes.",
  "They fixed half of it: the device was replaced, but the cost of the missed days off work was \"not something we compensate\".",
];

const EN_ADVICE = [
  "My advice: keep it short, give the reference numbers, and say exactly what you want.",
  "Lesson learned: the executive office exists because frontline support is not allowed to fix things like this.",
  "If this happens to you, write down every call with the date and the name of the agent. It made all the difference.",
  "Do not threaten. A calm email with the facts got further than a month of angry calls.",
];

const EN_TIMELINE = [
  "1. Ordered and paid\n2. Cancelled by the shop, no reason given\n3. Ordered again, cancelled again\n4. Wrote to the CEO\n5. Answer and fix",
  "- Day 0: complaint to support\n- Day 14: second complaint, ticket closed\n- Day 30: letter to the executive office\n- Day 33: first real answer",
];

const DE_OPENINGS = [
  "Ich habe am ersten Tag vorbestellt und sofort bezahlt. Zwei Wochen später wurde die Bestellung ohne Begründung storniert.",
  "Das Gerät war nach elf Tagen defekt. Der Händler verwies auf den Hersteller, der Hersteller auf den Händler.",
  "Drei Monate lang wurde ein Vertrag abgebucht, den ich schriftlich gekündigt hatte. Der versprochene Rückruf kam nie.",
  "Die Erstattung war im März bestätigt. Im Juni war noch immer kein Geld da, und das Ticket wurde zweimal als *erledigt* geschlossen.",
  "Der Techniker ist viermal nicht zum Termin erschienen. Jedes Mal hatte ich mir frei genommen.",
];

const DE_ESCALATIONS = [
  "Also habe ich eine kurze, höfliche E-Mail an den Vorstandsvorsitzenden geschrieben: was passiert ist, die Bestellnummer und was ich erwarte.",
  "Ich habe per Einschreiben an die **Geschäftsführung** geschrieben und alle bisherigen E-Mails beigelegt.",
  "Ich habe die Geschichte öffentlich gepostet und das Unternehmen markiert. Nach einer Stunde kam die Bitte um eine Direktnachricht.",
  "Ich habe mich an die Schlichtungsstelle gewandt und das in einer letzten Mail an die Kundenservice-Leitung erwähnt.",
];

const DE_RESULTS = [
  "Die Antwort kam noch am selben Abend, direkt vom Vorstand. Am nächsten Tag rief jemand an, entschuldigte sich und schickte Ersatz per Express.",
  "Eine Mitarbeiterin des Beschwerdemanagements rief zwei Tage später an. Die Erstattung war innerhalb einer Woche auf meinem Konto.",
  "Keine Antwort. Keine Eingangsbestätigung. Nach einem Monat habe ich aufgegeben und einen Anwalt eingeschaltet.",
  "Ich bekam einen Serienbrief mit Dank für mein Feedback und dem Hinweis auf dieselbe Hotline, die mir nicht geholfen hatte.",
  "Es hat drei Wochen gedauert, aber dann wurde die Gebühr erlassen und der Vertrag zum gewünschten Datum beendet.",
];

const DE_ADVICE = [
  "Mein Tipp: kurz bleiben, Vorgangsnummern nennen und klar sagen, was man möchte.",
  "Jeden Anruf mit Datum und Namen notieren. Das hat am Ende den Unterschied gemacht.",
];

export interface Body {
  language: Language;
  markdown: string;
}

/** A fixed set of story bodies (about three English to one German), built from the pieces above. */
export function storyBodies(random: Random, count = 48): Body[] {
  const bodies: Body[] = [];
  for (let i = 0; i < count; i++) {
    const de = i % 4 === 3;
    const [openings, escalations, results, advice] = de
      ? [DE_OPENINGS, DE_ESCALATIONS, DE_RESULTS, DE_ADVICE]
      : [EN_OPENINGS, EN_ESCALATIONS, EN_RESULTS, EN_ADVICE];
    // Some posters write two paragraphs, others the whole timeline.
    const short = i % 3 === 1;
    const parts = short ? [random.pick(openings)] : [random.pick(openings), random.pick(escalations)];
    if (!de && !short && random.chance(0.3)) parts.push(random.pick(EN_TIMELINE));
    parts.push(random.pick(results));
    if (!short && random.chance(0.5)) parts.push(random.pick(advice));
    bodies.push({ language: de ? "de" : "en", markdown: parts.join("\n\n") });
  }
  return bodies;
}

const EN_REPLIES = [
  "Same happened to me last year. The executive office was the only thing that worked.",
  "Did you try the executive customer relations address? It is not on their website but it exists.",
  "Thanks for writing this up, the timeline is really useful.",
  "Small correction: the regulator only takes the case after eight weeks, not four.",
  "I had the exact opposite experience with them: answered within the hour.",
  "This is why I always pay by credit card. The chargeback took ten days.",
  "Honestly, a public post got me further than three letters.",
  "Same here — me too. Wrote to the CEO in January, still waiting.",
  "Which address did you use? The one on their press page bounced for me.",
  "Great outcome! Good to know that writing to the top still works.",
  "The headphones on top are a nice touch. Goodwill like that is rare.",
  "Keep the ticket numbers. They will ask for them again, every time.",
  "I think the partner excuse is just a way to make you give up.",
  "Update us when they answer, please.",
  "For what it is worth, [the consumer advice centre](https://example.org/advice) has a template letter.",
];

const DE_REPLIES = [
  "Genau das Gleiche ist mir auch passiert. Nur die Mail an den Vorstand hat geholfen.",
  "Danke fürs Aufschreiben, sehr hilfreich.",
  "Kleine Korrektur: Die Schlichtungsstelle wird erst nach acht Wochen tätig.",
  "Bei mir haben sie innerhalb einer Stunde geantwortet, ganz anders.",
  "Halte uns bitte auf dem Laufenden.",
];

/** Short replies in both languages, English first. */
export function replyBodies(): Body[] {
  return [
    ...EN_REPLIES.map((markdown) => ({ language: "en" as const, markdown })),
    ...DE_REPLIES.map((markdown) => ({ language: "de" as const, markdown })),
  ];
}

export interface TitleFacts {
  language: Language;
  company: string;
  otherParty: string | null;
  product: string | null;
  answered: boolean;
  responseDays: number | null;
  resolved: boolean;
}

/** A title in the poster's language that says what happened, 8–160 characters. */
export function storyTitle(random: Random, f: TitleFacts): string {
  const thing = f.product ?? "order";
  let title: string;
  if (f.language === "de") {
    if (!f.answered) title = random.pick([`Keine Antwort von ${f.company} nach Mail an den Vorstand`, `${f.company} ignoriert Einschreiben an die Geschäftsführung`]);
    else if (f.resolved) title = `${f.company}: Beschwerde beim Vorstand nach ${Math.max(1, Math.round(f.responseDays ?? 1))} Tagen gelöst`;
    else title = `${f.company} antwortet, aber löst nichts`;
  } else if (f.otherParty && random.chance(0.6)) {
    title = f.resolved
      ? `${f.otherParty} let me down on my ${thing}, ${f.company} stepped in`
      : `${f.otherParty} and ${f.company} keep sending me to each other over a ${thing}`;
  } else if (!f.answered) {
    title = random.pick([
      `No answer from ${f.company} after writing to the executive office`,
      `${f.company} ignored my letter to the CEO about a ${thing}`,
      `Still waiting: ${f.company} and my ${thing}`,
    ]);
  } else if (f.resolved) {
    title = random.pick([
      `Emailed the CEO of ${f.company}: ${thing} sorted`,
      `${f.company}'s executive office fixed my ${thing} in ${Math.max(1, Math.round(f.responseDays ?? 1))} days`,
      `Wrote to ${f.company}'s CEO about a ${thing} and got a call back`,
    ]);
  } else {
    title = random.pick([
      `${f.company} answered my escalation, but only with excuses`,
      `Form letter from ${f.company} after a CEO email about my ${thing}`,
      `${f.company} refused to help with my ${thing}`,
    ]);
  }
  return title.slice(0, 160);
}
