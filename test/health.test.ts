import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/connect.js";
import { connectPostgres } from "../server/db/connect.js";
import { createTestApp, type TestApp } from "./helpers/app.js";
import { createEmptyDatabase, usingServer } from "./helpers/database.js";
import { startTcpProxy, type TcpProxy } from "./helpers/tcp-proxy.js";
import { migrateToLatest } from "../server/db/migrate.js";

describe("/healthz and /readyz", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("says the process is alive, and ready when the database answers with every migration applied", async () => {
    const health = await t.app.inject("/healthz");
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: "ok" });
    const ready = await t.app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ok", database: "reachable", migrations: "current" });
  });
});

describe.runIf(usingServer)("while the database server is unreachable", () => {
  let proxy: TcpProxy;
  let owner: Database;
  let testApp: TestApp;
  beforeAll(async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    owner = await createEmptyDatabase();
    const proxied = new URL(url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(proxy.port);
    const database = connectPostgres({ kind: "postgres", url: proxied.toString(), schema: (owner as { schema?: string }).schema }, () => {});
    await migrateToLatest(database.db);
    testApp = await createTestApp({ database });
  });
  afterAll(async () => {
    await testApp?.close();
    await proxy?.close();
    await owner?.close();
  });

  it("answers 503 on /readyz and a friendly 503 page, then recovers by itself", async () => {
    const { app } = testApp;
    expect((await app.inject("/readyz")).statusCode).toBe(200);
    expect((await app.inject("/")).statusCode).toBe(200);

    await proxy.cut();
    expect((await app.inject("/healthz")).statusCode).toBe(200);
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ database: "unreachable" });
    const page = await app.inject("/");
    expect(page.statusCode).toBe(503);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain("cannot reach its database");
    expect(page.body).not.toMatch(/at .*\.ts:\d+/); // no stack trace

    await proxy.restore();
    expect((await app.inject("/readyz")).statusCode).toBe(200);
    expect((await app.inject("/")).statusCode).toBe(200);
  });
});
