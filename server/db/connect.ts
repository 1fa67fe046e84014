// Chooses the database: a Postgres server through pg when a URL is given, the
// embedded PGlite otherwise. Both answer with the same JavaScript types.
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { DB } from "./schema.js";

// bigint (count(*), sums) and numeric (percentiles, averages) as numbers on
// both databases; pg alone would give strings.
const INT8 = 20;
const NUMERIC = 1700;
const toNumber = (value: string) => Number(value);

export type DatabaseTarget =
  | { kind: "postgres"; url: string; schema?: string; poolSize?: number }
  | { kind: "pglite"; dataDir?: string };

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseTarget["kind"];
  /** Where the data lives, for the start-up line; never includes a password. */
  describe: string;
  close(): Promise<void>;
}

export interface PoolErrorLogger {
  (error: Error): void;
}

export function connectPostgres(
  target: Extract<DatabaseTarget, { kind: "postgres" }>,
  onIdleError: PoolErrorLogger,
): Database {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 15_000,
    lock_timeout: 5_000,
    idle_in_transaction_session_timeout: 30_000,
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
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(target.url);
  return {
    db,
    kind: "postgres",
    describe: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}${target.schema ? ` (schema ${target.schema})` : ""}`,
    close: () => db.destroy(),
  };
}

export async function connectPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<Database> {
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
