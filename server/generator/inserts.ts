// The generator's writes: one statement per batch, `insert … select from
// unnest(…)` over column arrays, or a set-based insert derived from the stories
// already written (replies, "me too"s). No COPY dependency needed.
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { organisationKey, slugify } from "../lib/slug.js";
import { normaliseUsername } from "../lib/usernames.js";
import { fakeOrganisations, fakeUsernames } from "./fake-names.js";
import type { Language } from "./fake-text.js";
import type { Random } from "./random.js";
import { profileOrganisations, type OrganisationProfile, type StoryColumns } from "./story-rows.js";

const DAY = 86_400_000;

export interface RenderedBodies {
  md: string[];
  html: string[];
  /** Each body's language (replies.lang). */
  lang: Language[];
}

export async function insertOrganisations(db: Kysely<DB>, random: Random, count: number): Promise<OrganisationProfile[]> {
  const drawn = fakeOrganisations(random, count);
  const seenSlugs = new Set<string>();
  const unique = drawn.filter((o) => {
    const slug = slugify(o.name, "organisation");
    return !seenSlugs.has(slug) && seenSlugs.add(slug);
  });
  const slugs = unique.map((o) => slugify(o.name, "organisation"));
  // In an appended run the same names may exist already: reuse those organisations.
  await sql`
    insert into organisations (slug, name, kind)
    select * from unnest(${slugs}::text[], ${unique.map((o) => o.name)}::text[], ${unique.map((o) => o.kind)}::text[])
    on conflict (slug) do nothing`.execute(db);
  await sql`
    insert into organisation_aliases (organisation_id, alias, alias_key)
    select o.id, a.name, a.key
    from unnest(${slugs}::text[], ${unique.map((o) => o.name)}::text[], ${unique.map((o) => organisationKey(o.name))}::text[]) as a(slug, name, key)
    join organisations o on o.slug = a.slug
    on conflict (alias_key) do nothing`.execute(db);
  const { rows } = await sql<{ id: number; slug: string }>`select id, slug from organisations where slug = any(${slugs}::text[])`.execute(db);
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  // Kept in drawing order: the first organisations are the most escalated to.
  return profileOrganisations(random, unique.map((o, i) => ({ ...o, id: ids.get(slugs[i]!)! })));
}

export async function insertUsers(db: Kysely<DB>, random: Random, count: number, now: number, tag: string): Promise<number[]> {
  const names = fakeUsernames(random, count, tag);
  const keys = names.map(normaliseUsername);
  // "!" never matches a password hash: generated members cannot be logged into.
  await sql`
    insert into users (username, username_key, password_hash, created_at)
    select u.name, u.key, '!generated', to_timestamp(u.joined / 1000.0)
    from unnest(${names}::text[], ${keys}::text[], ${names.map(() => now - random.int(30, 7 * 365) * DAY)}::float8[]) as u(name, key, joined)
    on conflict (username_key) do nothing`.execute(db);
  const { rows } = await sql<{ id: number; key: string }>`select id, username_key as key from users where username_key = any(${keys}::text[])`.execute(db);
  const ids = new Map(rows.map((r) => [r.key, r.id]));
  return keys.map((k) => ids.get(k)!);
}

