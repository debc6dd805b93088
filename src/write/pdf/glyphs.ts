/**
 * From laid-out text to glyphs: which glyphs each face needs (to subset), and the PDF string operands
 * (2-byte glyph ids of the subset, Identity-H) with the TJ adjustments for justification and kerning.
 */
import type { FontSet } from "../../fonts/fontset.js";
import { glyphFor } from "../../fonts/metrics.js";
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

/** Code points below this (Latin, Vietnamese, general punctuation) are remembered in a flat table. */
const SEEN_LIMIT = 0x2100;

export function collectGlyphs(pages: readonly PageFrame[], fonts: FontSet): Map<Face, FaceUsage> {
  const usage = new Map<Face, FaceUsage>();
  const seenCodePoints = new Map<FaceUsage, Uint8Array>();
  for (const page of pages) {
    for (const f of page.items) {
      if (f.kind !== "text" || f.text === "") continue;
      let u = usage.get(f.face);
      if (!u) {
        u = { font: fonts.faces[f.face], glyphs: new Set(), unicode: new Map(), missing: new Set() };
        usage.set(f.face, u);
      }
      const face = u;
      let seen = seenCodePoints.get(face);
      if (!seen) seenCodePoints.set(face, (seen = new Uint8Array(SEEN_LIMIT)));
      const seenBmp = seen;
      const text = f.text;
      // A plain loop (this visits every character drawn); codePointAt joins surrogate pairs.
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        // A code point seen before changes nothing (the plain space's entry is set at its first use).
        if (cp < SEEN_LIMIT) {
          if (seenBmp[cp]) continue;
          seenBmp[cp] = 1;
        }
        const gid = glyphFor(face.font, cp);
        if (gid === 0) face.missing.add(cp);
        if (!face.glyphs.has(gid)) {
          face.glyphs.add(gid);
          face.unicode.set(gid, cp === 0x09 || cp === 0xa0 ? 0x20 : cp);
        } else if (cp === 0x20) {
          // Prefer the plain space for the space glyph (a no-break space maps to it too).
          face.unicode.set(gid, cp);
        }
      }
    }
  }
  return usage;
}

/**
 * Per subset: original glyph id → subset glyph id, as an array (a Map lookup per glyph drawn was a
 * visible part of writing content streams). Glyphs outside the subset draw .notdef (0).
 */
const subsetGids = new WeakMap<FontSubset, Uint16Array>();

function subsetGidArray(subset: FontSubset, font: TrueTypeFont): Uint16Array {
  let a = subsetGids.get(subset);
  if (!a) {
    a = new Uint16Array(font.numGlyphs + 1);
    for (const [oldGid, newGid] of subset.newGid) if (oldGid < a.length) a[oldGid] = newGid;
    subsetGids.set(subset, a);
  }
  return a;
}

/**
 * One byte of a 2-byte glyph code inside a binary literal string, ( ) \\ LF CR escaped. Binary
 * literal strings are half the size of hex strings, which halves what zlib has to compress.
 */
function codeByte(w: ByteWriter, b: number): void {
  if (b === 0x28 || b === 0x29 || b === 0x5c) w.byte(0x5c).byte(b);
  else if (b === 0x0a)
    w.byte(0x5c).byte(0x6e); // \n
  else if (b === 0x0d)
    w.byte(0x5c).byte(0x72); // \r
  else w.byte(b);
}

/**
 * A TJ adjustment: it closes the current string if one is open; nothing drawn since the last one
 * writes no "()".
 */
function adjust(w: ByteWriter, open: boolean, a: string): void {
  if (open)
    w.byte(0x29).text(a); // ")" delimits the number
  else w.byte(0x20).text(a);
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
  const gids = subsetGidArray(subset, font);
  w.byte(0x5b); // [
  let open = false; // a string is open
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (kern) {
      const gid = glyphFor(font, cp);
      if (prev >= 0) {
        const k = font.kerning(prev, gid);
        if (k) {
          adjust(w, open, num((-k * 1000) / upm));
          open = false;
        }
      }
      prev = gid;
    }
    if (!open) {
      w.byte(0x28); // (
      open = true;
    }
    const g = gids[glyphFor(font, cp)] ?? 0;
    codeByte(w, g >> 8);
    codeByte(w, g & 0xff);
    if (spaceAdjust && cp === 0x20) {
      adjust(w, open, spaceAdjust);
      open = false;
    }
  }
  if (open) w.byte(0x29);
  w.byte(0x5d); // ]
}
