// What a shared link or a search engine learns about a page: canonical path,
// description from the facts, Open Graph / Twitter card, schema.org data.
import type { Figures, Period } from "../companies/figures.js";
import { figureFormat } from "../companies/format.js";
import { OUTCOMES, ROLES } from "../lib/enums.js";
import type { I18n } from "../i18n/index.js";
import { companyPath, storyPath } from "../lib/paths.js";

export interface PageMeta {
  /** Site-relative canonical path; the layout prefixes the site's base. */
  path: string;
  description: string;
  ogType: "website" | "article";
  /** schema.org JSON-LD, rendered as a data block (never executed, so the CSP is unaffected). */
  structuredData?: (base: string) => Record<string, unknown>;
}

const DESCRIPTION_LIMIT = 200;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= DESCRIPTION_LIMIT ? flat : `${flat.slice(0, DESCRIPTION_LIMIT - 1).trimEnd()}…`;
}

interface StoryFacts {
  id: number;
  slug: string;
  title: string;
  company_name: string;
  other_party_name: string | null;
  country: string;
  outcome: keyof typeof OUTCOMES;
  escalated_at: Date;
  escalated_time_known: boolean;
  first_response_at: Date | null;
  first_response_time_known: boolean;
  answered_by: keyof typeof ROLES | null;
  created_at: Date;
  edited_at: Date | null;
  author_username: string;
  reply_count: number;
}

/** `path` is the unprefixed page; the layout names it in the page's language. */
export function storyMeta(story: StoryFacts, { t, fmt }: I18n, path = storyPath(story)): PageMeta {
  const m = t.stories.meta;
  const response = fmt.response(story);
  const answer = response === null ? m.noResponse : `${m.answeredIn(response)}${story.answered_by ? m.by(t.enums.role[story.answered_by]) : ""}`;
  const facts = [
    `${m.escalatedTo(story.company_name)}${story.other_party_name ? m.after(story.other_party_name) : ""}`,
    answer,
    m.outcome(t.enums.outcome[story.outcome]),
    fmt.country(story.country),
  ];
  return {
    path,
    description: clip(facts.join(" · ")),
    ogType: "article",
    structuredData: (base) => ({
      "@context": "https://schema.org",
      "@type": "DiscussionForumPosting",
      headline: story.title,
      url: base + path,
      datePublished: story.created_at.toISOString(),
      ...(story.edited_at ? { dateModified: story.edited_at.toISOString() } : {}),
      author: { "@type": "Person", name: story.author_username, url: `${base}/u/${encodeURIComponent(story.author_username)}` },
      about: { "@type": "Organization", name: story.company_name },
      commentCount: story.reply_count,
    }),
  };
}

/** The company page's description, in the page's language. */
export function companyMeta(organisation: { slug: string; name: string }, figures: Figures | undefined, period: Period, i18n: I18n): PageMeta {
  const m = i18n.t.companyPage.meta, fmt = figureFormat(i18n);
  const summary = figures && figures.stories > 0
    ? m.summary(fmt.count(figures.stories), figures.stories === 1, i18n.t.companies.periodsInText[period], fmt.percent(figures.responseRate), fmt.duration(figures.medianSeconds), fmt.percent(figures.resolutionRate))
    : m.none;
  return { path: companyPath(organisation), description: clip(`${organisation.name}: ${summary}`), ogType: "website" };
}

export function listMeta(path: string, description: string): PageMeta {
  return { path, description: clip(description), ogType: "website" };
}

/** JSON for a <script type="application/ld+json"> block: no "<" survives, so no "</script>" either. */
export function jsonLd(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
