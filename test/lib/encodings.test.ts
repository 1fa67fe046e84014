// A member's compressed page is one gzip stream of pieces deflated once and
// pieces stored per request, its CRC combined from theirs: any browser's gunzip
// (which checks the CRC and the length) must get the page back byte for byte.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipOf, gzipPiece, gzipPieceNow } from "../../server/lib/encodings.js";
import { seededRandom } from "../companies/helpers.js";

const random = seededRandom(12);
const text = (length: number) => Buffer.from(Array.from({ length }, () => "abcdefghij <>\"é€\n"[Math.floor(random() * 18)]).join(""));

describe("a gzip stream of kept and stored pieces", () => {
  it("gunzips to the pieces in order, whatever their sizes, with the CRC and length gunzip checks", async () => {
    for (const sizes of [[0], [1, 0, 1], [5000, 40, 70_000, 3, 12_000], [70_000, 65_535, 65_536, 200_000], [1, 2, 3, 4, 5, 6, 7, 8]]) {
      const plains = sizes.map(text);
      const pieces = await Promise.all(plains.map((plain, i) => (i % 2 ? gzipPieceNow(plain) : gzipPiece(plain))));
      expect(gunzipSync(gzipOf(pieces)).equals(Buffer.concat(plains))).toBe(true);
    }
  });

  it("is refused by gunzip when a piece is not what its CRC says", async () => {
    const pieces = [await gzipPiece(text(100)), gzipPieceNow(text(10))];
    const wrong = { ...pieces[1]!, crc: pieces[1]!.crc ^ 1 };
    expect(() => gunzipSync(gzipOf([pieces[0]!, wrong]))).toThrow();
  });
});
