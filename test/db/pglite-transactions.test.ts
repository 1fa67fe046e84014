// The embedded database has one connection; two requests' transactions must
// still not see or undo each other's work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPglite, type Database } from "../../server/db/connect.js";
import { migrateToLatest } from "../../server/db/migrate.js";

describe("embedded database transactions", () => {
  let database: Database;
  beforeAll(async () => {
    database = await connectPglite({ kind: "pglite" });
    await migrateToLatest(database.db);
  });
  afterAll(() => database.close());

  it("keeps one request's commit when another request rolls back at the same time", async () => {
    const slow = database.db.transaction().execute(async (trx) => {
      await trx.insertInto("organisations").values({ slug: "committed", name: "Committed" }).execute();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    const failing = database.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto("organisations").values({ slug: "rolled-back", name: "Rolled back" }).execute();
        throw new Error("this request fails");
      })
      .catch((error: Error) => error.message);

    const [, failure] = await Promise.all([slow, failing]);
    expect(failure).toBe("this request fails");
    const slugs = (await database.db.selectFrom("organisations").select("slug").execute()).map((r) => r.slug);
    expect(slugs).toContain("committed");
    expect(slugs).not.toContain("rolled-back");
  });

  it("does not let a query outside a transaction see that transaction's uncommitted rows", async () => {
    let seen: string[] = [];
    await Promise.all([
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto("organisations").values({ slug: "pending", name: "Pending" }).execute();
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new Error("rolled back");
      }).catch(() => undefined),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen = (await database.db.selectFrom("organisations").select("slug").execute()).map((r) => r.slug);
      })(),
    ]);
    expect(seen).not.toContain("pending");
  });
});
