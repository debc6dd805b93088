/**
 * Is this file a TrueType font we can measure and embed? A structural check of the sfnt container,
 * run once per configured font before anything is built (src/cli/font-check.ts), so that a wrong file
 * in `chamdiem.yaml` is a positioned diagnostic instead of a crash in the middle of a PDF:
 *
 * - the container: TrueType outlines (version 0x00010000 or "true") are accepted; OpenType with CFF
 *   outlines ("OTTO"), WOFF/WOFF2 web fonts and collections (.ttc) are recognised and refused (our
 *   subsetter and PDF embedding handle `glyf` outlines only, and a collection does not say which of its
 *   fonts is meant);
 * - the table directory: inside the file, printable tags, every table inside the file;
 * - the tables the reader and the subsetter use (head, hhea, hmtx, maxp, cmap, loca, glyf, post, name):
 *   present, long enough for the fields read, their counts consistent with their lengths, `loca`
 *   pointing inside `glyf`, and a Unicode `cmap` subtable (format 4 or 12) inside `cmap`;
 * - OS/2 fsType: a font whose licence forbids embedding is refused.
 *
 * This does not decode glyph outlines: the reader and the subsetter (truetype.ts, subset.ts) check the
 * bounds of what they read, and report a damaged glyph as a FontFormatError.
 */

export type FontProblem =
  | { kind: "empty" }
  /** Shorter than its own table directory says (e.g. a download cut short). */
  | { kind: "truncated"; size: number; expected: number }
  | { kind: "not-truetype" }
  | { kind: "cff" }
  | { kind: "woff" }
  | { kind: "woff2" }
  | { kind: "collection" }
  /** The table directory is unreadable (zeroed, overwritten). */
  | { kind: "directory" }
  | { kind: "missing-table"; tag: string }
  | { kind: "bad-table"; tag: string }
  | { kind: "no-unicode-cmap" }
  | { kind: "restricted" };

export const REQUIRED_TABLES = ["head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf", "post", "name"] as const;

const TAG_TRUE = 0x74727565;
const TAG_OTTO = 0x4f54544f;
const TAG_TTCF = 0x74746366;
const TAG_WOFF = 0x774f4646;
const TAG_WOF2 = 0x774f4632;
const MAGICS = [0x00010000, TAG_TRUE, TAG_OTTO, TAG_TTCF, TAG_WOFF, TAG_WOF2];

