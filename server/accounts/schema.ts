// The account forms' one validation step: raw form fields in, typed values or
// field errors out. Passwords are never echoed back.
import { normaliseUsername, usernameAsTyped } from "../lib/usernames.js";

export type FieldErrors<K extends string> = Partial<Record<K, string>>;
export type Validated<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<K>; values: Partial<Record<K, string>> };

type Body = Record<string, unknown>;
const text = (body: Body, name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export function usernameError(username: string): string | undefined {
  if (username.length === 0) return "Choose a username.";
  if ([...username].length < 3 || [...username].length > 30) return "A username has 3 to 30 characters.";
  if (!/^[A-Za-z0-9_-]+$/.test(username)) return "Use only letters a–z, digits, _ and - in a username.";
  return undefined;
}

export function passwordError(password: string, username: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `A password needs at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `A password can have at most ${PASSWORD_MAX} characters.`;
  if (username && normaliseUsername(password) === normaliseUsername(username)) return "Your password cannot be your username.";
  return undefined;
}

export interface SignupInput {
  username: string;
  email: string | null;
  password: string;
}
type SignupField = "username" | "email" | "password";

export function validateSignup(body: Body): Validated<SignupInput, SignupField> {
  const username = usernameAsTyped(text(body, "username"));
  const email = text(body, "email").trim();
  const password = text(body, "password");
  const errors: FieldErrors<SignupField> = {};
  const usernameProblem = usernameError(username);
  if (usernameProblem) errors.username = usernameProblem;
  if (email && (email.length > 254 || !/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(email))) errors.email = "That does not look like an e-mail address (name@example.com).";
  const passwordProblem = passwordError(password, username);
  if (passwordProblem) errors.password = passwordProblem;
  if (Object.keys(errors).length) return { ok: false, errors, values: { username, email } };
  return { ok: true, value: { username, email: email || null, password } };
}

export interface LoginInput {
  username: string;
  password: string;
}

export function validateLogin(body: Body): Validated<LoginInput, "username" | "password"> {
  const username = usernameAsTyped(text(body, "username"));
  const password = text(body, "password");
  const errors: FieldErrors<"username" | "password"> = {};
  if (!username) errors.username = "Enter your username.";
  // Postgres text cannot hold NUL, and no username has a control character.
  else if (/\p{Cc}/u.test(username)) errors.username = "A username has only letters a–z, digits, _ and -.";
  if (!password) errors.password = "Enter your password.";
  if (Object.keys(errors).length) return { ok: false, errors, values: { username } };
  return { ok: true, value: { username, password } };
}

export interface PasswordChangeInput {
  current: string;
  password: string;
}

export function validatePasswordChange(body: Body, username: string): Validated<PasswordChangeInput, "current" | "password"> {
  const current = text(body, "current");
  const password = text(body, "password");
  const errors: FieldErrors<"current" | "password"> = {};
  if (!current) errors.current = "Enter your current password.";
  const problem = passwordError(password, username);
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
