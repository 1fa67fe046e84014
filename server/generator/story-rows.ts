// The facts of generated stories, drawn batch by batch into column arrays that
// one `insert … select from unnest(…)` writes. Each organisation has a profile
// (how often and how fast it answers, how often it fixes things, its home
// country), so the leaderboard has real differences to show.
import type { Channel, Outcome, Role } from "../lib/enums.js";
import { slugify } from "../lib/slug.js";
import type { FakeOrganisation } from "./fake-names.js";
import { storyTitle, type Language } from "./fake-text.js";
import { weighted, zipf, type Random } from "./random.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Escalations reach back six years, denser towards now (about 30 % in the last 12 months). */
const SPAN_DAYS = 6 * 365;

const channel = weighted<Channel>([["email", 35], ["phone", 10], ["letter", 8], ["web_form", 10], ["chat", 6], ["social_public", 12], ["social_dm", 6], ["in_store", 3], ["regulator", 4], ["media", 3], ["other", 3]]);
const role = weighted<Role>([["ceo", 30], ["executive", 12], ["executive_relations", 18], ["supervisor", 15], ["frontline", 10], ["pr_social", 10], ["unknown", 5]]);
const country = weighted<string>([["US", 30], ["GB", 12], ["DE", 10], ["CA", 6], ["AU", 6], ["FR", 5], ["IN", 5], ["NL", 3], ["ES", 3], ["IT", 3], ["SE", 2], ["AT", 2], ["CH", 2], ["IE", 2], ["BR", 2], ["JP", 2], ["PL", 2], ["NZ", 1], ["MX", 1], ["ZA", 1]]);
const GERMAN_SPEAKING = new Set(["DE", "AT", "CH"]);
const unresolvedOutcome = weighted<Outcome>([["partly_resolved", 30], ["explanation_only", 25], ["deflected", 20], ["refused", 15], ["gave_up", 10]]);
const ROLE_BONUS: Partial<Record<Role, number>> = { ceo: 0.08, executive_relations: 0.1, frontline: -0.15, unknown: -0.05 };

export interface OrganisationProfile {
  id: number;
  name: string;
  products: readonly string[];
  answerRate: number;
  /** Median hours to a first answer, and the spread of log(hours). */
  medianHours: number;
  sigma: number;
  resolveRate: number;
  homeCountry: string;
  /** Retailers, carriers and marketplaces are the usual "other party". */
  intermediary: boolean;
}

export function profileOrganisations(random: Random, organisations: readonly (FakeOrganisation & { id: number })[]): OrganisationProfile[] {
  return organisations.map((o) => ({
    id: o.id,
    name: o.name,
    products: o.products,
    answerRate: 0.2 + 0.77 * Math.sqrt(random.next()),
    medianHours: Math.exp(Math.log(20) + 1.3 * random.normal()),
    sigma: 0.8 + random.next(),
    resolveRate: 0.25 + 0.65 * random.next(),
    homeCountry: country(random),
    intermediary: o.kind === "retailer" || o.kind === "carrier" || o.kind === "marketplace",
  }));
}

/** One batch, column by column: the shape the insert's unnest(…) takes. */
export interface StoryColumns {
  author_id: number[];
  title: string[];
  slug: string[];
  company_id: number[];
  other_party_id: (number | null)[];
  product: (string | null)[];
  country: string[];
  channel: string[];
  escalated_to: string[];
  answered_by: (string | null)[];
  escalated_at: number[];
  escalated_time_known: boolean[];
  first_response_at: (number | null)[];
  resolved_at: (number | null)[];
  outcome: string[];
  /** The language of the title and body (stories.lang). */
  lang: Language[];
  /** 1-based index into the batch's body arrays. */
  body: number[];
  reply_count: number[];
  me_too_count: number[];
  created_at: number[];
  last_activity_at: number[];
  hidden_at: (number | null)[];
}

export interface StoryDrawer {
  draw(count: number): StoryColumns;
}

