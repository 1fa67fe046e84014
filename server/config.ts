// Environment → typed, validated configuration. Every error names the variable.
import { resolve } from "node:path";

export interface Config {
  port: number;
  host: string;
  /** A Postgres server; absent = the embedded PGlite database in dataDir. */
  databaseUrl: string | undefined;
  /** A streaming replica of databaseUrl that pages may read from. */
  databaseReadUrl: string | undefined;
  /** The longest a request waits for a database connection, and then for each query (ms). */
  databaseTimeoutMs: number;
  /** Prometheus metrics on their own port (absent = no metrics), on metricsHost. */
  metricsPort: number | undefined;
  metricsHost: string;
  /** Where the embedded database lives (git-ignored). */
  dataDir: string;
  production: boolean;
  logLevel: string;
  /** Load the demo stories into an empty database at start-up. */
  seedDemo: boolean;
  /** Mark cookies Secure: "auto" follows the request's protocol (behind trustProxy). */
  cookieSecure: boolean | "auto";
  trustProxy: boolean;
  /** How many requests a minute one client may make to sign up, log in and post. */
  rateLimits: { signup: number; login: number; post: number };
  /** How many password-reset requests a minute one client (and one account name) may make. */
  resetRateLimit: number;
  mail: {
    /** An SMTP server (smtp://user:pass@host:587); absent = every mail is written to dataDir/outbox/ as an .eml file. */
    smtpUrl: string | undefined;
    /** The From: of every mail. */
    from: string;
    /** The start of every link in a mail: PUBLIC_URL, or http://localhost:PORT without it. */
    publicUrl: string;
    /** How often the mail worker looks for work (ms; 0 = never, e.g. a process that only serves pages). */
    pollMs: number;
  };
  /** The site's public address (canonical links, sitemaps, feeds); unset = the request's own host. */
  publicUrl: string | undefined;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function databaseUrl(env: Env, name = "DATABASE_URL"): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL like postgres://user@host:5432/escalator, got "${raw}"`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError(`${name} must start with postgres:// or postgresql://, got "${url.protocol}"`);
  }
  return raw;
}

function url(env: Env, name: string, protocols: string[], example: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL like ${example}, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(" or ")}, got "${parsed.protocol}"`);
  return raw;
}

function publicUrl(env: Env): string | undefined {
  const raw = env.PUBLIC_URL;
  if (raw === undefined || raw === "") return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.pathname !== "/" || url.search || url.hash) {
    throw new ConfigError(`PUBLIC_URL must be the site's origin like https://escalator.example, got "${raw}"`);
  }
  return url.origin;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === "production";
  const cookieSecureRaw = env.COOKIE_SECURE?.toLowerCase() ?? "auto";
  const cookieSecure = cookieSecureRaw === "auto" || cookieSecureRaw === "" ? "auto" : boolean(env, "COOKIE_SECURE", false);
  const level = env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info");
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${level}"`);
  }
  const port = integer(env, "PORT", 3000, 0, 65535);
  const site = publicUrl(env);
  const readUrl = databaseUrl(env, "DATABASE_READ_URL");
  if (readUrl && !env.DATABASE_URL) throw new ConfigError("DATABASE_READ_URL needs DATABASE_URL (the primary it replicates)");
  const metricsPort = env.METRICS_PORT ? integer(env, "METRICS_PORT", 0, 1, 65535) : undefined;
  return {
    port,
    host: env.HOST || "localhost",
    databaseUrl: databaseUrl(env),
    databaseReadUrl: readUrl,
    databaseTimeoutMs: integer(env, "DATABASE_TIMEOUT_MS", 2500, 100, 60000),
    metricsPort,
    metricsHost: env.METRICS_HOST || "127.0.0.1",
    dataDir: resolve(env.DATA_DIR || ".data"),
    production,
    logLevel: level,
    seedDemo: boolean(env, "SEED_DEMO", true),
    cookieSecure,
    trustProxy: boolean(env, "TRUST_PROXY", false),
    rateLimits: {
      signup: integer(env, "RATE_LIMIT_SIGNUP", 5, 1, 100000),
      login: integer(env, "RATE_LIMIT_LOGIN", 5, 1, 100000),
      post: integer(env, "RATE_LIMIT_POST", 10, 1, 100000),
    },
    resetRateLimit: integer(env, "RATE_LIMIT_RESET", 5, 1, 100000),
    mail: {
      smtpUrl: url(env, "SMTP_URL", ["smtp:", "smtps:"], "smtp://user:password@mail.example.com:587"),
      from: env.MAIL_FROM || "Escalator <escalator@localhost>",
      publicUrl: site ?? `http://localhost:${port}`,
      pollMs: integer(env, "MAIL_POLL_MS", 1000, 0, 600_000),
    },
    publicUrl: site,
  };
}
