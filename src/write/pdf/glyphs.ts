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

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0").toUpperCase());

/** A number for a content stream: at most 3 decimals, no trailing zeros, no "-0". */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  if (r === 0) return "0";
  return String(r);
}

/**
 * The TJ operand for a text frame: hex strings of subset glyph ids, with a negative adjustment (in
 * thousandths of an em) after each space when justified, and kerning between pairs when enabled.
 */
export function tjArray(text: string, size: number, wordSpacing: number, font: TrueTypeFont, subset: FontSubset, kerning: boolean): string {
  const upm = font.unitsPerEm;
  const spaceAdjust = wordSpacing ? num((-wordSpacing * 1000) / size) : "";
  const kern = kerning && font.hasKerning;
  const parts: string[] = ["[<"];
  let prev = -1;
  eachCodePoint(text, (cp) => {
    const gid = glyphFor(font, cp);
    if (kern && prev >= 0) {
      const k = font.kerning(prev, gid);
      if (k) parts.push(`>${num((-k * 1000) / upm)}<`);
    }
    const g = subset.newGid.get(gid) ?? 0;
    parts.push(HEX[g >> 8] + HEX[g & 0xff]);
    if (spaceAdjust && cp === 0x20) parts.push(`>${spaceAdjust}<`);
    prev = gid;
  });
  parts.push(">]");
  return parts.join("").replace(/<>/g, "");
}
