// The one place URL shapes are spelled out; routes, views and feeds use these.
// English pages are unprefixed and German ones live under /de/ (server/i18n):
// pathsFor(locale) builds every link for a page's locale, and the bare exports
// below are the unprefixed (English, canonical-shape) forms for code that is
// not rendering a page (feeds' ids, exports, the data generator).
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales.js";

type StoryRef = { id: number; slug: string };
type NextPath = string | undefined;

/** The path as served in `locale`: "/x" → "/de/x", "/" → "/de/", "/?q" → "/de/?q". Idempotent. */
export function localisePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE || !path.startsWith("/") || path.startsWith("//")) return path;
  if (localeOfPath(path).locale === locale) return path;
  const rest = path.slice(1);
  return rest === "" || rest.startsWith("?") || rest.startsWith("#") ? `/${locale}/${rest}` : `/${locale}${path}`;
}

/** A request URL's locale and the URL without its prefix ("/de/search?q=x" → de, "/search?q=x"). */
export function localeOfPath(url: string): { locale: Locale; path: string } {
  if (url === "/de" || url.startsWith("/de/") || url.startsWith("/de?")) {
    const rest = url.slice(3);
    return { locale: "de", path: rest.startsWith("/") ? rest : `/${rest}` };
  }
  return { locale: DEFAULT_LOCALE, path: url };
}

const withNext = (path: string, next: NextPath) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);
const query = (path: string, params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
};

/** Every page's address in one locale; views get it as `it.paths`, routes as `request.i18n.paths`. */
export function pathsFor(locale: Locale) {
  const at = (path: string) => localisePath(locale, path);
  const story = (s: StoryRef) => at(`/stories/${s.id}/${s.slug}`);
  return {
    locale,
    /** Any path already shaped elsewhere (a route's own "?page=2" link), prefixed for this locale. */
    to: at,
    home: () => at("/"),
    story,
    /** A reply's permalink: the thread page that holds it (a long thread has several), scrolled to it. */
    reply: (s: StoryRef, replyId: number) => at(`/stories/${s.id}/${s.slug}?reply=${replyId}#reply-${replyId}`),
    /** A page of a long thread: the replies after the one with id `after`. */
    threadPage: (s: StoryRef, after: number | null) => (after === null ? story(s) : at(`/stories/${s.id}/${s.slug}?after=${after}`)),
    newStory: () => at("/stories/new"),
    storyEdit: (s: { id: number }) => at(`/stories/${s.id}/edit`),
    storyTimeline: (s: { id: number }) => at(`/stories/${s.id}/timeline`),
    storyRevisions: (s: { id: number }) => at(`/stories/${s.id}/revisions`),
    storyFlag: (s: { id: number }) => at(`/stories/${s.id}/flag`),
    storyDelete: (s: { id: number }) => at(`/stories/${s.id}/delete`),
    storyMeToo: (s: { id: number }) => at(`/stories/${s.id}/me-too`),
    storyFollow: (s: { id: number }) => at(`/stories/${s.id}/follow`),
    /** The reply form: to the story, or to one reply; quoting it if asked. */
    storyReply: (s: { id: number }, opts: { parent?: number; quote?: "story" | "1" } = {}) => at(query(`/stories/${s.id}/reply`, opts)),
    storyReplies: (s: { id: number }) => at(`/stories/${s.id}/replies`),
    replyEdit: (replyId: number) => at(`/replies/${replyId}/edit`),
    replyDelete: (replyId: number) => at(`/replies/${replyId}/delete`),
    replyRevisions: (replyId: number) => at(`/replies/${replyId}/revisions`),
    replyFlag: (replyId: number) => at(`/replies/${replyId}/flag`),
    companies: () => at("/companies"),
    company: (organisation: { slug: string }) => at(`/companies/${organisation.slug}`),
    companyFeed: (organisation: { slug: string }) => at(`/companies/${organisation.slug}/feed.xml`),
    companyFollow: (organisation: { slug: string }) => at(`/companies/${organisation.slug}/follow`),
    parties: () => at("/parties"),
    search: (q?: string) => at(query("/search", { q })),
    user: (user: { username: string }) => at(`/u/${encodeURIComponent(user.username)}`),
    login: (next?: NextPath) => at(withNext("/login", next)),
    signup: (next?: NextPath) => at(withNext("/signup", next)),
    logout: () => at("/logout"),
    forgotPassword: () => at("/forgot-password"),
    settings: () => at("/settings"),
    notifications: () => at("/notifications"),
    moderation: () => at("/moderation"),
    moderationLog: () => at("/moderation/log"),
    moderateStory: (s: { id: number }) => at(`/moderation/stories/${s.id}`),
    moderateReply: (replyId: number) => at(`/moderation/replies/${replyId}`),
    settingsPassword: () => at("/settings/password"),
    settingsEmail: () => at("/settings/email"),
    settingsMail: () => at("/settings/mail"),
    settingsSessionsEnd: () => at("/settings/sessions/end"),
    settingsExport: () => at("/settings/export.json"),
    settingsDelete: () => at("/settings/delete"),
    resetPassword: () => at("/reset-password"),
    adminMail: () => at("/admin/mail"),
    adminRepresentatives: () => at("/admin/representatives"),
    feed: () => at("/feed.xml"),
    /** The language switch: keeps the choice in a cookie, then shows `next` in `target`. Never prefixed. */
    language: (target: Locale, next: string) => `/language/${target}?next=${encodeURIComponent(next)}`,
  };
}
export type Paths = ReturnType<typeof pathsFor>;

const unprefixed = pathsFor(DEFAULT_LOCALE);
export const storyPath = unprefixed.story;
export const replyPath = unprefixed.reply;
export const threadPagePath = unprefixed.threadPage;
export const companyPath = unprefixed.company;
export const userPath = unprefixed.user;

/** A deleted member's name, shown where their kept stories and replies stand; it links nowhere. */
export const DELETED_MEMBER = "[deleted member]";
export const isDeletedMember = (username: string) => username === DELETED_MEMBER;
