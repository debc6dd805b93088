/**
 * From laid-out text to glyphs: which glyphs each face needs (to subset), and the PDF string operands
 * (2-byte glyph ids of the subset, Identity-H) with the TJ adjustments for justification and kerning.
 */
import { eachCodePoint } from "../../fonts/codepoints.js";
import type { FontSet } from "../../fonts/fontset.js";
import { glyphFor } from "../../fonts/measure.js";
import type { FontSubset } from "../../fonts/subset.js";
import type { TrueTypeFont } from "../../fonts/truetype.js";
import type { Face, PageFrame } from "../../layout/types.js";

export interface FaceUsage {
  font: TrueTypeFont;
  /** Original glyph ids used. */
  glyphs: Set<number>;
  /** Original glyph id → the text it stands for (first code point seen; for ToUnicode). */
  unicode: Map<number, number>;
  /** Code points the font lacks (drawn as .notdef). */
  missing: Set<number>;
}


export function collectGlyphs(pages: readonly PageFrame[], fonts: FontSet): Map<Face, FaceUsage> {
  const usage = new Map<Face, FaceUsage>();
  for (const page of pages) {
    for (const f of page.items) {
      if (f.kind !== "text" || f.text === "") continue;
      let u = usage.get(f.face);
      if (!u) {
        u = { font: fonts.faces[f.face], glyphs: new Set(), unicode: new Map(), missing: new Set() };
        usage.set(f.face, u);
      }
      const face = u;
      eachCodePoint(f.text, (cp) => {
        const gid = glyphFor(face.font, cp);
        if (gid === 0) face.missing.add(cp);
        if (!face.glyphs.has(gid)) {
          face.glyphs.add(gid);
          face.unicode.set(gid, cp === 0x09 || cp === 0xa0 ? 0x20 : cp);
        } else if (cp === 0x20) {
          // Prefer the plain space for the space glyph (a no-break space maps to it too).
          face.unicode.set(gid, cp);
        }
      });
    }
  }
  return usage;
}

/** A number for a content stream: at most 3 decimals, no trailing zeros, no "-0". */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  if (r === 0) return "0";
  return String(r);
}

/** One byte inside a literal string: the delimiters, the backslash and end-of-line bytes escaped. */
function literalByte(b: number): string {
  if (b === 0x28 || b === 0x29 || b === 0x5c) return "\\" + String.fromCharCode(b);
  if (b === 0x0a) return "\\n";
  if (b === 0x0d) return "\\r";
  return String.fromCharCode(b);
}

/**
 * Per subset: code point → its 2-byte code (subset glyph id, big-endian) as literal-string bytes.
 * Binary literal strings are half the size of hex strings, which halves what zlib has to compress
 * (content streams were a tenth of a bulk build's time); the stream is a latin1 (byte) string.
 */
const codeCaches = new WeakMap<FontSubset, Map<number, string>>();

function codeOf(cache: Map<number, string>, font: TrueTypeFont, subset: FontSubset, cp: number): string {
  let code = cache.get(cp);
  if (code === undefined) {
    const g = subset.newGid.get(glyphFor(font, cp)) ?? 0;
    code = literalByte(g >> 8) + literalByte(g & 0xff);
    cache.set(cp, code);
  }
  return code;
}

/**
 * The TJ operand for a text frame: literal strings of 2-byte subset glyph ids (Identity-H), with a
 * negative adjustment (in thousandths of an em) after each space when justified, and kerning between
 * pairs when enabled. Returns a byte string (every char < 256).
 */
export function tjArray(text: string, size: number, wordSpacing: number, font: TrueTypeFont, subset: FontSubset, kerning: boolean): string {
  const upm = font.unitsPerEm;
  const spaceAdjust = wordSpacing ? num((-wordSpacing * 1000) / size) : "";
  const kern = kerning && font.hasKerning;
  let codes = codeCaches.get(subset);
  if (!codes) codeCaches.set(subset, (codes = new Map()));
  const cache = codes;
  let out = "[(";
  let open = false; // the current string has bytes
  let prev = -1;
  // A TJ adjustment closes the current string and opens the next; with nothing drawn since the
  // last one, the empty string "()" is not written (the adjustments are separated by a space).
  const adjust = (a: string) => {
    out = open ? `${out})${a}(` : `${out.slice(0, -1)} ${a}(`;
    open = false;
  };
  eachCodePoint(text, (cp) => {
    if (kern) {
      const gid = glyphFor(font, cp);
      if (prev >= 0) {
        const k = font.kerning(prev, gid);
        if (k) adjust(num((-k * 1000) / upm));
      }
      prev = gid;
    }
    out += codeOf(cache, font, subset, cp);
    open = true;
    if (spaceAdjust && cp === 0x20) adjust(spaceAdjust);
  });
  return open ? out + ")]" : out.slice(0, -1) + "]";
}