/** The problem that makes `bytes` unusable, or undefined for a usable TrueType font. */
export function validateTrueType(bytes: Uint8Array): FontProblem | undefined {
  const size = bytes.length;
  if (size === 0) return { kind: "empty" };
  const u8 = (o: number) => bytes[o]!;
  const u16 = (o: number) => (u8(o) << 8) | u8(o + 1);
  const u32 = (o: number) => ((u8(o) << 24) | (u8(o + 1) << 16) | (u8(o + 2) << 8) | u8(o + 3)) >>> 0;
  if (size < 12) {
    // A known signature cut short is a truncated font; anything else is not a font.
    const head = [...bytes.subarray(0, 4)];
    const prefixOf = MAGICS.some((m) => head.every((b, i) => b === ((m >>> (24 - 8 * i)) & 0xff)));
    return prefixOf ? { kind: "truncated", size, expected: 12 } : { kind: "not-truetype" };
  }
  const version = u32(0);
  if (version === TAG_WOFF) return { kind: "woff" };
  if (version === TAG_WOF2) return { kind: "woff2" };
  if (version === TAG_TTCF) return { kind: "collection" };
  if (version === TAG_OTTO) return { kind: "cff" };
  if (version !== 0x00010000 && version !== TAG_TRUE) return { kind: "not-truetype" };

  const numTables = u16(4);
  if (numTables === 0) return { kind: "directory" };
  const dirEnd = 12 + 16 * numTables;
  if (dirEnd > size) return { kind: "truncated", size, expected: dirEnd };
  const tables = new Map<string, { offset: number; length: number }>();
  let expected = 0;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) {
      const c = u8(rec + k);
      if (c < 0x20 || c > 0x7e) return { kind: "directory" };
    }
    const tag = String.fromCharCode(u8(rec), u8(rec + 1), u8(rec + 2), u8(rec + 3));
    const offset = u32(rec + 8);
    const length = u32(rec + 12);
    if (offset < dirEnd && length > 0) return { kind: "directory" };
    expected = Math.max(expected, offset + length);
    tables.set(tag, { offset, length });
  }
  if (expected > size) return { kind: "truncated", size, expected };
  for (const tag of REQUIRED_TABLES) {
    if (!tables.has(tag)) return tables.has("CFF ") || tables.has("CFF2") ? { kind: "cff" } : { kind: "missing-table", tag };
  }
  const t = (tag: string) => tables.get(tag)!;
  const bad = (tag: string): FontProblem => ({ kind: "bad-table", tag });

  const head = t("head");
  if (head.length < 54 || u32(head.offset + 12) !== 0x5f0f3cf5) return bad("head");
  const unitsPerEm = u16(head.offset + 18);
  const locFormat = u16(head.offset + 50);
  if (unitsPerEm < 16 || unitsPerEm > 16384 || locFormat > 1) return bad("head");

  const maxp = t("maxp");
  if (maxp.length < 6) return bad("maxp");
  const numGlyphs = u16(maxp.offset + 4);
  if (numGlyphs === 0) return bad("maxp");

  const hhea = t("hhea");
  if (hhea.length < 36) return bad("hhea");
  const numberOfHMetrics = u16(hhea.offset + 34);
  if (numberOfHMetrics === 0) return bad("hhea");
  const metrics = Math.min(numberOfHMetrics, numGlyphs);
  if (t("hmtx").length < 4 * metrics + 2 * (numGlyphs - metrics)) return bad("hmtx");

  const loca = t("loca");
  const glyf = t("glyf");
  const entry = locFormat === 0 ? 2 : 4;
  if (loca.length < (numGlyphs + 1) * entry) return bad("loca");
  for (let g = 0; g <= numGlyphs; g++) {
    const at = loca.offset + entry * g;
    const offset = locFormat === 0 ? u16(at) * 2 : u32(at);
    if (offset > glyf.length) return bad("loca");
  }

  const post = t("post");
  if (post.length < 32) return bad("post");

  const name = t("name");
  if (name.length < 6) return bad("name");
  const count = u16(name.offset + 2);
  if (6 + 12 * count > name.length || u16(name.offset + 4) > name.length) return bad("name");

  const cmapProblem = checkCmap(t("cmap"), u16, u32);
  if (cmapProblem) return cmapProblem;

  const os2 = tables.get("OS/2");
  // fsType bit 1 (0x0002) alone = "restricted licence embedding": the font must not be embedded.
  if (os2 && os2.length >= 10 && (u16(os2.offset + 8) & 0x000f) === 0x0002) return { kind: "restricted" };
  return undefined;
}

function checkCmap(cmap: { offset: number; length: number }, u16: (o: number) => number, u32: (o: number) => number): FontProblem | undefined {
  if (cmap.length < 4) return { kind: "bad-table", tag: "cmap" };
  const o = cmap.offset;
  const end = o + cmap.length;
  const n = u16(o + 2);
  if (4 + 8 * n > cmap.length) return { kind: "bad-table", tag: "cmap" };
  for (let i = 0; i < n; i++) {
    const r = o + 4 + 8 * i;
    const platform = u16(r);
    const encoding = u16(r + 2);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const sub = o + u32(r + 4);
    if (sub + 4 > end) continue;
    const format = u16(sub);
    if (format === 4) {
      if (sub + 14 > end) continue;
      const segX2 = u16(sub + 6);
      if (segX2 === 0 || segX2 % 2 !== 0 || sub + 16 + 4 * segX2 > end) continue;
      return undefined;
    }
    if (format === 12) {
      if (sub + 16 > end) continue;
      const groups = u32(sub + 12);
      if (sub + 16 + 12 * groups > end) continue;
      // Groups sorted and apart (as the format requires), inside Unicode: the reader then maps each
      // code point once, whatever the font says.
      let prevEnd = -1;
      let ok = true;
      for (let g = 0; g < groups && ok; g++) {
        const gr = sub + 16 + 12 * g;
        const start = u32(gr);
        const stop = u32(gr + 4);
        if (start <= prevEnd || stop < start || stop > 0x10ffff) ok = false;
        prevEnd = stop;
      }
      if (ok) return undefined;
    }
  }
  return { kind: "no-unicode-cmap" };
}
