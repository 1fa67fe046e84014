// The one field reader for every text a form or URL carries: always a string,
// never NUL or another control character (Postgres rejects NUL; the others only
// hide text), Unicode in its composed form (NFC), so "é" typed two ways is one.
export type FormBody = Partial<Record<string, string | string[]>>;
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

// C0 and C1 controls and DEL; a multi-line field keeps its line breaks and tabs.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** A parsed form (or JSON object) body, as opposed to none or a string. */
export function isFormBody(body: unknown): body is FormBody {
  return typeof body === "object" && body !== null && !Array.isArray(body);
}

/** A single-line text: control characters removed, NFC, trimmed unless asked not to. */
export function cleanText(raw: unknown, opts: { trim?: boolean } = {}): string {
  if (Array.isArray(raw)) raw = raw[0];
  if (typeof raw !== "string") return "";
  const clean = raw.replace(CONTROL, "").normalize("NFC");
  return opts.trim === false ? clean : clean.trim();
}

/** A multi-line text: line endings as \n, other controls removed, NFC, no blank lines around it. */
export function cleanMultiline(raw: unknown): string {
  if (Array.isArray(raw)) raw = raw[0];
  if (typeof raw !== "string") return "";
  return raw.replace(/\r\n?/g, "\n").replace(CONTROL_BUT_LINES, "").normalize("NFC").replace(/^\s*\n|\s+$/g, "");
}

export function field(body: FormBody, name: string, opts: { trim?: boolean } = {}): string {
  return cleanText(body[name], opts);
}

/** Normalises line endings so the stored markdown is what was typed. */
export function multiline(body: FormBody, name: string): string {
  return cleanMultiline(body[name]);
}
