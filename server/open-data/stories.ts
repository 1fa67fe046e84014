// The open data per story: every visible story with its path, in the list's
// order and filters, a page at a time (keyset, like the front page). Hidden
// and deleted stories never appear: the page comes from listStories, which
// reads visible stories only, and the details are read for those ids alone.
import type { Kysely } from "kysely";
import { figureDefinitions } from "../companies/export.js";
import type { DB } from "../db/schema.js";
import type { Messages } from "../i18n/index.js";
import type { ContentLanguage } from "../lib/content-language.js";
import { storyPath } from "../lib/paths.js";
import type { ListQuery } from "../stories/list-schema.js";
import { listStories } from "../stories/queries.js";

/** The licence; its attribution is worded in the catalogue's language (openData.attribution). */
export const LICENCE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

/** The figures' definitions, then the words of the path, in the catalogue's language. */
export const definitions = (t: Messages) => [
  ...figureDefinitions(t),
  ...Object.entries(t.openData.stepDefinitions).map(([key, d]) => ({ key, ...d })),
];

export interface OpenStep {
  position: number;
  organisation: string;
  organisation_slug: string;
  party: "company" | "other_party";
  written_at: string;
  written_time_known: boolean;
  channel: string;
  written_to: string;
  answered_at: string | null;
  answered_by: string | null;
  result: string | null;
}

export interface OpenStory {
  id: number;
  url: string;
  title: string;
  /** The language of the title and story (en, de): stories.lang. */
  lang: ContentLanguage;
  author: string;
  company: string;
  company_slug: string;
  other_party: string | null;
  other_party_slug: string | null;
  product: string | null;
  country: string;
  channel: string;
  escalated_to: string;
  escalated_at: string;
  escalated_time_known: boolean;
  first_response_at: string | null;
  answered_by: string | null;
  response_seconds: number | null;
  resolved_at: string | null;
  outcome: string;
  created_at: string;
  path: OpenStep[];
}

export interface OpenPage {
  stories: OpenStory[];
  nextAfter: number | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function openStories(db: Kysely<DB>, query: ListQuery, limit: number): Promise<OpenPage> {
  const page = await listStories(db, { ...query, limit });
  const ids = page.stories.map((s) => s.id);
  if (ids.length === 0) return { stories: [], nextAfter: null };
  const [details, steps] = await Promise.all([
    db.selectFrom("stories as s")
      .innerJoin("organisations as c", "c.id", "s.company_id")
      .leftJoin("organisations as o", "o.id", "s.other_party_id")
      .innerJoin("users as u", "u.id", "s.author_id")
      .where("s.id", "in", ids)
      .select([
        "s.id", "s.slug", "s.title", "s.lang", "s.product", "s.country", "s.channel", "s.escalated_to", "s.escalated_at", "s.escalated_time_known",
        "s.first_response_at", "s.answered_by", "s.response_seconds", "s.resolved_at", "s.outcome", "s.created_at",
        "c.name as company_name", "c.slug as company_slug", "o.name as other_party_name", "o.slug as other_party_slug", "u.username",
      ])
      .execute(),
    db.selectFrom("story_steps").selectAll().where("story_id", "in", ids).orderBy("story_id").orderBy("position").execute(),
  ]);
  const byId = new Map(details.map((d) => [d.id, d]));
  const pathOf = new Map<number, typeof steps>();
  for (const step of steps) pathOf.set(step.story_id, [...(pathOf.get(step.story_id) ?? []), step]);
  const stories = ids.flatMap((id): OpenStory[] => {
    const s = byId.get(id);
    if (!s) return [];
    return [{
      id: s.id, url: storyPath(s), title: s.title, lang: s.lang, author: s.username,
      company: s.company_name, company_slug: s.company_slug, other_party: s.other_party_name, other_party_slug: s.other_party_slug,
      product: s.product, country: s.country, channel: s.channel, escalated_to: s.escalated_to,
      escalated_at: s.escalated_at.toISOString(), escalated_time_known: s.escalated_time_known,
      first_response_at: iso(s.first_response_at), answered_by: s.answered_by, response_seconds: s.response_seconds,
      resolved_at: iso(s.resolved_at), outcome: s.outcome, created_at: s.created_at.toISOString(),
      path: (pathOf.get(id) ?? []).map((p) => {
        const other = p.party === "other_party" && s.other_party_name !== null;
        return {
          position: p.position, party: p.party,
          organisation: other ? s.other_party_name! : s.company_name, organisation_slug: other ? s.other_party_slug! : s.company_slug,
          written_at: p.written_at.toISOString(), written_time_known: p.written_time_known, channel: p.channel, written_to: p.written_to,
          answered_at: iso(p.answered_at), answered_by: p.answered_by, result: p.result,
        };
      }),
    }];
  });
  return { stories, nextAfter: page.nextAfter };
}

/** One CSV row per step, the story's columns repeated on each (a story without steps gets one row). */
export const CSV_HEADER = [
  "story_id", "url", "title", "lang", "author", "company", "company_slug", "other_party", "other_party_slug", "product", "country",
  "channel", "escalated_to", "escalated_at", "first_response_at", "answered_by", "response_seconds", "resolved_at", "outcome", "created_at",
  "step", "step_organisation", "step_party", "step_written_at", "step_channel", "step_written_to", "step_answered_at", "step_answered_by", "step_result",
];

export function csvRows(stories: OpenStory[]): (string | number | boolean | null)[][] {
  return stories.flatMap((s) => {
    const story = [s.id, s.url, s.title, s.lang, s.author, s.company, s.company_slug, s.other_party, s.other_party_slug, s.product, s.country,
      s.channel, s.escalated_to, s.escalated_at, s.first_response_at, s.answered_by, s.response_seconds, s.resolved_at, s.outcome, s.created_at];
    if (s.path.length === 0) return [[...story, null, null, null, null, null, null, null, null, null]];
    return s.path.map((p) => [...story, p.position, p.organisation, p.party, p.written_at, p.channel, p.written_to, p.answered_at, p.answered_by, p.result]);
  });
}
