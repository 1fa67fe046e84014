// npm start: plain JavaScript at run time. Compiles server/ and migrations/
// to dist/ (tsconfig.build.json) only when a source is newer than the last
// build, then runs dist/server/main.js in this same process.
// `node server/start.mjs --build` only builds (npm install runs it).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stamp = path.join(root, "dist", ".built");
const sources = ["server", "migrations", "tsconfig.json", "tsconfig.build.json"];

function newestChange(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a deleted or renamed file changes its folder
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return sources.some((source) => newestChange(path.join(root, source)) > built);
}

function build() {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const started = Date.now();
  console.log("Compiling TypeScript to dist/ …");
  const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("Escalator cannot start: the TypeScript build failed (above).");
    process.exit(1);
  }
  writeFileSync(stamp, new Date().toISOString() + "\n");
  console.log(`Compiled in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

if (isStale()) build();
if (!process.argv.includes("--build")) await import(pathToFileURL(path.join(root, "dist", "server", "main.js")).href);
