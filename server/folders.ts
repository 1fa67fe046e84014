// The folders the app reads at run time. The code runs from server/ (tests,
// tsx) or compiled from dist/server/ (npm start): templates and static files
// stay at the project's root either way, migrations run beside the code.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const codeFolder = path.dirname(fileURLToPath(import.meta.url));

function findProjectRoot(from: string): string {
  for (let folder = from; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, "package.json"))) return folder;
    if (path.dirname(folder) === folder) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = findProjectRoot(codeFolder);
export const viewsFolder = path.join(projectRoot, "views");
export const staticFolder = path.join(projectRoot, "static");
/** migrations/*.ts beside server/, or their compiled dist/migrations/*.js beside dist/server/. */
export const migrationsFolder = path.join(codeFolder, "..", "migrations");
