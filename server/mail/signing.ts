// Signed tokens for links that work without a session (one-click
// unsubscribe): HMAC-SHA256 under a key made once and kept in app_secrets, so
// every app process signs and checks alike and a restart breaks no link.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

const keys = new WeakMap<object, Promise<string>>();

async function loadKey(db: Kysely<DB>): Promise<string> {
  await db.insertInto("app_secrets").values({ name: "mail_links", value: randomBytes(32).toString("base64url") }).onConflict((oc) => oc.column("name").doNothing()).execute();
  const row = await db.selectFrom("app_secrets").select("value").where("name", "=", "mail_links").executeTakeFirstOrThrow();
  return row.value;
}

export function signingKey(db: Kysely<DB>): Promise<string> {
  let key = keys.get(db);
  if (!key) {
    key = loadKey(db);
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

const mac = (key: string, payload: string) => createHmac("sha256", key).update(payload).digest("base64url");

/** "payload.signature"; the payload is readable, only its integrity is protected. */
export function sign(key: string, payload: string): string {
  return `${Buffer.from(payload).toString("base64url")}.${mac(key, payload)}`;
}

/** The payload of a token this site signed, or undefined. */
export function verify(key: string, token: string): string | undefined {
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined) return undefined;
  const payload = Buffer.from(encoded, "base64url").toString();
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? payload : undefined;
}
