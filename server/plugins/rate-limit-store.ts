// @fastify/rate-limit's store interface over the rate_limit_hits table
// (migrations/0010), so all instances count against one limit. A window starts
// with a key's first hit and lasts timeWindow, as in the plugin's own stores.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Expired counters are swept by every this-many hits of an instance. */
const SWEEP_EVERY = 200;

export function postgresRateLimitStore(db: Kysely<DB>): FastifyRateLimitStoreCtor {
  let hitsSinceSweep = 0;

  const incr = async (key: string, timeWindow: number) => {
    const { rows } = await sql<{ current: number; ttl: number }>`
      insert into rate_limit_hits as h (key, hits, resets_at)
      values (${key}, 1, now() + ${timeWindow} * interval '1 millisecond')
      on conflict (key) do update set
        hits = case when h.resets_at <= now() then 1 else h.hits + 1 end,
        resets_at = case when h.resets_at <= now() then excluded.resets_at else h.resets_at end
      returning hits as current, greatest(0, ceil(extract(epoch from h.resets_at - now()) * 1000))::integer as ttl`.execute(db);
    if (++hitsSinceSweep >= SWEEP_EVERY) {
      hitsSinceSweep = 0;
      await sql`delete from rate_limit_hits where resets_at < now()`.execute(db);
    }
    return rows[0]!;
  };

  const read = async (key: string) => {
    const { rows } = await sql<{ current: number; ttl: number }>`
      select hits as current, greatest(0, ceil(extract(epoch from resets_at - now()) * 1000))::integer as ttl
      from rate_limit_hits where key = ${key} and resets_at > now()`.execute(db);
    return rows[0] ?? { current: 0, ttl: 0 };
  };

  class PostgresRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number) {
      incr(key, timeWindow).then((result) => callback(null, result), (error: Error) => callback(error));
    }

    /** For { increment: false }: the count so far, unchanged. */
    read(key: string, callback: Callback) {
      read(key).then((result) => callback(null, result), (error: Error) => callback(error));
    }

    // Our limiters' keys already name the limit (signup:…, login-ip:…), so one table serves them all.
    child(): FastifyRateLimitStore {
      return this;
    }
  }
  return PostgresRateLimitStore;
}
