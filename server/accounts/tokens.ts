// Tokens for links in mail (password reset, address confirmation): random,
// sent once, stored only as their SHA-256, so a leaked table opens nothing.
import { randomBytes } from "node:crypto";
import { hashToken } from "./session.js";

export function newMailToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export { hashToken };

/** Only what a token we made can look like; anything else is refused before a query. */
export const isTokenShaped = (raw: string) => /^[A-Za-z0-9_-]{43}$/.test(raw);
