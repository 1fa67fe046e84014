// The thread page, rendered once per version of its content and reused.
//
// A visitor's page is the same for every visitor: kept whole, with its ETag,
// under (language, story, page). A member's page reuses the replies rendered
// for their audience (member or moderator) and adds what is theirs: their
// own replies' edit and delete links, flag links on the others', the me-too
// and reply forms, the header. Every request first reads the thread's
// version (findThreadHead), so a kept rendering is never older than the
// database, whichever app instance wrote last.
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { languageOptions } from "../lib/content-language.js";
import { i18nFor, type I18n, type Locale } from "../i18n/index.js";
import { bodyEtag } from "../plugins/http-cache.js";
import { listOfficialReplies, listThreadPage, THREAD_PAGE_SIZE } from "../replies/queries.js";
import { MAX_INDENT, nestReplies } from "../replies/thread.js";
import { storyMeta } from "../seo/meta.js";
import { threadPagePath } from "../lib/paths.js";
import { ByteLru } from "../lib/byte-lru.js";
import { describePath, findPath, type PathEntry } from "./path.js";
import { findStory, type StoryDetail, type ThreadHead } from "./queries.js";

export type Audience = "visitor" | "member" | "moderator";

interface ThreadRendering {
  version: string;
  story: StoryDetail;
  path: PathEntry[];
  officialLinks: string[];
  repliesHtml: string;
  /** For a member's page: the replies cut where each viewer's own links go. */
  viewerSlots: ViewerSlots | null;
  nextAfter: number | null;
  /** A visitor's whole page, encoded once, and its ETag. */
  page?: { body: Buffer; etag: string };
  bytes: number;
}

/** The memory kept thread renderings share: a 100-reply page is ~100 kB of replies, ~100 kB more as a visitor's page. */
export const KEPT_THREAD_BYTES = 48 * 2 ** 20;

// What a rendering holds beyond its HTML (the story's text and facts), roughly.
const sizeOf = (entry: Omit<ThreadRendering, "bytes">) =>
  2 * entry.repliesHtml.length + (entry.page?.body.length ?? 0) + entry.story.body_md.length + entry.story.body_html.length + 4096;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// What a screen reader hears after the short visible word ("flag" of which reply?).
const HIDDEN = '<span class="visually-hidden">';

/**
 * The replies' HTML cut at each reply's viewer-links comment and encoded, with
 * both links each place can get, worded once per rendering: a member's page then
 * only picks one per reply (edit and delete on their own, flag on the others')
 * and copies bytes, instead of re-encoding ~100 kB of replies per request.
 */
interface ViewerSlots {
  parts: Buffer[];
  slots: { authorId: number; own: Buffer; other: Buffer }[];
}

function viewerSlots(html: string, { t, paths }: I18n): ViewerSlots {
  const r = t.replies;
  const pieces = html.split(/<!--viewer-links:(\d+):(\d+)-->/);
  const parts: Buffer[] = [];
  const slots: ViewerSlots["slots"] = [];
  for (let i = 0; i < pieces.length; i += 3) {
    parts.push(Buffer.from(pieces[i]!));
    if (i + 2 >= pieces.length) break;
    const id = Number(pieces[i + 1]);
    slots.push({
      authorId: Number(pieces[i + 2]),
      own: Buffer.from(`<a href="${escapeHtml(paths.replyEdit(id))}">${escapeHtml(r.editOwn)}${HIDDEN}${escapeHtml(r.ownHidden)}</span></a>
      <a href="${escapeHtml(paths.replyDelete(id))}">${escapeHtml(r.deleteOwn)}${HIDDEN}${escapeHtml(r.ownHidden)}</span></a>`),
      other: Buffer.from(`<a href="${escapeHtml(paths.replyFlag(id))}">${escapeHtml(r.flag)}${HIDDEN}${escapeHtml(r.flagHidden)}</span></a>`),
    });
  }
  return { parts, slots };
}

/** The member's page: the page around the replies, rendered for them, with the kept replies' bytes in its place. */
function memberPage(html: string, { parts, slots }: ViewerSlots, viewerId: number): Buffer {
  const at = html.indexOf(REPLIES_HERE);
  if (at < 0) throw new Error("stories/show.eta did not place the replies");
  const chunks = [Buffer.from(html.slice(0, at)), parts[0]!];
  for (const [i, slot] of slots.entries()) chunks.push(slot.authorId === viewerId ? slot.own : slot.other, parts[i + 1]!);
  chunks.push(Buffer.from(html.slice(at + REPLIES_HERE.length)));
  return Buffer.concat(chunks);
}

