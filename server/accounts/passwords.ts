// argon2id at OWASP's recommended settings (@node-rs/argon2's defaults:
// 19 MiB, 2 passes, 1 lane).
import { hash, verify } from "@node-rs/argon2";

const ARGON2ID = 2; // Algorithm.Argon2id; the enum is a const enum, unusable under isolatedModules

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

let dummyHash: Promise<string> | undefined;

/**
 * True when the password matches. With no stored hash (unknown user, or an
 * account that cannot log in) it still spends the time of one verification,
 * so a wrong username answers as slowly as a wrong password.
 */
export async function checkPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash && storedHash.startsWith("$argon2")) {
    try {
      return await verify(storedHash, password);
    } catch {
      return false;
    }
  }
  dummyHash ??= hashPassword("escalator-timing-equaliser");
  await verify(await dummyHash, password).catch(() => false);
  return false;
}
