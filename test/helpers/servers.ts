// The extra servers of the multi-instance tests (.ci/scaling-services starts
// them): PgBouncer in transaction mode, a primary with a streaming replica,
// and a cluster of its own for the freeze test.
// Without their variables the tests are skipped locally, and fail under CI —
// except TEST_DATABASE_URL, which CI leaves unset on purpose for its run on the
// embedded database (it runs those tests in its run on the server).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, it } from "vitest";

export type ServerVariable = "TEST_DATABASE_URL" | "TEST_PGBOUNCER_URL" | "TEST_PRIMARY_URL" | "TEST_REPLICA_URL" | "TEST_FREEZABLE_URL" | "TEST_FREEZABLE_DATA";

/** describe(), when every named server is configured; otherwise skipped, or one failing test under CI=true. */
export function describeWithServers(names: ServerVariable[], title: string, body: () => void) {
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length === 0) return describe(title, body);
  if (process.env.CI === "true" && missing.some((name) => name !== "TEST_DATABASE_URL")) {
    return describe(title, () => {
      it(`needs ${missing.join(", ")} (bash .ci/scaling-services start)`, () => {
        throw new Error(`CI must run this with ${missing.join(", ")} set`);
      });
    });
  }
  return describe.skip(title, body);
}

export function env(name: ServerVariable): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export async function query(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** A new, empty database on the server behind serverUrl; drop() removes it (and its connections). */
export async function createServerDatabase(serverUrl: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `escalator_t_${randomBytes(5).toString("hex")}`;
  await query(serverUrl, `create database ${name}`);
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => query(serverUrl, `drop database if exists ${name} with (force)`).then(() => undefined),
  };
}

/** Polls check until it returns true, for at most ms; throws otherwise. */
export async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
