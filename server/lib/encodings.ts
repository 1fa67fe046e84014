// A kept page compressed once, not per request: the content coding a request
// accepts (brotli before gzip, as the app's compression prefers) and the
// encoded bytes, made off the event loop. And a page put together per request
// from kept pieces (a member's) as one gzip stream of pieces deflated once.
import { promisify } from "node:util";
import zlib from "node:zlib";

export type Encoding = "br" | "gzip";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const deflateRaw = promisify(zlib.deflateRaw);

/** The coding to send for an Accept-Encoding header, or null for the plain bytes (none, or both refused with q=0). */
export function preferredEncoding(header: string | string[] | undefined): Encoding | null {
  const weight = weights(header);
  if (weight("br") > 0 && weight("br") >= weight("gzip")) return "br";
  return weight("gzip") > 0 ? "gzip" : null;
}

/** Whether the header accepts gzip at all. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return weights(header)("gzip") > 0;
}

function weights(header: string | string[] | undefined): (name: Encoding) => number {
  if (!header) return () => 0;
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(",") : header).split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  return (name) => weights.get(name) ?? weights.get("*") ?? 0;
}

/** Brotli at quality 9 (done once per kept page, so more than the per-request 4 of app.ts), gzip at its default. */
export function encode(encoding: Encoding, body: Buffer): Promise<Buffer> {
  return encoding === "br" ? brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }) : gzip(body);
}

/**
 * Plain bytes and the same deflated on their own, ending in a full flush: no
 * back-reference leaves the piece, so pieces in any order make one deflate stream.
 */
export interface GzipPiece {
  plain: Buffer;
  deflated: Buffer;
}

const FULL_FLUSH = { finishFlush: zlib.constants.Z_FULL_FLUSH };

export async function gzipPiece(plain: Buffer): Promise<GzipPiece> {
  return { plain, deflated: await deflateRaw(plain, FULL_FLUSH) };
}

/** A small piece (a member's header), deflated on the spot. */
export function gzipPieceNow(plain: Buffer): GzipPiece {
  return { plain, deflated: zlib.deflateRawSync(plain, FULL_FLUSH) };
}

// RFC 1952: the magic, deflate, no flags, no time, no extra flags, unknown OS.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
const LAST_BLOCK = zlib.deflateRawSync(Buffer.alloc(0));

/** One gzip stream of the pieces: their deflated bytes, an empty last block, and the CRC and size of the whole. */
export function gzipOf(pieces: GzipPiece[]): Buffer {
  let crc = 0, size = 0;
  for (const piece of pieces) {
    crc = zlib.crc32(piece.plain, crc);
    size += piece.plain.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  return Buffer.concat([GZIP_HEADER, ...pieces.map((p) => p.deflated), LAST_BLOCK, trailer]);
}
