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
 * Plain bytes and the same deflated on their own, ending byte-aligned with no
 * back-reference out of the piece, so pieces in any order make one deflate
 * stream; with the CRC-32 of the plain bytes and what appending them does to a
 * CRC (x^(8·length) mod the CRC polynomial), so a page of pieces costs no pass
 * over its bytes.
 */
export interface GzipPiece {
  length: number;
  deflated: Buffer;
  crc: number;
  shift: number;
}

const FULL_FLUSH = { finishFlush: zlib.constants.Z_FULL_FLUSH };

/** A kept piece, deflated once off the event loop. */
export async function gzipPiece(plain: Buffer): Promise<GzipPiece> {
  return { length: plain.length, deflated: await deflateRaw(plain, FULL_FLUSH), crc: zlib.crc32(plain), shift: crcShift(plain.length) };
}

/**
 * A small piece made per request (a member's header): stored, not compressed. A few
 * hundred bytes more on the wire cost less than a compressor set up per request, which
 * was a tenth of a member's page.
 */
export function gzipPieceNow(plain: Buffer): GzipPiece {
  const blocks: Buffer[] = [];
  // RFC 1951 §3.2.4: a stored block not final (a zero byte: BFINAL 0, BTYPE 00, padding), LEN, NLEN, the bytes.
  for (let at = 0; at < plain.length || blocks.length === 0; at += 0xffff) {
    const bytes = plain.subarray(at, at + 0xffff);
    const head = Buffer.alloc(5);
    head.writeUInt16LE(bytes.length, 1);
    head.writeUInt16LE(~bytes.length & 0xffff, 3);
    blocks.push(head, bytes);
  }
  return { length: plain.length, deflated: Buffer.concat(blocks), crc: zlib.crc32(plain), shift: crcShift(plain.length) };
}

// RFC 1952: the magic, deflate, no flags, no time, no extra flags, unknown OS.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
const LAST_BLOCK = zlib.deflateRawSync(Buffer.alloc(0));

/** One gzip stream of the pieces: their deflated bytes, an empty last block, and the CRC and size of the whole. */
export function gzipOf(pieces: GzipPiece[]): Buffer {
  let crc = 0, size = 0;
  for (const piece of pieces) {
    crc = (multiplyModP(piece.shift, crc) ^ piece.crc) >>> 0;
    size += piece.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  return Buffer.concat([GZIP_HEADER, ...pieces.map((p) => p.deflated), LAST_BLOCK, trailer]);
}

// CRC-32 of a concatenation from the CRCs of its parts, as zlib's crc32_combine does it (Node does
// not expose that): crc(A·B) = crc(A)·x^(8·|B|) ⊕ crc(B) in GF(2) modulo the reflected polynomial.
const POLYNOMIAL = 0xedb88320;
/** a·b modulo the polynomial, both reflected (x^0 is the top bit). */
function multiplyModP(a: number, b: number): number {
  let product = 0;
  for (let m = 0x80000000; m !== 0; m >>>= 1) {
    if (a & m) {
      product ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
  }
  return product >>> 0;
}
/** x^(2^k) modulo the polynomial, k = 0…31. */
const X_TO_2_TO_THE = (() => {
  const table = [0x40000000]; // x^1
  for (let k = 1; k < 32; k++) table.push(multiplyModP(table[k - 1]!, table[k - 1]!));
  return table;
})();
/** x^(8·bytes) modulo the polynomial: what appending that many bytes does to a CRC. */
export function crcShift(bytes: number): number {
  let shift = 0x80000000; // x^0
  for (let n = bytes * 8, k = 0; n > 0; n = Math.floor(n / 2), k++) if (n % 2) shift = multiplyModP(X_TO_2_TO_THE[k % 32]!, shift);
  return shift;
}
