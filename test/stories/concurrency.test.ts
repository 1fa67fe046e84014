// Forms sent at the same moment — a double-clicked reply, members naming the
// same new company at once — each end in one row and a redirect, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { csrfToken } from "../helpers/html.js";
import { postStoryForm, STORY } from "../helpers/story-form.js";

const csrfOf = (html: string): string => csrfToken(html) ?? "";

describe("forms sent at the same moment", () => {
  let t: TestApp;
  let members: Agent[];
  let author: Agent;
  let replier: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    members = [0, 1, 2, 3, 4].map(() => new Agent(t.app));
    for (const [i, member] of members.entries()) await member.signUp(`concurrent_${i}`);
    [author, replier] = members as [Agent, Agent];
  });
  afterAll(() => t.close());
  const memberAt = (i: number) => members[i] ?? author;

  it("answers five copies of one reply form with one reply and five redirects to it", async () => {
    const story = await postStoryForm(author, { title: "A story whose reply is sent five times" });
    const token = csrfOf((await replier.get(story.path)).body);
    const form = { body: "Sent once, arrived five times.", submission_key: "5b0c2f7e-reply-key", _csrf: token };
    const answers = await Promise.all([0, 1, 2, 3, 4].map(() => replier.post(`/stories/${story.id}/replies`, form)));
    expect(answers.map((a) => a.statusCode)).toEqual([303, 303, 303, 303, 303]);
    expect(new Set(answers.map((a) => a.headers.location)).size).toBe(1);
    const rows = await t.database.db.selectFrom("replies").select("id").where("story_id", "=", story.id).execute();
    expect(rows).toHaveLength(1);
    const counted = await t.database.db.selectFrom("stories").select("reply_count").where("id", "=", story.id).executeTakeFirstOrThrow();
    expect(counted.reply_count).toBe(1);
  });

  const postAtOnce = async (companies: string[]) => {
    const tokens = await Promise.all(companies.map(async (_, i) => csrfOf((await memberAt(i).get("/stories/new")).body)));
    return Promise.all(
      companies.map((company, i) =>
        memberAt(i).post("/stories/new", { ...STORY, title: `A first story about ${company} (${i})`, company, other_party: "", action: "post", _csrf: tokens[i] ?? "" }),
      ),
    );
  };

  it("gives new organisations whose slugs collide rc, rc-2 and rc-3, and keeps every story", async () => {
    const names = ["Rc 田中", "Rc 中田", "Rc 山田"];
    const answers = await postAtOnce(names);
    expect(answers.map((a) => a.statusCode)).toEqual([303, 303, 303]);
    const organisations = await t.database.db.selectFrom("organisations").select(["name", "slug"]).where("slug", "like", "rc%").orderBy("slug").execute();
    expect(organisations.map((o) => o.slug)).toEqual(["rc", "rc-2", "rc-3"]);
    expect(new Set(organisations.map((o) => o.name))).toEqual(new Set(names));
    for (const answer of answers) expect((await author.get(String(answer.headers.location))).statusCode).toBe(200);
  });

  it("files several first stories about one new company under one organisation", async () => {
    const answers = await postAtOnce(["Brand New Telco", "brand new telco", "BRAND NEW TELCO", "Brand New Telco", "Brand-New Telco"]);
    expect(answers.map((a) => a.statusCode)).toEqual([303, 303, 303, 303, 303]);
    const organisations = await t.database.db.selectFrom("organisations").select(["id", "slug"]).where("slug", "like", "brand-new-telco%").execute();
    expect(organisations.map((o) => o.slug)).toEqual(["brand-new-telco"]);
    const stories = await t.database.db.selectFrom("stories").select("id").where("company_id", "=", organisations[0]?.id ?? 0).execute();
    expect(stories).toHaveLength(5);
  });
});
