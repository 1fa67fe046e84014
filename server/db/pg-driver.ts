// Kysely's Postgres driver, with two things a fleet of instances needs:
// - every query has a deadline (a frozen server must not hold a request for
//   longer than that); a connection that missed it is thrown away, never reused;
// - with a read replica, a lone SELECT outside a transaction may go to the
//   replica when the request allows it (see plugins/read-replica.ts);
//   transactions and every other statement always go to the primary.
// Nothing here sends startup parameters, so it works behind PgBouncer.
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import type pg from "pg";

const WRITES = new Set(["INSERT", "UPDATE", "DELETE", "MERGE"]);

export class QueryTimeoutError extends Error {
  // Counted as "database unreachable" by plugins/errors.ts: the 503 page.
  code = "ETIMEDOUT";
}

export interface PgDriverOptions {
  primary: pg.Pool;
  replica?: pg.Pool;
  /** How long one query may take before the request gives up on it (none when absent). */
  queryTimeoutMs?: number;
  /** Whether the current request may read from the replica. */
  mayReadReplica?: () => boolean;
  /** Told when a statement changed rows, so the request leaves the read-your-writes cookie. */
  noteWrite?: () => void;
  /** Sent with every BEGIN in the same round trip (SET LOCAL …): each transaction carries its own timeouts. */
  beginStatements?: string;
}

class PgConnection implements DatabaseConnection {
  #client: pg.PoolClient | undefined;
  #broken = false;
  #inTransaction = false;

  constructor(private readonly options: PgDriverOptions) {}

  async #clientFor(query: CompiledQuery): Promise<pg.PoolClient> {
    if (this.#client) return this.#client;
    const { replica, primary, mayReadReplica } = this.options;
    if (replica && !this.#inTransaction && query.query.kind === "SelectQueryNode" && mayReadReplica?.()) {
      try {
        this.#client = await replica.connect();
        return this.#client;
      } catch {
        // A replica that is down must not take the pages with it: read the primary.
      }
    }
    this.#client = await primary.connect();
    return this.#client;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#broken) throw new QueryTimeoutError("the database connection was abandoned after a timeout");
    const client = await this.#clientFor(compiledQuery);
    const running = client.query(compiledQuery.sql, [...compiledQuery.parameters]);
    const { command, rowCount, rows } = await this.#withDeadline(running);
    if (WRITES.has(command) && (rowCount ?? 0) > 0) this.options.noteWrite?.();
    return {
      numAffectedRows: WRITES.has(command) ? BigInt(rowCount ?? 0) : undefined,
      rows: (rows ?? []) as R[],
    };
  }

  async #withDeadline<T>(running: Promise<T>): Promise<T> {
    const ms = this.options.queryTimeoutMs;
    if (!ms) return running;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.#broken = true;
        running.catch(() => {}); // settles when the connection is destroyed on release
        reject(new QueryTimeoutError(`the database did not answer within ${ms} ms`));
      }, ms);
    });
    try {
      return await Promise.race([running, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  // eslint-disable-next-line require-yield -- nothing streams; Kysely's interface asks for it.
  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error("streaming is not used by Escalator");
  }

  async begin(settings: TransactionSettings): Promise<void> {
    this.#inTransaction = true;
    let begin = "begin";
    if (settings.isolationLevel) begin += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) begin += ` ${settings.accessMode}`;
    const extra = this.options.beginStatements ? `; ${this.options.beginStatements}` : "";
    await this.executeQuery(CompiledQuery.raw(begin + extra));
  }

  end(): void {
    this.#inTransaction = false;
  }

  release(): void {
    // A client whose query missed its deadline may still get that answer later: destroy it.
    this.#client?.release(this.#broken ? true : undefined);
    this.#client = undefined;
  }
}

function own(connection: DatabaseConnection): PgConnection {
  if (!(connection instanceof PgConnection)) throw new Error("not a connection of this driver");
  return connection;
}

export class PgDriver implements Driver {
  constructor(private readonly options: PgDriverOptions) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    // The pool is asked when the first query shows where it should go.
    return new PgConnection(this.options);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await own(connection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
    own(connection).end();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw("rollback"));
    } finally {
      own(connection).end();
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    own(connection).release();
  }

  async destroy(): Promise<void> {
    await Promise.all([this.options.primary.end(), this.options.replica?.end()]);
  }
}

export function pgDialect(options: PgDriverOptions): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PgDriver(options),
    createIntrospector: (db: Kysely<any>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
