import { describe, expect, it } from "vitest";
import { formatDuration, formatWait } from "../../server/lib/durations.js";

describe("response times in words", () => {
  it("rounds once, so a unit never reaches its next one", () => {
    const cases: [number, string][] = [
      [0, "0 min"],
      [29, "0 min"],
      [45 * 60, "45 min"],
      [59 * 60 + 40, "1 h"],
      [3 * 3600 + 59 * 60 + 50, "4 h"],
      [3 * 3600 + 20 * 60, "3 h 20 min"],
      [23 * 3600 + 59 * 60 + 50, "1 day"],
      [2 * 86400 + 4 * 3600, "2 days 4 h"],
      [2 * 86400 + 23 * 3600 + 40 * 60, "3 days"],
      [31 * 86400 + 5 * 3600, "31 days"],
    ];
    for (const [seconds, words] of cases) expect(formatDuration(seconds), String(seconds)).toBe(words);
  });

  it("words a wait as a sentence says it, in German with the dative after \"nach\"", () => {
    const at = (iso: string, timeKnown = true) => ({ at: new Date(iso), timeKnown });
    expect(formatWait(at("2026-11-01T09:00:00Z"), at("2026-11-09T10:00:00Z"), "en")).toBe("after 8 days");
    expect(formatWait(at("2026-11-01T09:00:00Z"), at("2026-11-09T10:00:00Z"), "de")).toBe("nach 8 Tagen");
    expect(formatWait(at("2026-11-01T09:00:00Z"), at("2026-11-03T13:00:00Z"), "de")).toBe("nach 2 Tagen 4 Std.");
    expect(formatWait(at("2026-11-01", false), at("2026-11-05", false), "de")).toBe("nach 4 Tagen");
    expect(formatWait(at("2026-11-01", false), at("2026-11-02", false), "de")).toBe("am nächsten Tag");
    expect(formatDuration(8 * 86400, "de")).toBe("8 Tage");
  });
});
