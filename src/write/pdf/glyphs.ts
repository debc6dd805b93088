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
import { num, type ByteWriter } from "./bytes.js";

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

/**
 * Per subset: code point → its 2-byte code (subset glyph id, big-endian) as the bytes of a literal
 * string, ( ) \\ LF CR escaped. Binary literal strings are half the size of hex strings, which halves
 * what zlib has to compress (content streams were a tenth of a bulk build's time).
 */
const codeCaches = new WeakMap<FontSubset, Map<number, number[]>>();

function escaped(b: number, out: number[]): void {
  if (b === 0x28 || b === 0x29 || b === 0x5c) out.push(0x5c, b);
  else if (b === 0x0a) out.push(0x5c, 0x6e); // \n
  else if (b === 0x0d) out.push(0x5c, 0x72); // \r
  else out.push(b);
}

function codeOf(cache: Map<number, number[]>, font: TrueTypeFont, subset: FontSubset, cp: number): number[] {
  let code = cache.get(cp);
  if (code === undefined) {
    const g = subset.newGid.get(glyphFor(font, cp)) ?? 0;
    code = [];
    escaped(g >> 8, code);
    escaped(g & 0xff, code);
    cache.set(cp, code);
  }
  return code;
}

/**
 * Writes the TJ operand for a text frame: literal strings of 2-byte subset glyph ids (Identity-H),
 * with a negative adjustment (in thousandths of an em) after each space when justified, and kerning
 * between pairs when enabled.
 */
export function writeTjArray(w: ByteWriter, text: string, size: number, wordSpacing: number, font: TrueTypeFont, subset: FontSubset, kerning: boolean): void {
  const upm = font.unitsPerEm;
  const spaceAdjust = wordSpacing ? num((-wordSpacing * 1000) / size) : "";
  const kern = kerning && font.hasKerning;
  let codes = codeCaches.get(subset);
  if (!codes) codeCaches.set(subset, (codes = new Map()));
  const cache = codes;
  w.byte(0x5b); // [
  let open = false; // a string is open
  let prev = -1;
  // A TJ adjustment closes the current string; nothing drawn since the last one writes no "()".
  const adjust = (a: string) => {
    if (open) w.byte(0x29).text(a); // ")" delimits the number
    else w.byte(0x20).text(a);
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
    if (!open) {
      w.byte(0x28); // (
      open = true;
    }
    for (const b of codeOf(cache, font, subset, cp)) w.byte(b);
    if (spaceAdjust && cp === 0x20) adjust(spaceAdjust);
  });
  if (open) w.byte(0x29);
  w.byte(0x5d); // ]
}
