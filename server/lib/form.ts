// Reading form fields: always a string, never NUL (Postgres rejects it), trimmed where asked.
export type FormBody = Record<string, unknown>;
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

/** A parsed form (or JSON object) body, as opposed to none or a string. */
export function isFormBody(body: unknown): body is FormBody {
  return typeof body === "object" && body !== null && !Array.isArray(body);
}

export function field(body: FormBody, name: string, opts: { trim?: boolean } = { trim: true }): string {
  let value = body[name];
  if (Array.isArray(value)) value = value[0];
  if (typeof value !== "string") return "";
  const clean = value.replace(/\u0000/g, "");
  return opts.trim === false ? clean : clean.trim();
}

/** Normalises line endings so the stored markdown is what was typed. */
export function multiline(body: FormBody, name: string): string {
  return field(body, name, { trim: false }).replace(/\r\n?/g, "\n").replace(/^\s*\n|\s+$/g, "");
}
