// The company pages (/companies, /companies/how, /companies/:slug), rendered
// once per version of their content and reused by every visitor AND member.
//
// A rendering is made for nobody: where a page shows what is a member's own
// (the header's account links and moderation link, the follow form) it leaves
// a marked place. A visitor's page fills those places once, when it is
// rendered, and is kept whole with its ETag, compressed once per coding asked
// for; a member's page fills them per request from their session (name, unread
// count, CSRF token, role) and the followers kept with the rendering, and
// copies the rest: no query of its own, and compressed as a gzip stream of the
// parts deflated once and the filled places stored as they are. The version is read first, by the
// route (page-versions.ts), so a kept rendering is never older than the
// database, whichever app instance wrote last; a miss is rendered once however
// many ask.
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { acceptsGzip, encode, gzipOf, gzipPiece, gzipPieceNow, preferredEncoding, type Encoding, type GzipPiece } from "../lib/encodings.js";
import { keptRenderings, type KeptRendering } from "../lib/kept-renderings.js";
import { bodyEtag } from "../plugins/http-cache.js";

/** The memory the kept company pages share (the biggest company page is ~70 kB, kept twice: cut and whole). */
export const KEPT_COMPANY_PAGE_BYTES = 16 * 2 ** 20;

const SLOTS = ["moderation", "account", "follow"] as const;
type Slot = (typeof SLOTS)[number];
const isSlot = (name: string): name is Slot => (SLOTS as readonly string[]).includes(name);

// No text a user wrote can contain it (it is escaped, and unguessable).
const MARK = randomUUID();
const slotMark = (slot: Slot) => `<!--viewer:${MARK}:${slot}-->`;
const SLOT_MARKS = new RegExp(`<!--viewer:${MARK}:(${SLOTS.join("|")})-->`);

interface KeptCompanyPage extends KeptRendering {
  /** The rendering cut at its marked places: parts.length === slots.length + 1. */
  parts: Buffer[];
  slots: Slot[];
  /** A visitor's page, encoded once, its ETag, and its compressed bytes as first asked for. */
  visitor: { body: Buffer; etag: string; encoded: Partial<Record<Encoding, Promise<Buffer>>> };
  /** Who followed the organisation when it was rendered (a follow moves the version). */
  followers: Set<number>;
  /** The parts deflated once, as first asked for: a member's page is then one gzip stream of them and the filled places. */
  gzipParts?: Promise<GzipPiece[]>;
}

/** The page's pieces in order, its marked places filled; a place the filler has nothing for stays empty. */
function pieces<T extends object>(parts: T[], slots: Slot[], fill: Partial<Record<Slot, string>>, piece: (text: string) => T): T[] {
  const out = [parts[0]!];
  for (const [i, slot] of slots.entries()) {
    const text = fill[slot];
    if (text) out.push(piece(text));
    out.push(parts[i + 1]!);
  }
  return out;
}

function filled(page: Pick<KeptCompanyPage, "parts" | "slots">, fill: Partial<Record<Slot, string>>): Buffer {
  return Buffer.concat(pieces(page.parts, page.slots, fill, (text) => Buffer.from(text)));
}

export interface CompanyPageView {
  template: string;
  /** The page's own data; read only when the kept rendering is missing or of another version. */
  data: () => Promise<Record<string, unknown>>;
  /** The company page's follow form, for a member: where it posts, and who follows (read with the page's data). */
  follow?: { action: string; followers: () => Promise<Set<number>> };
}

export function keptCompanyPages(app: FastifyInstance) {
  const kept = keptRenderings<KeptCompanyPage>({
    maxBytes: KEPT_COMPANY_PAGE_BYTES,
    onLookup: (hit) => app.metrics.pageCacheLookup("companies", hit),
  });

  /** Answers with the page at the request's address, as kept for `version` or rendered now. */
  return async function sendCompanyPage(request: FastifyRequest, reply: FastifyReply, version: string, view: CompanyPageView): Promise<FastifyReply> {
    const locals = reply.locals ?? {};
    // The language, the origin the page's links name, and the address (query string included).
    const key = `${request.locale}|${locals.siteBase ?? ""}|${request.url}`;
    const page = await kept.through(key, version, async () => {
      const renderedAt = Date.now();
      const [data, followers] = await Promise.all([view.data(), view.follow?.followers() ?? new Set<number>()]);
      const html = await app.view(view.template, { ...locals, currentUser: null, unreadNotifications: 0, csrfToken: null, ...data, viewerSlot: slotMark });
      const pieces = html.split(SLOT_MARKS);
      const cut = {
        parts: pieces.filter((_, i) => i % 2 === 0).map((piece) => Buffer.from(piece)),
        slots: pieces.flatMap((piece, i) => (i % 2 === 1 && isSlot(piece) ? [piece] : [])),
      };
      if (!cut.slots.includes("account")) throw new Error(`${view.template}: the layout did not mark the header's account links`);
      // A visitor's header: the log-in and sign-up links back to this address; no form of anyone's.
      const body = filled(cut, { account: app.renderFragment("/partials/_account_nav", { ...locals, currentUser: null }) });
      // The cut parts, the visitor's page, and the compressed copies of both (a fifth each, roughly).
      const bytes = 2.6 * body.length + key.length + 16 * followers.size;
      return { version, renderedAt, ...cut, visitor: { body, etag: bodyEtag(body), encoded: {} }, followers, bytes };
    });
    reply.type("text/html; charset=utf-8");
    const user = request.user;
    if (!user) {
      // Compressed once per rendering, not per request (the app's compression leaves an encoded answer alone).
      const { body, etag, encoded } = page.visitor;
      const encoding = preferredEncoding(request.headers["accept-encoding"]);
      reply.header("etag", etag);
      if (!encoding) return reply.send(body);
      return reply.header("content-encoding", encoding).send(await (encoded[encoding] ??= encode(encoding, body)));
    }
    const csrfToken = locals.csrfToken ?? reply.csrfToken();
    const fill = {
      moderation: user.role === "moderator" || user.role === "admin" ? app.renderFragment("/partials/_moderation_link", locals) : "",
      account: app.renderFragment("/partials/_account_nav", { ...locals, csrfToken }),
      follow: view.follow && app.renderFragment("/partials/_follow", { ...locals, action: view.follow.action, following: page.followers.has(user.id), what: "company", csrfToken }),
    };
    // The ETag of the kept rendering and of what was filled in: no hash of the whole page per request.
    reply.header("etag", `W/"${page.visitor.etag.slice(3, -1)}.${bodyEtag(JSON.stringify(fill)).slice(3, -1)}"`);
    if (!acceptsGzip(request.headers["accept-encoding"])) return reply.send(filled(page, fill));
    // Compressed without compressing the page: its parts were deflated once, the filled places go stored.
    const parts = await (page.gzipParts ??= Promise.all(page.parts.map(gzipPiece)));
    const body = gzipOf(pieces(parts, page.slots, fill, (text) => gzipPieceNow(Buffer.from(text))));
    return reply.header("content-encoding", "gzip").send(body);
  };
}
