// Parsing what a URL carries. Anything malformed becomes undefined, never an exception.

const MAX_INT = 2_147_483_647;

/** A positive database id (Postgres integer), or undefined. */
export function parseId(raw: unknown): number | undefined {
  if (typeof raw !== "string" || !/^[1-9][0-9]{0,9}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value <= MAX_INT ? value : undefined;
}

/** The first value of a query parameter that may repeat, as a string. */
export function queryString(raw: unknown): string | undefined {
  if (Array.isArray(raw)) raw = raw[0];
  return typeof raw === "string" ? raw : undefined;
}
