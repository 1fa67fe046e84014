// The thread page, rendered once per version of its content and reused.
//
// A visitor's page is the same for every visitor: kept whole, with its ETag,
// under (language, story, page). A member's page reuses the replies rendered
// for their audience (member or moderator) and adds what is theirs: their
// own replies' edit and delete links, flag links on the others', the me-too
// and reply forms, the header. Every request first reads the thread's
// version (findThreadHead), so a kept rendering is never older than the
// database, whichever app instance wrote last.
import { createHash, randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { languageOptions } from "../lib/content-language.js";
import { i18nFor, type I18n, type Locale } from "../i18n/index.js";
import { bodyEtag } from "../plugins/http-cache.js";
import { listOfficialReplies, listThreadPage, THREAD_PAGE_SIZE } from "../replies/queries.js";
import { UNREAD_CAP } from "../notifications/queries.js";
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
  /** A member's page around what is theirs, by the shape of their state (memberShellKey), rendered once each. */
  shells: Map<string, MemberShell>;
  bytes: number;
}

/** The memory kept thread renderings share: a 100-reply page is ~100 kB of replies, ~100 kB more as a visitor's page. */
export const KEPT_THREAD_BYTES = 48 * 2 ** 20;

// What a rendering holds beyond its HTML (the story's text and facts), roughly.
const sizeOf = (entry: Omit<ThreadRendering, "bytes">) =>
  2 * entry.repliesHtml.length + (entry.page?.body.length ?? 0) + entry.story.body_md.length + entry.story.body_html.length + 4096
  + [...entry.shells.values()].reduce((sum, shell) => sum + shell.bytes, 0);

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

// Where the replies go in a member's page; no text a user wrote can contain it (it is escaped, and unguessable).
const REPLIES_HERE = `<!--replies:${randomUUID()}-->`;

// What differs between two members' renderings of one kept shell: each is rendered
// as an unguessable mark that survives HTML escaping, and filled in per request.
const mark = randomUUID();
const HOLES = { csrf: `csrf-${mark}`, submission: `submission-${mark}`, username: `username-${mark}`, unread: `unread-${mark}` } as const;
type Hole = keyof typeof HOLES | "replies";
const HOLE_OF = new Map<string, Hole>([...Object.entries(HOLES).map(([hole, text]) => [text, hole as Hole] as const), [REPLIES_HERE, "replies"]]);
const HOLE_PATTERN = new RegExp(`(${[...HOLE_OF.keys()].join("|")})`);

/** A member's page rendered once for every member in the same state, cut at its holes. */
interface MemberShell {
  pieces: (Buffer | Hole)[];
  /** Tells this shell from the entry's others in the ETag. */
  key: string;
  bytes: number;
}

/** The member's state that changes the page's shape (not only a value in it). */
interface ShellState {
  isAuthor: boolean;
  meToo: boolean;
  following: boolean;
  hasUnread: boolean;
  /** The site's origin in canonical links: the Host a request named when no public URL is configured. */
  siteBase: string;
}

/** 16 shapes of a member's state, for a site or two. */
const MAX_SHELLS = 32;

const memberShellKey = (state: ShellState) => `${+state.isAuthor}${+state.meToo}${+state.following}${+state.hasUnread}|${state.siteBase}`;

function cutShell(html: string, key: string): MemberShell {
  const pieces = html.split(HOLE_PATTERN).map((piece, i) => (i % 2 ? HOLE_OF.get(piece)! : Buffer.from(piece)));
  return { pieces, key, bytes: html.length + 256 };
}

interface Viewer {
  id: number;
  username: string;
  unread: number;
  csrfToken: string;
  submissionKey: string;
}

/** The member's page: the kept shell with their values in its holes, and the kept replies with their links. */
function fillShell(shell: MemberShell, entry: ThreadRendering, viewer: Viewer, i18n: I18n): Buffer {
  const values: Record<Exclude<Hole, "replies">, Buffer> = {
    csrf: Buffer.from(escapeHtml(viewer.csrfToken)),
    submission: Buffer.from(escapeHtml(viewer.submissionKey)),
    username: Buffer.from(escapeHtml(viewer.username)),
    unread: Buffer.from(escapeHtml(viewer.unread >= UNREAD_CAP ? "99+" : i18n.fmt.number(viewer.unread))),
  };
  const chunks: Buffer[] = [];
  for (const piece of shell.pieces) {
    if (typeof piece !== "string") chunks.push(piece);
    else if (piece !== "replies") chunks.push(values[piece]);
    else if (entry.viewerSlots) {
      const { parts, slots } = entry.viewerSlots;
      chunks.push(parts[0]!);
      for (const [i, slot] of slots.entries()) chunks.push(slot.authorId === viewer.id ? slot.own : slot.other, parts[i + 1]!);
    }
  }
  return Buffer.concat(chunks);
}

/** Of the inputs the page is made of, not of its ~100 kB: the same page always gets the same tag, another page another. */
function memberEtag(entry: ThreadRendering, shell: MemberShell, viewer: Viewer): string {
  const inputs = [entry.version, shell.key, viewer.id, viewer.username, viewer.unread, viewer.csrfToken, viewer.submissionKey];
  return `W/"m${createHash("sha1").update(JSON.stringify(inputs)).digest("base64url")}"`;
}

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
      shells: new Map<string, MemberShell>(),
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
    const state: ShellState = {
      isAuthor: user.id === entry.story.author_id,
      meToo: head.viewer?.meToo ?? false,
      following: head.viewer?.following ?? false,
      hasUnread: user.unread_notifications > 0,
      siteBase: reply.locals?.siteBase ?? "",
    };
    const shellKey = memberShellKey(state);
    let shell = entry.shells.get(shellKey);
    if (!shell) {
      const html = await app.view("stories/show.eta", {
        ...reply.locals,
        // As a visitor's: the page's own address, not the request's (a kept shell serves every request for it).
        currentPath: threadPagePath(entry.story, after),
        ...pageData(entry, after, language),
        repliesHtml: entry.viewerSlots ? REPLIES_HERE : entry.repliesHtml,
        currentUser: { ...user, username: HOLES.username },
        unreadNotifications: state.hasUnread ? 1 : 0,
        unreadLabel: HOLES.unread,
        viewerId: user.id,
        isAuthor: state.isAuthor,
        isModerator: audience === "moderator",
        meToo: state.meToo,
        following: state.following,
        submissionKey: HOLES.submission,
        languages: languageOptions(request.i18n.t.languages),
        csrfToken: HOLES.csrf,
      });
      if (!entry.viewerSlots === html.includes(REPLIES_HERE)) throw new Error("stories/show.eta did not place the replies");
      shell = cutShell(html, shellKey);
      // Bounded whatever Host headers come in (siteBase is in the key when no public URL is set).
      if (entry.shells.size >= MAX_SHELLS) entry.shells.clear();
      entry.shells.set(shellKey, shell);
      entry.bytes = sizeOf(entry);
      cache.set(keyOf(head, after, audience, language), entry); // counted at its new size
    }
    // The header's log-out form already has this request's token (plugins/csrf.ts): one for the whole page.
    const csrfToken = typeof reply.locals?.csrfToken === "string" ? reply.locals.csrfToken : reply.csrfToken();
    const viewer: Viewer = { id: user.id, username: user.username, unread: user.unread_notifications, csrfToken, submissionKey: randomUUID() };
    // Encoded once: the socket reads these bytes.
    const body = fillShell(shell, entry, viewer, request.i18n);
    reply.type("text/html; charset=utf-8").header("etag", memberEtag(entry, shell, viewer)).send(body);
    return true;
  };
}
