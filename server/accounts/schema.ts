// The account forms' one validation step: raw form fields in, typed values or
// field errors out. Passwords are never echoed back.
import { normaliseUsername, usernameAsTyped } from "../lib/usernames.js";
import type { Messages } from "../i18n/index.js";

export type FieldErrors<K extends string> = Partial<Record<K, string>>;
export type Validated<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<K>; values: Partial<Record<K, string>> };

type Body = Record<string, unknown>;
const text = (body: Body, name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** What the account forms' checks say, in the page's language. */
export type AccountErrors = Messages["accounts"]["errors"];

export function usernameError(username: string, m: AccountErrors): string | undefined {
  if (username.length === 0) return m.usernameEmpty;
  if ([...username].length < 3 || [...username].length > 30) return m.usernameLength;
  if (!/^[A-Za-z0-9_-]+$/.test(username)) return m.usernameCharacters;
  return undefined;
}

export function passwordError(password: string, username: string, m: AccountErrors): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return m.passwordShort(PASSWORD_MIN);
  if (length > PASSWORD_MAX) return m.passwordLong(PASSWORD_MAX);
  if (username && normaliseUsername(password) === normaliseUsername(username)) return m.passwordIsUsername;
  return undefined;
}

export interface SignupInput {
  username: string;
  email: string | null;
  password: string;
}
type SignupField = "username" | "email" | "password";

export function validateSignup(body: Body, m: AccountErrors): Validated<SignupInput, SignupField> {
  const username = usernameAsTyped(text(body, "username"));
  const email = text(body, "email").trim();
  const password = text(body, "password");
  const errors: FieldErrors<SignupField> = {};
  const usernameProblem = usernameError(username, m);
  if (usernameProblem) errors.username = usernameProblem;
  if (email && (email.length > 254 || !/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(email))) errors.email = m.email;
  const passwordProblem = passwordError(password, username, m);
  if (passwordProblem) errors.password = passwordProblem;
  if (Object.keys(errors).length) return { ok: false, errors, values: { username, email } };
  return { ok: true, value: { username, email: email || null, password } };
}

export interface LoginInput {
  username: string;
  password: string;
}

export function validateLogin(body: Body, m: AccountErrors): Validated<LoginInput, "username" | "password"> {
  const username = usernameAsTyped(text(body, "username"));
  const password = text(body, "password");
  const errors: FieldErrors<"username" | "password"> = {};
  if (!username) errors.username = m.enterUsername;
  // Postgres text cannot hold NUL, and no username has a control character.
  else if (/\p{Cc}/u.test(username)) errors.username = m.usernameControl;
  if (!password) errors.password = m.enterPassword;
  if (Object.keys(errors).length) return { ok: false, errors, values: { username } };
  return { ok: true, value: { username, password } };
}

export interface PasswordChangeInput {
  current: string;
  password: string;
}

export function validatePasswordChange(body: Body, username: string, m: AccountErrors): Validated<PasswordChangeInput, "current" | "password"> {
  const current = text(body, "current");
  const password = text(body, "password");
  const errors: FieldErrors<"current" | "password"> = {};
  if (!current) errors.current = m.enterCurrent;
  const problem = passwordError(password, username, m);
  if (problem) errors.password = problem;
  if (Object.keys(errors).length) return { ok: false, errors, values: {} };
  return { ok: true, value: { current, password } };
}

const OWN_ORIGIN = "http://escalator.invalid";

/** Where to go after logging in: only a path on this site, never another site, percent-encoded for the Location header. */
export function safeReturnPath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length > 2000) return "/";
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\") || /[\u0000-\u001f\\]/.test(raw)) return "/";
  if (/^\/(login|signup|logout)\b/.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, OWN_ORIGIN);
  } catch {
    return "/";
  }
  // The URL parser percent-encodes what a header cannot carry ("/\u3000/x" → "/%E3%80%80/x").
  return url.origin === OWN_ORIGIN ? url.pathname + url.search + url.hash : "/";
}
