import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { connectPglite } from "../../server/db/connect.js";

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), "escalator-admin-"));
const admin = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ["--import", "tsx", "server/cli/admin.ts", ...args], {
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, SEED_DEMO: "false", ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

describe("npm run admin", () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("creates an admin from ESCALATOR_ADMIN_PASSWORD and changes roles", async () => {
    expect(await admin(["create", "chief"], { ESCALATOR_ADMIN_PASSWORD: "a long admin password" })).toMatchObject({ code: 0, out: expect.stringContaining("Created admin chief") });
    expect(await admin(["role", "chief", "moderator"])).toMatchObject({ code: 0, out: expect.stringContaining("chief is now moderator") });
    expect(await admin(["role", "nobody", "admin"])).toMatchObject({ code: 1, out: expect.stringContaining("There is no user nobody") });
    expect(await admin(["role", "chief", "emperor"])).toMatchObject({ code: 1, out: expect.stringContaining("The role must be one of member, moderator, admin") });
    expect(await admin(["create", "weak"], { ESCALATOR_ADMIN_PASSWORD: "short" })).toMatchObject({ code: 1, out: expect.stringContaining("at least 8 characters") });

    const database = await connectPglite({ kind: "pglite", dataDir: join(dataDir, "pglite") });
    try {
      const users = await database.db.selectFrom("users").select(["username", "role"]).execute();
      expect(users).toEqual([{ username: "chief", role: "moderator" }]);
    } finally {
      await database.close();
    }
  }, 180_000); // five processes, each starting the embedded database
});
