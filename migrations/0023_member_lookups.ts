// The two lookups every member's page makes, as PL/pgSQL functions: PL/pgSQL keeps
// each statement's plan per connection, so a call costs its execution only, not the
// planning of a join over stories' many indexes (which cost more than running it).
// Plain calls with parameters: they work through a transaction-mode PgBouncer, which
// prepared statements do not. The rows are the ones the app's queries returned
// (server/accounts/session.ts, server/stories/queries.ts); the unread cap is a parameter.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // A session by its token's hash, with its member and their unread count (up to `unread_cap`).
  await sql`create function session_lookup(token_hash text, unread_cap integer)
    returns table (user_id integer, expires_at timestamptz, user_agent text, last_seen_at timestamptz,
      username text, role text, banned_until timestamptz, ban_reason text, unread integer)
    language plpgsql stable as $$
    #variable_conflict use_column
    begin
      return query
        select s.user_id, s.expires_at, s.user_agent, s.last_seen_at, u.username, u.role, u.banned_until, u.ban_reason,
          (select count(*)::integer from (
            select n.id from notifications n
              join stories st on st.id = n.story_id
              left join replies r on r.id = n.reply_id
            where n.user_id = u.id and n.read_at is null
              and (n.reply_id is null or (r.deleted_at is null and r.hidden_at is null))
              and st.deleted_at is null and st.hidden_at is null
            limit unread_cap) unread)
        from sessions s join users u on u.id = s.user_id
        where s.id = token_hash;
    end $$`.execute(db);

  // A thread's head: what decides whether a kept rendering is current, and (for a member) their own flags.
  await sql`create function thread_head(story integer, viewer integer)
    returns table (id integer, slug text, hidden_at timestamptz, hidden_reason text, version text, me_too boolean, following boolean)
    language plpgsql stable as $$
    #variable_conflict use_column
    begin
      return query
        select s.id, s.slug, s.hidden_at, s.hidden_reason,
          coalesce((select v.version from story_versions v where v.story_id = s.id), 0)
            || '.' || (select c.version from organisations c where c.id = s.company_id)
            || '.' || coalesce((select o.version from organisations o where o.id = s.other_party_id), 0),
          viewer is not null and exists (select 1 from me_toos m where m.story_id = s.id and m.user_id = viewer),
          viewer is not null and exists (select 1 from story_follows f where f.user_id = viewer and f.story_id = s.id)
        from stories s
        where s.id = story and s.deleted_at is null;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function thread_head(integer, integer)`.execute(db);
  await sql`drop function session_lookup(text, integer)`.execute(db);
}
