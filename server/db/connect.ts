// Chooses the database: a Postgres server through pg when a URL is given, the
// embedded PGlite otherwise. Both answer with the same JavaScript types.
import { Kysely } from "kysely";
import pg from "pg";
import { pgDialect } from "./pg-driver.js";
import { SET_LOCAL_DEFAULTS, WORKER_SET_LOCAL_DEFAULTS } from "./session-defaults.js";
import type { DB } from "./schema.js";

// bigint (count(*), sums) and numeric (percentiles, averages) as numbers on
// both databases; pg alone would give strings.
const INT8 = 20;
const NUMERIC = 1700;
const toNumber = (value: string) => Number(value);

export type DatabaseTarget =
  | {
      kind: "postgres";
      url: string;
      /** A streaming replica the pages may read from (see plugins/read-replica.ts). */
      readUrl?: string;
      schema?: string;
      poolSize?: number;
      /** The longest wait for a connection from the pool (default 5 s). */
      connectTimeoutMs?: number;
      /** The longest wait for one query's answer, client side (default: none, only the server's statement timeout). */
      queryTimeoutMs?: number;
      /** Whether the current request may read from the replica. */
      mayReadReplica?: () => boolean;
      /** Told when a statement changed rows (see db/read-routing.ts). */
      noteWrite?: () => void;
      /** Whether to open the figures worker's own pool (Database.workerDb). */
      workerPool?: boolean;
    }
  | { kind: "pglite"; dataDir?: string };

export interface PoolStats {
  pool: "primary" | "replica" | "worker";
  total: number;
  idle: number;
  waiting: number;
}

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseTarget["kind"];
  /** Where the data lives, for the start-up line; never includes a password. */
  describe: string;
  /** Connections in use and requests waiting for one (Postgres only). */
  poolStats?: () => PoolStats[];
  /** With a read replica: whether it has replayed the primary's WAL up to lsn. */
  replicaHasReplayed?: (lsn: string) => Promise<boolean>;
  /**
   * The figures worker's own small pool on the primary, without the requests' deadline
   * (its transactions' statement timeout is 120 s): a burst of requests cannot starve it, nor it them.
   * Absent (PGlite, scripts): the worker shares db.
   */
  workerDb?: Kysely<DB>;
  close(): Promise<void>;
}

/** The figures worker's pool: one connection for the figures and two for the pages (companies/worker.ts drains them side by side). */
export const WORKER_POOL_SIZE = 3;

export interface PoolErrorLogger {
  (error: Error): void;
}

function createPool(url: string, target: Extract<DatabaseTarget, { kind: "postgres" }>, onIdleError: PoolErrorLogger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: target.poolSize ?? 10,
    connectionTimeoutMillis: target.connectTimeoutMs ?? 5_000,
    // A peer that vanished (not one that is merely slow) is noticed by the kernel.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // No other startup parameter: PgBouncer refuses them. The server's timeouts
    // come as db/session-defaults.ts explains. A test schema is the one
    // exception; tests never pass one through PgBouncer.
    options: target.schema ? `-c search_path=${target.schema}` : undefined,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8 || oid === NUMERIC ? toNumber : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // Without listeners, a connection dropped while idle in the pool, or while a
  // request holds it between queries, would exit the process. The pool
  // replaces a broken client on the next checkout.
  pool.on("error", onIdleError);
  pool.on("connect", (client) => client.on("error", onIdleError));
  return pool;
}

export function connectPostgres(
  target: Extract<DatabaseTarget, { kind: "postgres" }>,
  onIdleError: PoolErrorLogger,
): Database {
  const primary = createPool(target.url, target, onIdleError);
  const replica = target.readUrl ? createPool(target.readUrl, target, onIdleError) : undefined;
  const worker = target.workerPool ? createPool(target.url, { ...target, poolSize: WORKER_POOL_SIZE, connectTimeoutMs: undefined }, onIdleError) : undefined;
  const workerDb = worker && new Kysely<DB>({ dialect: pgDialect({ primary: worker, beginStatements: WORKER_SET_LOCAL_DEFAULTS }) });
  const db = new Kysely<DB>({
    dialect: pgDialect({
      primary,
      replica,
      queryTimeoutMs: target.queryTimeoutMs,
      mayReadReplica: target.mayReadReplica,
      noteWrite: target.noteWrite,
      beginStatements: SET_LOCAL_DEFAULTS,
    }),
  });
  const url = new URL(target.url);
  const stats = (pool: pg.Pool, name: PoolStats["pool"]): PoolStats => ({ pool: name, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  return {
    db,
    kind: "postgres",
    describe:
      `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}${target.schema ? ` (schema ${target.schema})` : ""}` +
      (target.readUrl ? `, reading from a replica at ${new URL(target.readUrl).host}` : ""),
    poolStats: () => [stats(primary, "primary"), ...(replica ? [stats(replica, "replica")] : []), ...(worker ? [stats(worker, "worker")] : [])],
    workerDb,
    replicaHasReplayed: replica
      ? async (lsn) => {
          // A replica slower than a query's deadline counts as behind: the page reads the primary.
          const asked = replica.query<{ replayed: boolean }>("select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, true) as replayed", [lsn]);
          asked.catch(() => {});
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), target.queryTimeoutMs ?? 5_000)));
          try {
            const answer = await Promise.race([asked, late]);
            return answer !== false && answer.rows[0]?.replayed === true;
          } finally {
            clearTimeout(timer);
          }
        }
      : undefined,
    close: async () => {
      await Promise.all([db.destroy(), workerDb?.destroy()]);
    },
  };
}

export async function connectPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<Database> {
  // Loaded only here: a server on PostgreSQL does not carry the embedded database (7 MB of its RSS).
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([import("@electric-sql/pglite"), import("kysely-pglite-dialect")]);
  const client = await PGlite.create({
    dataDir: target.dataDir,
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber },
  });
  // PGliteDialect hands out its single connection one holder at a time, so two
  // requests' transactions never interleave on it.
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: "pglite",
    describe: target.dataDir ? `embedded PGlite in ${target.dataDir}` : "embedded PGlite in memory",
    close: () => db.destroy(),
  };
}
