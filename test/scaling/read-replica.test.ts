// DATABASE_READ_URL against a real streaming replica (pg_basebackup -R of a
// primary, .ci/scaling-services). Pausing the replica's replay makes its lag
// visible: what a page shows then tells which database it read.
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectPostgres, type Database } from "../../server/db/connect.js";
import { mayReadReplica, noteWrite } from "../../server/db/read-routing.js";
import { prepareDatabase } from "../../server/db/startup.js";
import { WROTE_COOKIE } from "../../server/plugins/read-replica.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { postReplyForm, postStoryForm } from "../helpers/story-form.js";
import { createServerDatabase, describeWithServers, env, eventually, query, withDatabase } from "../helpers/servers.js";

describeWithServers(["TEST_PRIMARY_URL", "TEST_REPLICA_URL"], "reading from a streaming replica", () => {
  let fresh: Awaited<ReturnType<typeof createServerDatabase>>;
  let replicaUrl: string;
  let setup: Database;
  let testApp: TestApp;
  let story: { id: number; slug: string; title: string };
  const replayPaused = async (paused: boolean) => {
    await query(replicaUrl, paused ? "select pg_wal_replay_pause()" : "select pg_wal_replay_resume()");
  };

  beforeAll(async () => {
    fresh = await createServerDatabase(env("TEST_PRIMARY_URL"));
    replicaUrl = withDatabase(env("TEST_REPLICA_URL"), fresh.name);
    setup = connectPostgres({ kind: "postgres", url: fresh.url }, () => {});
    await prepareDatabase(setup, { seedDemo: true }, () => {});
    await eventually(async () => (await query(replicaUrl, "select count(*)::int as n from stories")).rows[0].n > 0, 20_000, "the replica has the demo stories");
    story = (await query(fresh.url, "select id, slug, title from stories order by id limit 1")).rows[0];
    const database = connectPostgres({ kind: "postgres", url: fresh.url, readUrl: replicaUrl, mayReadReplica, noteWrite, poolSize: 3 }, () => {});
    testApp = await createTestApp({ database });
  }, 60_000);
  afterAll(async () => {
    if (replicaUrl) await replayPaused(false).catch(() => {});
    await testApp?.close();
    await setup?.close();
    await fresh?.drop();
  });

  it("serves pages from the replica, and a member who just wrote reads their own write", async () => {
    const { app } = testApp;
    const page = `/stories/${story.id}/${story.slug}`;
    await replayPaused(true);
    try {
      await query(fresh.url, "update stories set title = 'Changed on the primary' where id = $1", [story.id]);
      // A visitor reads the replica, which has not replayed the change yet.
      const visitor = await app.inject(page);
      expect(visitor.statusCode).toBe(200);
      expect(visitor.body).toContain(story.title.slice(0, 20));
      expect(visitor.body).not.toContain("Changed on the primary");

      // Signing up writes the member and their session on the primary; the next pages read the primary.
      const member = new Agent(app);
      const signUp = await member.signUp("replica_reader");
      expect(member.cookies.get(WROTE_COOKIE)).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      const home = await member.get(signUp.headers.location ?? "/");
      expect(home.body).toContain("replica_reader");
      expect((await member.get(page)).body).toContain("Changed on the primary");
    } finally {
      await replayPaused(false);
    }
    await eventually(async () => (await app.inject(page)).body.includes("Changed on the primary"), 10_000, "the visitor sees the change once the replica replays it");
  }, 60_000);

  it("keeps a member logged in once their pages read the caught-up replica again", async () => {
    const member = new Agent(testApp.app);
    await member.signUp("caught_up_reader");
    await eventually(async () => (await query(replicaUrl, "select count(*)::int as n from users where username = 'caught_up_reader'")).rows[0].n === 1, 10_000, "replayed");
    // Now the replica has the member: their pages may read it, and they are still logged in there.
    const home = await member.get("/");
    expect(home.body).toContain("caught_up_reader");
  });

  it("leaves the cookie when a GET writes: opening a notification marks it read, and the list says so at once", async () => {
    const author = new Agent(testApp.app);
    await author.signUp("notified_author");
    const replier = new Agent(testApp.app);
    await replier.signUp("notifying_replier");
    const story = await postStoryForm(author, { title: "A story whose notification is opened" });
    const replyId = await postReplyForm(replier, story, "An answer that notifies the author.");
    const { id } = (await query(fresh.url, "select id from notifications where reply_id = $1", [replyId])).rows[0];
    await eventually(async () => (await query(replicaUrl, "select count(*)::int as n from notifications where id = $1", [id])).rows[0].n === 1, 10_000, "replayed");
    const unread = `<li class="notification unread" id="notification-${id}">`;
    expect((await author.get("/notifications")).body).toContain(unread);

    await replayPaused(true);
    try {
      const before = author.cookies.get(WROTE_COOKIE);
      const visit = await author.get(`/notifications/${id}`);
      expect(visit.statusCode).toBe(303);
      expect(author.cookies.get(WROTE_COOKIE)).not.toBe(before);
      // The replica still has it unread; the author's next page reads the primary.
      expect((await query(replicaUrl, "select read_at from notifications where id = $1", [id])).rows[0].read_at).toBeNull();
      const list = await author.get("/notifications");
      expect(list.body).toContain(`<li class="notification" id="notification-${id}">`);
      expect(list.body).not.toContain(unread);
    } finally {
      await replayPaused(false);
    }
  });
});
