// Sessions, as lucia v3's guide does them, behind this one module so that
// replacing lucia (in maintenance) touches only this file. The adapter is ours,
// over Kysely: it stores the SHA-256 of the browser's token, never the token,
// and gives lucia only the user columns a page may see (no password hash).
import { createHash } from "node:crypto";
import DataLoader from "dataloader";
import { sql, type Kysely, type Selectable } from "kysely";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import type { DB } from "../db/schema.js";
import type { UserRole } from "../lib/enums.js";
import { UNREAD_CAP } from "../notifications/queries.js";

export const SESSION_COOKIE = "escalator_session";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

interface UserAttributes {
  username: string;
  role: UserRole;
  banned_until: Date | null;
  ban_reason: string | null;
  /** The header's unread-notification count, read with the session: one round trip for both on every member page. */
  unread_notifications: number;
}

interface SessionAttributes {
  user_agent: string;
  /** When the session was last recorded as used (absent on a session being created). */
  last_seen_at?: Date;
}

declare module "lucia" {
  interface Register {
    Lucia: SessionManager;
    UserId: number;
    DatabaseUserAttributes: UserAttributes;
    DatabaseSessionAttributes: SessionAttributes;
  }
}

/** A session with its member, as session_lookup() returns it: the unread count is of visible notifications, up to the cap. */
type SessionRow = Pick<Selectable<DB["sessions"]>, "user_id" | "expires_at" | "user_agent" | "last_seen_at">
  & Pick<Selectable<DB["users"]>, "username" | "role" | "banned_until" | "ban_reason"> & { unread: number };

/** At most this many sessions are read in one statement. */
const LOOKUPS_PER_STATEMENT = 100;

class KyselySessionAdapter implements Adapter {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Member requests that arrive together read their sessions in one statement: a member's page
   * costs this lookup's round trip, and under load a round trip per request was most of what a
   * member's company page cost beyond a visitor's. The requests one turn of the event loop took
   * in are read after it (setImmediate), so each read begins after its request arrived; nothing
   * is kept between reads (cache: false), so a session ended elsewhere is ended here at once.
   */
  private readonly lookups = new DataLoader<string, SessionRow | undefined>((hashes) => this.lookUp(hashes), {
    cache: false,
    maxBatchSize: LOOKUPS_PER_STATEMENT,
    batchScheduleFn: (read) => setImmediate(read),
  });

  private async lookUp(hashes: readonly string[]): Promise<(SessionRow | undefined)[]> {
    // A PL/pgSQL function (migrations/0023): its plan is kept per connection, where this
    // three-table statement on every member request was planned anew each time.
    // Selected from as a table, so it is a SELECT the driver may send to a read replica, as before.
    const rows = await this.db
      .selectFrom(sql<SessionRow & { token_hash: string }>`(select t.token_hash, s.* from unnest(${[...new Set(hashes)]}::text[]) as t(token_hash),
        lateral session_lookup(t.token_hash, ${UNREAD_CAP}) as s)`.as("s"))
      .selectAll()
      .execute();
    const byHash = new Map(rows.map(({ token_hash, ...row }) => [token_hash, row]));
    return hashes.map((hash) => byHash.get(hash));
  }

  async getSessionAndUser(token: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.lookups.load(hashToken(token));
    if (!row) return [null, null];
    const user = { username: row.username, role: row.role, banned_until: row.banned_until, ban_reason: row.ban_reason, unread_notifications: row.unread };
    return [
      { id: token, userId: row.user_id, expiresAt: row.expires_at, attributes: { user_agent: row.user_agent, last_seen_at: row.last_seen_at } },
      { id: row.user_id, attributes: user },
    ];
  }

  async getUserSessions(userId: number): Promise<DatabaseSession[]> {
    // The tokens are not stored, so these ids are the hashes: use them only with this module's own functions.
    const rows = await this.db.selectFrom("sessions").where("user_id", "=", userId).select(["id", "expires_at", "user_agent"]).execute();
    return rows.map((r) => ({ id: r.id, userId, expiresAt: r.expires_at, attributes: { user_agent: r.user_agent } }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db
      .insertInto("sessions")
      .values({ id: hashToken(session.id), user_id: session.userId, expires_at: session.expiresAt, user_agent: session.attributes.user_agent.slice(0, 300) })
      .execute();
  }

  async updateSessionExpiration(token: string, expiresAt: Date): Promise<void> {
    await this.db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", hashToken(token)).execute();
  }

  async deleteSession(token: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", hashToken(token)).execute();
  }

  async deleteUserSessions(userId: number): Promise<void> {
    await this.db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom("sessions").where("expires_at", "<=", new Date()).execute();
  }
}

export type SessionManager = Lucia<SessionAttributes, UserAttributes>;

export function createSessionManager(db: Kysely<DB>, opts: { secure: boolean }): SessionManager {
  return new Lucia(new KyselySessionAdapter(db), {
    // Thirty days, extended by lucia whenever a visit comes in the second half.
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: { name: SESSION_COOKIE, attributes: { sameSite: "lax", secure: opts.secure } },
    getSessionAttributes: (attributes) => ({ user_agent: attributes.user_agent, last_seen_at: attributes.last_seen_at }),
    getUserAttributes: (attributes) => ({
      username: attributes.username,
      role: attributes.role,
      banned_until: attributes.banned_until,
      ban_reason: attributes.ban_reason,
      unread_notifications: attributes.unread_notifications,
    }),
  });
}

export type { Session, User as SessionUser } from "lucia";
