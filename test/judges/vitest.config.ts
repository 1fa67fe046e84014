import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// npm run test:judges: axe-core, the Nu HTML checker and Lighthouse on every kind of page.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["test/judges/**/*.judges.ts"],
    env: { NODE_ENV: "test" },
    // Fourteen pages (seven kinds, English and German), each judged several times over: minutes on a loaded machine.
    testTimeout: 900_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
    server: { deps: { inline: ["kysely"] } },
  },
});
