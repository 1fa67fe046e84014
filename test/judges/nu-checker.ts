// The Nu HTML checker (vnu-jar, Java) over a set of documents in one run.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const vnuJar: string = createRequire(import.meta.url)("vnu-jar");

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Errors per document name; an empty list means the document is valid. */
export async function nuErrors(documents: Map<string, string>): Promise<Map<string, string[]>> {
  const folder = await mkdtemp(join(tmpdir(), "escalator-nu-"));
  try {
    const files = new Map<string, string>();
    let i = 0;
    for (const [name, html] of documents) {
      const file = join(folder, `page-${i++}.html`);
      await writeFile(file, html);
      files.set(file, name);
    }
    const { stderr, stdout } = await run("java", ["-jar", vnuJar, "--format", "json", "--exit-zero-always", ...files.keys()], { maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(stdout.trim() || stderr) as { messages: NuMessage[] };
    const errors = new Map<string, string[]>([...documents.keys()].map((name) => [name, []]));
    for (const message of report.messages) {
      if (message.type !== "error" && message.subType !== "fatal") continue;
      const path = message.url ? decodeURIComponent(new URL(message.url).pathname) : "";
      const name = files.get(path) ?? "?";
      errors.get(name)?.push(`line ${message.lastLine ?? "?"}: ${message.message} ${message.extract ? JSON.stringify(message.extract) : ""}`);
    }
    return errors;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
