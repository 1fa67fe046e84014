// A throwaway member for the benchmarks (logged-in pages, posting), removed
// afterwards with everything it wrote, so the data set stays as generated.
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { createSessionManager, SESSION_COOKIE } from "../accounts/session.js";
import { CSRF_COOKIE } from "../plugins/csrf.js";
import type { DB } from "../db/schema.js";
import { normaliseUsername } from "../lib/usernames.js";

export async function createBenchMember(db: Kysely<DB>): Promise<{ id: number; username: string }> {
  const username = `bench_${randomBytes(4).toString("hex")}`;
  // "!" never matches a password hash: nobody can log in as it.
  return db
    .insertInto("users")
    .values({ username, username_key: normaliseUsername(username), password_hash: "!bench" })
    .returning(["id", "username"])
    .executeTakeFirstOrThrow();
}

/** `count` throwaway members, each logged in with a session of its own: the readers of the logged-in rows. */
export async function createLoggedInMembers(db: Kysely<DB>, count: number): Promise<{ id: number; sessionId: string }[]> {
  const sessions = createSessionManager(db, { secure: false });
  const members = [];
  for (let i = 0; i < count; i++) {
    const { id } = await createBenchMember(db);
    members.push({ id, sessionId: (await sessions.createSession(id, { user_agent: "autocannon" })).id });
  }
  return members;
}

/** Deletes the member's stories (the figures triggers recompute their organisations), replies and the member. */
export async function removeBenchMember(db: Kysely<DB>, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("replies").where("author_id", "=", id).execute();
    await trx.deleteFrom("stories").where("author_id", "=", id).execute();
    await trx.deleteFrom("users").where("id", "=", id).execute();
  });
}

/**
 * The headers of a logged-in browser at the running app: the session cookie and the CSRF secret
 * cookie its first page set. Without the second, every request is a first visit (a new secret
 * and a Set-Cookie each time), which no browser does.
 */
export async function memberBrowser(appUrl: string, sessionId: string): Promise<{ cookie: string }> {
  const session = `${SESSION_COOKIE}=${sessionId}`;
  const first = await fetch(`${appUrl}/`, { headers: { cookie: session } });
  await first.arrayBuffer();
  const csrf = first.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  if (!csrf) throw new Error("a member's first page set no CSRF cookie");
  return { cookie: `${session}; ${csrf}` };
}
