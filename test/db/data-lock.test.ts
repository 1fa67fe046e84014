import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "../../server/db/data-lock.js";

describe("the embedded database's folder lock", () => {
  it("stops a second process on the same folder with a clear message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "escalator-lock-"));
    // Another live process holds the lock.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      writeFileSync(join(dir, "escalator.lock"), String(holder.pid));
      expect(() => lockDataDir(dir)).toThrow(/in use by another Escalator process \(pid \d+\)/);
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left behind by a process that died, and can be taken again after release", () => {
    const dir = mkdtempSync(join(tmpdir(), "escalator-lock-"));
    writeFileSync(join(dir, "escalator.lock"), "999999999");
    const release = lockDataDir(dir);
    release();
    lockDataDir(dir)();
  });
});
