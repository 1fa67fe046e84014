// The corpus tests read ../shared/payloads; where it is absent they say so and
// skip, but CI (CI=true, as .ci/run sets it) has shared/ beside the clone, so
// there an absent corpus fails the run instead of passing silently.
import { describe, expect, it } from "vitest";
import { corporaAbsent, SKIP_MESSAGE } from "../helpers/payloads.js";

describe("missing payload corpora", () => {
  it("fail the run under CI=true", () => {
    expect(() => corporaAbsent({ CI: "true" }, () => {})).toThrow(/under CI=true the tests that read them must run/);
  });

  it("skip with a message elsewhere", () => {
    const said: string[] = [];
    corporaAbsent({}, (message) => said.push(message));
    expect(said).toEqual([SKIP_MESSAGE]);
  });
});
