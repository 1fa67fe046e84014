// Each story and reply carries its own language: chosen on the form or
// guessed from the text, stored, shown as lang wherever the text is, and
// searched with that language's stems.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Agent } from "../helpers/browser-agent.js";
import { attr, fieldError, fieldValue, find, findAll, one, textOf } from "../helpers/html.js";
import { postReplyForm, postStoryForm, STORY, type PostedStory } from "../helpers/story-form.js";

const GERMAN = {
  title: "MediaMarkt hat meine Bestellung zweimal storniert",
  body: "Die Bestellung wurde ohne Grund storniert, und der Kundendienst hat nicht geantwortet. Erst eine Mail an den Vorstand hat geholfen.",
};

describe("a story's and a reply's own language", () => {
  let t: TestApp;
  let member: Agent;
  const stored = async (table: "stories" | "replies", id: number) =>
    (await t.database.db.selectFrom(table).select("lang").where("id", "=", id).executeTakeFirstOrThrow()).lang;

  beforeAll(async () => {
    t = await createTestApp();
    member = new Agent(t.app);
    await member.signUp("lena_koeln");
  });
  afterAll(async () => t?.close());

  it("guesses German from a German story left to the guess, and marks its title and text lang=de", async () => {
    const story = await postStoryForm(member, { ...GERMAN, lang: "" });
    expect(await stored("stories", story.id)).toBe("de");
    const page = await t.app.inject(story.path);
    expect(attr(page.body, "h1#story-title", "lang")).toBe("de");
    expect(textOf(find(page.body, "h1#story-title"))).toMatch(/^MediaMarkt hat meine Bestellung/);
    expect(page.body).toContain('<div class="prose story-body" lang="de"><p>Die Bestellung');
    const list = await t.app.inject("/");
    expect(find(list.body, `h2.story-title[lang="de"] > a[href="${story.path}"]`)).toBeDefined();
  });

  it("guesses English from an English story, and the poster's choice overrides the guess", async () => {
    const english = await postStoryForm(member, { title: "Nokia's CEO answered my email within hours" });
    expect(await stored("stories", english.id)).toBe("en");
    const chosen = await postStoryForm(member, { title: "Best Buy cancelled it twice, told in English", lang: "de" });
    expect(await stored("stories", chosen.id)).toBe("de");
  });

  it("keeps the choice when the form comes back with an error or as a preview, and the preview is marked with the guess", async () => {
    const error = await member.post("/stories/new", { ...STORY, title: "short", lang: "de", action: "post" }, { formPage: "/stories/new" });
    expect(error.statusCode).toBe(422);
    expect(fieldValue(error.body, "lang")).toBe("de");
    const preview = await member.post("/stories/new", { ...STORY, ...GERMAN, lang: "", action: "preview" }, { formPage: "/stories/new" });
    expect(preview.statusCode).toBe(200);
    expect(fieldValue(preview.body, "lang")).toBe("");
    expect(find(preview.body, 'section.preview > h2:first-child + div[lang="de"]')).toBeDefined();
  });

  it("refuses a language that is not on the list, next to the field, keeping the rest", async () => {
    const res = await member.post("/stories/new", { ...STORY, lang: "fr", action: "post" }, { formPage: "/stories/new" });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, "lang")).toMatch(/\S/);
    expect(res.body).toContain(`value="${STORY.title}"`);
  });

  it("edits the language with the story", async () => {
    const story = await postStoryForm(member, { title: "A story filed in the wrong language", lang: "de" });
    const form = await member.get(`/stories/${story.id}/edit`);
    expect(fieldValue(form.body, "lang")).toBe("de");
    const saved = await member.post(`/stories/${story.id}/edit`, { ...STORY, title: "A story filed in the wrong language", lang: "en", action: "post" }, { formPage: `/stories/${story.id}/edit` });
    expect(saved.statusCode).toBe(303);
    expect(await stored("stories", story.id)).toBe("en");
  });

  describe("replies", () => {
    let german: PostedStory;
    beforeAll(async () => {
      german = await postStoryForm(member, { ...GERMAN, title: "Telekom schaltet den Anschluss nicht frei" });
    });

    it("guesses a reply's language from its text, and a reply too short to tell takes its story's", async () => {
      const english = await postReplyForm(member, german, "Same thing happened to me with my broadband; the letter to the board worked for me too.");
      const short = await postReplyForm(member, german, "+1");
      expect(await stored("replies", english)).toBe("en");
      expect(await stored("replies", short)).toBe("de");
      const page = await t.app.inject(german.path);
      const text = (id: number) => one(page.body, `#reply-${id} div.prose`);
      expect(text(english).getAttribute("lang")).toBe("en");
      expect(textOf(text(english))).toMatch(/^Same thing/);
      expect(text(short).getAttribute("lang")).toBe("de");
      expect(textOf(text(short))).toBe("+1");
    });

    it("takes the replier's choice, and edits it", async () => {
      const res = await member.post(`/stories/${german.id}/replies`, { body: "Danke!", lang: "en" }, { formPage: german.path });
      expect(res.statusCode).toBe(303);
      const id = Number(String(res.headers.location).match(/#reply-(\d+)$/)![1]);
      expect(await stored("replies", id)).toBe("en");
      const form = await member.get(`/replies/${id}/edit`);
      expect(fieldValue(form.body, "lang")).toBe("en");
      await member.post(`/replies/${id}/edit`, { body: "Danke!", lang: "de" }, { formPage: `/replies/${id}/edit` });
      expect(await stored("replies", id)).toBe("de");
      const refused = await member.post(`/stories/${german.id}/replies`, { body: "Danke, sehr hilfreich.", lang: "xx" }, { formPage: german.path });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain("Danke, sehr hilfreich.");
      expect(find(refused.body, "#f-lang-error")).toBeDefined();
    });

    it("marks the user page, the feed and the open data with each text's language", async () => {
      const user = await t.app.inject("/u/lena_koeln");
      expect(findAll(user.body, 'a[href][lang="de"]').map(textOf)).toContainEqual(expect.stringMatching(/^Telekom schaltet/));
      expect(findAll(user.body, 'div.prose[lang="en"]').map(textOf)).toContainEqual(expect.stringMatching(/^Same thing/));
      const feed = await t.app.inject("/feed.xml");
      expect(attr(feed.body, "feed", "xmlns")).toBe("http://www.w3.org/2005/Atom");
      expect(attr(feed.body, "feed", "xml:lang")).toBe("en");
      const entry = findAll(feed.body, "entry").find((e) => textOf(e.querySelector("title") ?? undefined).startsWith("Telekom schaltet"));
      expect(entry?.getAttribute("xml:lang")).toBe("de");
      expect(entry?.querySelector("title")?.getAttribute("type")).toBe("text");
      expect(textOf(entry?.querySelector("id") ?? undefined)).not.toBe("");
      const json = JSON.parse((await t.app.inject("/stories.json")).body) as { stories: { id: number; lang: string }[] };
      expect(json.stories.find((s) => s.id === german.id)?.lang).toBe("de");
    });
  });

  describe("search stems each text in its own language", () => {
    let germanStory: PostedStory;
    let englishStory: PostedStory;
    let englishWithGermanWord: PostedStory;
    const found = async (q: string) => (await t.app.inject(`/search?q=${encodeURIComponent(q)}`)).body;

    beforeAll(async () => {
      germanStory = await postStoryForm(member, { title: "Die Bestellung kam nie an, der Händler schwieg", body: "Meine Bestellung wurde bezahlt, aber nie geliefert. Der Vorstand hat nach einer Woche geantwortet.", lang: "de" });
      englishStory = await postStoryForm(member, { title: "Skyways cancelled the flight and the refund", body: "They cancelled the booking, and then the rebooking. The CEO's office sorted it out.", lang: "en" });
      // The German word in an English text is stemmed as English: "Bestellungen" does not reach it.
      englishWithGermanWord = await postStoryForm(member, { title: "The word Bestellung on the German invoice", body: "My order confirmation only said Bestellung, nothing more, and the shop never answered my mail.", lang: "en" });
    });

    it("finds a German story by an inflected form (Bestellungen → Bestellung), through German stems only", async () => {
      const html = await found("Bestellungen");
      expect(html).toContain(`href="${germanStory.path}"`);
      expect(html).not.toContain(`href="${englishWithGermanWord.path}"`);
      expect(find(html, 'h3.story-title[lang="de"]')).toBeDefined();
    });

    it("finds an English story by an inflected form (cancelling → cancelled)", async () => {
      const html = await found("cancelling");
      expect(html).toContain(`href="${englishStory.path}"`);
    });
  });
});

describe("existing texts get a guessed language", () => {
  it("the demo stories: the German ones are German, the founding English one English", async () => {
    const t = await createTestApp({ demo: true });
    try {
      const db = t.database.db;
      const langOf = async (titleStart: string) =>
        (await db.selectFrom("stories").select("lang").where("title", "like", `${titleStart}%`).executeTakeFirstOrThrow()).lang;
      expect(await langOf("MediaMarkt storniert meine Lumia-920-Vorbestellung")).toBe("de");
      expect(await langOf("Best Buy cancelled my Lumia 920 pre-order twice")).toBe("en");
      const counts = await db.selectFrom("stories").select(["lang", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("lang").execute();
      const total = counts.reduce((sum, c) => sum + Number(c.n), 0);
      const german = Number(counts.find((c) => c.lang === "de")?.n ?? 0);
      // A quarter of the demo stories are German.
      expect(german / total).toBeGreaterThan(0.15);
      expect(german / total).toBeLessThan(0.4);
    } finally {
      await t.close();
    }
  }, 120_000);
});