// Where the replies go in a member's page; no text a user wrote can contain it (it is escaped, and unguessable).
const REPLIES_HERE = `<!--replies:${randomUUID()}-->`;

export function threadPages(app: FastifyInstance) {
  const cache = new ByteLru<ThreadRendering>(KEPT_THREAD_BYTES);
  const keyOf = (head: ThreadHead, after: number | null, audience: Audience, language: Locale) => `${language}|${head.id}|${after ?? ""}|${audience}`;

  async function render(head: ThreadHead, after: number | null, audience: Audience, language: Locale): Promise<ThreadRendering | undefined> {
    const key = keyOf(head, after, audience, language);
    const kept = cache.get(key);
    if (kept?.version === head.version) return kept;
    const [story, officials, steps] = await Promise.all([findStory(app.db, head.id), listOfficialReplies(app.db, head.id), findPath(app.db, head.id)]);
    if (!story) return undefined;
    const roots = [...new Set(officials.map((o) => o.root))];
    const i18n = i18nFor(language);
    const rows = await listThreadPage(app.db, story.id, roots, after);
    const onPage = new Set(rows.slice(0, THREAD_PAGE_SIZE).map((r) => r.id));
    const replies = nestReplies(rows.slice(0, THREAD_PAGE_SIZE));
    const repliesHtml = replies.length ? app.renderFragment("/stories/_replies", { ...i18n, replies, story, maxIndent: MAX_INDENT, audience }) : "";
    const rendering = {
      version: head.version,
      story,
      path: describePath(story, steps),
      officialLinks: officials.map((o) => (onPage.has(o.id) ? `#reply-${o.id}` : i18n.paths.reply(story, o.id))),
      repliesHtml,
      viewerSlots: audience === "visitor" || !repliesHtml ? null : viewerSlots(repliesHtml, i18n),
      nextAfter: rows.length > THREAD_PAGE_SIZE ? rows[THREAD_PAGE_SIZE - 1]!.id : null,
    };
    const entry: ThreadRendering = { ...rendering, bytes: sizeOf(rendering) };
    cache.set(key, entry);
    return entry;
  }

  function pageData(entry: ThreadRendering, after: number | null, locale: Locale) {
    const story = entry.story;
    const paths = i18nFor(locale).paths;
    return {
      title: story.title,
      // Each page of a long thread is its own canonical address.
      meta: storyMeta(story, i18nFor(locale), threadPagePath(story, after)),
      story,
      path: entry.path,
      officialLinks: entry.officialLinks,
      firstPageHref: after === null ? null : paths.story(story),
      nextHref: entry.nextAfter === null ? null : paths.threadPage(story, entry.nextAfter),
      loginHref: paths.login(threadPagePath(story, null)),
    };
  }

  /** Sends the thread page at `after` (null: the first page); false when the story is gone. */
  return async function sendThreadPage(request: FastifyRequest, reply: FastifyReply, head: ThreadHead, after: number | null, audience: Audience): Promise<boolean> {
    const language = request.locale;
    const entry = await render(head, after, audience, language);
    if (!entry) return false;
    const user = request.user;
    if (audience === "visitor" || !user) {
      if (!entry.page) {
        const html = await app.view("stories/show.eta", {
          ...reply.locals,
          currentPath: threadPagePath(entry.story, after),
          ...pageData(entry, after, language),
          repliesHtml: entry.repliesHtml,
          viewerId: null, isAuthor: false, isModerator: false, meToo: false, following: false, submissionKey: null, csrfToken: null,
        });
        const body = Buffer.from(html);
        entry.page = { body, etag: bodyEtag(body) };
        entry.bytes = sizeOf(entry);
        cache.set(keyOf(head, after, audience, language), entry); // counted at its new size
      }
      reply.type("text/html; charset=utf-8").header("etag", entry.page.etag).send(entry.page.body);
      return true;
    }
    const csrfToken = reply.csrfToken();
    const html = await app.view("stories/show.eta", {
      ...reply.locals,
      ...pageData(entry, after, language),
      repliesHtml: entry.viewerSlots ? REPLIES_HERE : entry.repliesHtml,
      viewerId: user.id,
      isAuthor: user.id === entry.story.author_id,
      isModerator: audience === "moderator",
      meToo: head.viewer?.meToo ?? false,
      following: head.viewer?.following ?? false,
      submissionKey: randomUUID(),
      languages: languageOptions(request.i18n.t.languages),
      csrfToken,
    });
    // Encoded once: the ETag and the socket both read these bytes.
    const body = entry.viewerSlots ? memberPage(html, entry.viewerSlots, user.id) : Buffer.from(html);
    reply.type("text/html; charset=utf-8").header("etag", bodyEtag(body)).send(body);
    return true;
  };
}
