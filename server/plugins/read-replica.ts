// With DATABASE_READ_URL, pages read from the streaming replica, except for a
// member who has just written: every POST (any non-GET), and a GET that
// changed rows (opening a notification marks it read), leaves a short cookie
// with the primary's WAL position after it, and while the replica has not
// replayed up to there, that browser's pages read the primary. So a member
// always sees their own story, reply or setting, and everyone else sees it as
// soon as the replica does (normally well under a second).
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { sql } from "kysely";
import type { Database } from "../db/connect.js";
import { requestWrote, runWithReads } from "../db/read-routing.js";

export const WROTE_COOKIE = "escalator_wrote";
/** Longer than any lag the replica should ever have; past it, the replica is trusted again. */
const WROTE_COOKIE_SECONDS = 60;
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

function wroteAt(request: FastifyRequest): string | undefined {
  // Read before the cookie plugin parses cookies: this hook runs first, so the session lookup already knows where to read.
  const match = (request.headers.cookie ?? "").match(new RegExp(`(?:^|;\\s*)${WROTE_COOKIE}=([^;]*)`));
  const value = match ? decodeURIComponent(match[1]!) : undefined;
  return value && LSN.test(value) ? value : undefined;
}

export default fp(async function readReplicaPlugin(app: FastifyInstance, { database }: { database: Database }) {
  const replicaHasReplayed = database.replicaHasReplayed;
  if (!replicaHasReplayed) return;

  app.addHook("onRequest", (request, reply, done) => {
    if (request.method !== "GET" && request.method !== "HEAD") return runWithReads(false, done);
    const lsn = wroteAt(request);
    if (!lsn) return runWithReads(true, done);
    replicaHasReplayed(lsn).then(
      (replayed) => runWithReads(replayed, done),
      () => runWithReads(false, done), // the replica is not answering: the primary it is
    );
  });

  app.addHook("onSend", async (request, reply) => {
    if ((request.method === "GET" || request.method === "HEAD") && !requestWrote()) return;
    try {
      const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(app.db);
      const lsn = rows[0]?.lsn;
      // Our onSend runs before the cookie plugin's (registered first), which then writes this header.
      if (lsn) reply.setCookie(WROTE_COOKIE, lsn, { maxAge: WROTE_COOKIE_SECONDS, path: "/", httpOnly: true, sameSite: "lax" });
    } catch (error) {
      request.log.warn({ err: error }, "could not read the primary's WAL position; this member may briefly read an older page");
    }
  });
});
