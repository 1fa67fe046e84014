// The shared attack-string corpora (../shared/payloads, outside the repository):
// read in place, never copied. Tests skip with a message when the folder is
// absent, except under CI=true (as .ci/run sets it), where a missing corpus fails:
// CI has shared/ beside the clone, so an absent corpus there is a broken set-up.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PAYLOADS_DIR = fileURLToPath(new URL("../../../shared/payloads/", import.meta.url));
export const payloadsPresent = existsSync(PAYLOADS_DIR);
export const SKIP_MESSAGE = `payload corpora not found at ${PAYLOADS_DIR}; skipping the tests that read them`;
const requireCorpora = process.env.CI === "true";

/** What the absence of the corpora means in an environment: a warning, or under CI=true a failure. */
export function corporaAbsent(env: Partial<Record<string, string>>, warn: (message: string) => void = console.warn): void {
  if (env.CI === "true") throw new Error(`payload corpora not found at ${PAYLOADS_DIR}: under CI=true the tests that read them must run`);
  warn(SKIP_MESSAGE);
}

/** The test that stands in for the corpus tests when the corpora are absent. */
export const missingCorpora = () => corporaAbsent(process.env);

export interface PayloadFile {
  name: string;
  payloads: string[];
}

/**
 * Every payload of one file. The first two lines are a header; after it, blns
 * files treat "#" lines as comments and blns.base64 holds one base64 string a
 * line, while patt files keep every line (some payloads begin with "#").
 */
export function readPayloadFile(path: string): string[] {
  const name = basename(path);
  const blns = name.startsWith("blns");
  // Some upstream files end their lines with CRLF; the CR is not part of the payload.
  const lines = readFileSync(path, "utf8").split(/\r?\n/).slice(2);
  return lines
    .filter((line) => line !== "" && !(blns && line.startsWith("#")))
    .map((line) => (name.endsWith(".base64.txt") ? Buffer.from(line, "base64").toString("utf8") : line))
    .filter((payload) => payload !== "");
}

/** The payload files of one folder (xss, sqli, unicode, markdown-xss, …), or [] when absent. */
export function payloadFiles(folder: string): PayloadFile[] {
  const dir = join(PAYLOADS_DIR, folder);
  if (!existsSync(dir)) {
    if (requireCorpora && payloadsPresent) throw new Error(`payload folder ${folder} not found in ${PAYLOADS_DIR}: under CI=true every corpus must be read`);
    return [];
  }
  return readdirSync(dir)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => ({ name: `${folder}/${file}`, payloads: readPayloadFile(join(dir, file)) }));
}