export function storyDrawer(
  random: Random,
  opts: {
    organisations: readonly OrganisationProfile[];
    /** User ids, most prolific first. */
    users: readonly number[];
    bodies: readonly { language: Language }[];
    repliesPerStory: number;
    now: number;
  },
): StoryDrawer {
  const { organisations, users, now } = opts;
  const company = zipf(organisations.length, 1);
  const intermediaries = organisations.filter((o) => o.intermediary);
  const otherParty = zipf(Math.max(1, intermediaries.length), 1);
  const author = zipf(users.length, 0.8);
  const bodyIndexes = (language: Language) => opts.bodies.flatMap((b, i) => (b.language === language ? [i + 1] : []));
  const bodiesBy: Record<Language, number[]> = { en: bodyIndexes("en"), de: bodyIndexes("de") };
  // About a third of stories get replies; the rest of the mean falls on them, geometrically.
  const withReplies = Math.max(0, Math.min(0.35, opts.repliesPerStory));
  const extraReplies = withReplies ? Math.max(0, opts.repliesPerStory / withReplies - 1) : 0;
  const lognormal = (medianMs: number, sigma: number) => medianMs * Math.exp(sigma * random.normal());
  const upToNow = (t: number) => Math.min(t, now);

  return {
    draw(count) {
      const c: StoryColumns = {
        author_id: [], title: [], slug: [], company_id: [], other_party_id: [], product: [], country: [], channel: [],
        escalated_to: [], answered_by: [], escalated_at: [], escalated_time_known: [], first_response_at: [], resolved_at: [],
        outcome: [], lang: [], body: [], reply_count: [], me_too_count: [], created_at: [], last_activity_at: [], hidden_at: [],
      };
      for (let i = 0; i < count; i++) {
        const org = organisations[company(random)]!;
        let other: OrganisationProfile | null = random.chance(0.4) && intermediaries.length ? intermediaries[otherParty(random)]! : null;
        if (other?.id === org.id) other = null;
        const place = random.chance(0.55) ? org.homeCountry : country(random);
        const language: Language = GERMAN_SPEAKING.has(place) && random.chance(0.8) ? "de" : "en";
        const to = role(random);

        const ageDays = SPAN_DAYS * Math.pow(random.next(), 1.5);
        const timeKnown = random.chance(0.6);
        let escalatedAt = now - ageDays * DAY;
        escalatedAt = timeKnown ? Math.floor(escalatedAt / MINUTE) * MINUTE : Math.floor(escalatedAt / DAY) * DAY;

        let firstResponse: number | null = null;
        if (random.chance(Math.min(0.98, org.answerRate + (ROLE_BONUS[to] ?? 0)))) {
          const delay = Math.min(120 * DAY, Math.max(MINUTE, lognormal(org.medianHours * HOUR, org.sigma)));
          if (escalatedAt + delay <= now) firstResponse = Math.round(escalatedAt + delay);
        }
        const young = now - escalatedAt < 30 * DAY;
        let outcome: Outcome;
        let resolved: number | null = null;
        if (firstResponse === null) {
          outcome = young ? (random.chance(0.8) ? "pending" : "no_response") : random.chance(0.7) ? "no_response" : random.chance(0.65) ? "gave_up" : "pending";
        } else if (random.chance(org.resolveRate)) {
          outcome = random.chance(0.25) ? "goodwill" : "resolved";
          resolved = Math.round(upToNow(firstResponse + lognormal(3 * DAY, 1)));
        } else if (young && random.chance(0.3)) {
          outcome = "pending";
        } else {
          outcome = unresolvedOutcome(random);
          if (outcome === "partly_resolved") resolved = Math.round(upToNow(firstResponse + lognormal(5 * DAY, 1)));
        }

        // Posted once the story had an ending, or after some waiting when it had none.
        const settled = resolved ?? firstResponse ?? escalatedAt + lognormal(10 * DAY, 1);
        const createdAt = Math.round(upToNow(settled + lognormal(2 * DAY, 1)));
        const replies = random.chance(withReplies) ? Math.min(40, 1 + Math.floor(Math.log(1 - random.next()) / Math.log(extraReplies / (1 + extraReplies) || 1e-9))) : 0;
        const lastActivity = replies ? Math.round(upToNow(createdAt + lognormal(DAY, 1.5))) : createdAt;
        const meToo = random.chance(0.15) ? Math.min(500, users.length, 1 + Math.floor(Math.exp(1.5 * random.normal()))) : 0;

        const product = random.chance(0.8) ? random.pick(org.products) : null;
        const title = storyTitle(random, {
          language, company: org.name, otherParty: other?.name ?? null, product,
          answered: firstResponse !== null, responseDays: firstResponse === null ? null : (firstResponse - escalatedAt) / DAY,
          resolved: outcome === "resolved" || outcome === "goodwill",
        });

        c.author_id.push(users[author(random)]!);
        c.title.push(title);
        c.slug.push(slugify(title));
        c.company_id.push(org.id);
        c.other_party_id.push(other?.id ?? null);
        c.product.push(product);
        c.country.push(place);
        c.channel.push(channel(random));
        c.escalated_to.push(to);
        c.answered_by.push(firstResponse === null ? null : random.chance(0.5) ? to : random.chance(0.8) ? role(random) : null);
        c.escalated_at.push(escalatedAt);
        c.escalated_time_known.push(timeKnown);
        c.first_response_at.push(firstResponse);
        c.resolved_at.push(resolved);
        c.outcome.push(outcome);
        const bodyLanguage: Language = bodiesBy[language].length ? language : "en";
        c.lang.push(bodyLanguage);
        c.body.push(random.pick(bodiesBy[bodyLanguage]));
        c.reply_count.push(replies);
        c.me_too_count.push(meToo);
        c.created_at.push(createdAt);
        c.last_activity_at.push(lastActivity);
        // A few hidden by moderators: the lists and figures must leave them out.
        c.hidden_at.push(random.chance(0.001) ? lastActivity : null);
      }
      return c;
    },
  };
}
