// A progress bar on stderr, one line per phase: `[#####.....]  42% 420000/1000000 stories 12.3s`.
// Redrawn in place on a terminal; on a pipe or a log file, each phase's last state only.
import type { Progress } from "./generate.js";

const WIDTH = 30;

export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update(p: Progress): void; done(): void } {
  const started = performance.now();
  const tty = stream.isTTY === true;
  let phase = "";
  let line = "";
  let lastDraw = 0;
  return {
    update(p) {
      if (phase && p.phase !== phase) stream.write(tty ? "\n" : `${line}\n`);
      const fresh = p.phase !== phase;
      phase = p.phase;
      const share = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
      const filled = Math.round(share * WIDTH);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      line = `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${p.done}/${p.total} ${p.phase} ${seconds}s`;
      // At most ten redraws a second: a million rows make hundreds of reports.
      const now = performance.now();
      if (tty && (fresh || p.done === p.total || now - lastDraw > 100)) {
        stream.write(`\r${line}\x1b[K`);
        lastDraw = now;
      }
    },
    done() {
      if (phase) stream.write(tty ? "\n" : `${line}\n`);
    },
  };
}
