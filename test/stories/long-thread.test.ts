// A long thread comes in pages of 100 replies; a permalink opens the page
// that holds its reply, and a discussion split by a page break says whom it answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMarkdown } from "../../server/lib/markdown.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { createOrganisation, createUser, insertStory } from "../helpers/fixtures.js";
import { find, nextHref, replyIds, textOf, texts } from "../helpers/html.js";

interface Posted { id: number; depth: number }

describe("a long thread", () => {
  let t: TestApp;
  let path: string;
  const first: number[] = [];
  let question: Posted;
  let answer: Posted;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const [alice, bruno] = [await createUser(db, "alice_long"), await createUser(db, "bruno_long")];
    const story = await insertStory(db, { authorId: alice, companyId: await createOrganisation(db, "Longline"), title: "A thread that needs two pages" });
    path = `/stories/${story.id}/${story.slug}`;
    const post = async (authorId: number, body: string, parent?: Posted) =>
      db
        .insertInto("replies")
        .values({ story_id: story.id, author_id: authorId, parent_id: parent?.id ?? null, depth: parent ? parent.depth + 1 : 0, body_md: body, body_html: renderMarkdown(body) })
        .returning(["id", "depth"])
        .executeTakeFirstOrThrow();
    // 98 answers to the story, then a discussion under the last that the page break splits, then 30 more.
    for (let i = 1; i <= 98; i++) first.push((await post(alice, `Answer number ${i}`)).id);
    const split = await post(alice, "The 99th answer, which starts a discussion");
    question = await post(bruno, "A question under it, the last reply of page one", split);
    answer = await post(alice, "Its answer, the first reply of page two", question);
    for (let i = 1; i <= 30; i++) await post(bruno, `Later answer ${i}`);
  });
  afterAll(() => t.close());

  it("shows the first 100 replies, then the rest on the next page", async () => {
    const page = (await t.app.inject(path)).body;
    const ids = replyIds(page);
    expect(ids).toHaveLength(100);
    expect(ids.slice(0, 3)).toEqual(first.slice(0, 3));
    expect(ids.at(-1)).toBe(question.id);
    const next = nextHref(page);
    expect(next).toBe(`${path}?after=${question.id}`);
    const second = (await t.app.inject(next!)).body;
    expect(replyIds(second)).toHaveLength(31);
    expect(replyIds(second)[0]).toBe(answer.id);
    expect(nextHref(second)).toBeUndefined();
    expect(texts(second, `a[href="${path}"]`)).toContain("First page of replies");
  });

  it("says whom the first reply of a page answers, linking to it", async () => {
    const second = (await t.app.inject(`${path}?after=${question.id}`)).body;
    expect(textOf(find(second, `p.continues a[href="${path}?reply=${question.id}#reply-${question.id}"]`))).toBe("bruno_long");
    expect(textOf(find(second, "p.continues"))).toContain("in reply to bruno_long on an earlier page");
  });

  it("opens a permalink on the page that holds its reply", async () => {
    const late = (await t.app.inject(`${path}?reply=${answer.id}`)).body;
    expect(replyIds(late)).toContain(answer.id);
    expect(replyIds(late)).not.toContain(first[0]);
    const early = (await t.app.inject(`${path}?reply=${first[4]}`)).body;
    expect(replyIds(early)).toContain(first[4]);
    expect(replyIds(early)).toHaveLength(100);
  });
});
