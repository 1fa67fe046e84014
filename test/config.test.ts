import { describe, expect, it } from "vitest";
import { loadConfig } from "../server/config.js";

describe("configuration", () => {
  it("uses the embedded database and port 3000 when nothing is set", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.seedDemo).toBe(true);
  });

  it.each([
    [{ PORT: "eighty" }, /PORT must be a whole number/],
    [{ PORT: "70000" }, /PORT must be a whole number from 0 to 65535/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_URL: "not a url" }, /DATABASE_URL must be a URL/],
    [{ SEED_DEMO: "maybe" }, /SEED_DEMO must be true or false/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ DATABASE_READ_URL: "postgres://replica/escalator" }, /DATABASE_READ_URL needs DATABASE_URL/],
    [{ DATABASE_URL: "postgres://db/e", DATABASE_READ_URL: "http://replica" }, /DATABASE_READ_URL must start with postgres:\/\//],
    [{ DATABASE_TIMEOUT_MS: "5s" }, /DATABASE_TIMEOUT_MS must be a whole number from 100 to 60000/],
    [{ METRICS_PORT: "0" }, /METRICS_PORT must be a whole number from 1 to 65535/],
  ])("names the variable when %o is wrong", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