export async function insertStories(db: Kysely<DB>, c: StoryColumns, bodies: RenderedBodies): Promise<void> {
  const time = (column: string) => sql`to_timestamp(${sql.ref(`r.${column}`)} / 1000.0)`;
  await sql`
    insert into stories (author_id, title, slug, company_id, other_party_id, product, country, channel, escalated_to, answered_by,
      escalated_at, escalated_time_known, first_response_at, resolved_at, outcome, lang, body_md, body_html, reply_count, me_too_count,
      created_at, last_activity_at, hidden_at, hidden_reason)
    select r.author_id, r.title, r.slug, r.company_id, r.other_party_id, r.product, r.country, r.channel, r.escalated_to, r.answered_by,
      ${time("escalated_at")}, r.escalated_time_known, ${time("first_response_at")}, ${time("resolved_at")}, r.outcome, r.lang,
      b.md[r.body], b.html[r.body], r.reply_count, r.me_too_count,
      ${time("created_at")}, ${time("last_activity_at")}, ${time("hidden_at")},
      case when r.hidden_at is not null then 'Hidden by a moderator (generated data)' end
    from unnest(
      ${c.author_id}::integer[], ${c.title}::text[], ${c.slug}::text[], ${c.company_id}::integer[], ${c.other_party_id}::integer[],
      ${c.product}::text[], ${c.country}::text[], ${c.channel}::text[], ${c.escalated_to}::text[], ${c.answered_by}::text[],
      ${c.escalated_at}::float8[], ${c.escalated_time_known}::boolean[], ${c.first_response_at}::float8[], ${c.resolved_at}::float8[],
      ${c.outcome}::text[], ${c.lang}::text[], ${c.body}::integer[], ${c.reply_count}::integer[], ${c.me_too_count}::integer[],
      ${c.created_at}::float8[], ${c.last_activity_at}::float8[], ${c.hidden_at}::float8[]
    ) as r(author_id, title, slug, company_id, other_party_id, product, country, channel, escalated_to, answered_by,
      escalated_at, escalated_time_known, first_response_at, resolved_at, outcome, lang, body, reply_count, me_too_count,
      created_at, last_activity_at, hidden_at)
    cross join (select ${bodies.md}::text[] as md, ${bodies.html}::text[] as html) as b`.execute(db);
}

/** Top-level replies, spread evenly between a story's posting and its latest activity. */
export async function insertReplies(
  db: Kysely<DB>,
  o: { from: number; to: number; users: readonly number[]; bodies: RenderedBodies },
): Promise<void> {
  // Deterministic picks (a hash of story id and reply number), so a seed gives one data set.
  // The ids are drawn here, so each top-level reply's thread path (its own
  // padded id, migrations/0008_1) goes in with it: a bulk load may run with
  // triggers off (session_replication_role = replica).
  await sql`
    insert into replies (id, thread_path, story_id, author_id, depth, lang, body_md, body_html, created_at)
    overriding system value
    select r.id, lpad(r.id::text, 10, '0'), r.story_id, r.author_id, 0, r.lang, r.body_md, r.body_html, r.created_at
    from (
      select nextval(pg_get_serial_sequence('replies', 'id')) as id, s.id as story_id,
        u.ids[1 + ((s.id::bigint * 7919 + k * 104729) % cardinality(u.ids))::integer] as author_id,
        b.md[1 + ((s.id::bigint * 31 + k * 17) % cardinality(b.md))::integer] as body_md,
        b.html[1 + ((s.id::bigint * 31 + k * 17) % cardinality(b.md))::integer] as body_html,
        b.lang[1 + ((s.id::bigint * 31 + k * 17) % cardinality(b.md))::integer] as lang,
        s.created_at + (s.last_activity_at - s.created_at) * (k::float8 / s.reply_count) as created_at
      from stories s
      cross join lateral generate_series(1, s.reply_count) as k
      cross join (select ${[...o.users]}::integer[] as ids) as u
      cross join (select ${o.bodies.md}::text[] as md, ${o.bodies.html}::text[] as html, ${o.bodies.lang}::text[] as lang) as b
      where s.id between ${o.from} and ${o.to}
    ) as r`.execute(db);
}

/** One "me too" row per counted member: consecutive picks from the member list never repeat within a story. */
export async function insertMeToos(db: Kysely<DB>, o: { from: number; to: number; users: readonly number[]; now: number }): Promise<void> {
  await sql`
    insert into me_toos (story_id, user_id, created_at)
    select s.id, u.ids[1 + ((s.id::bigint * 7 + k) % cardinality(u.ids))::integer],
      least(to_timestamp(${o.now} / 1000.0), s.created_at + k * interval '1 hour')
    from stories s
    cross join lateral generate_series(1, s.me_too_count) as k
    cross join (select ${[...o.users]}::integer[] as ids) as u
    where s.id between ${o.from} and ${o.to} and s.me_too_count > 0`.execute(db);
}
