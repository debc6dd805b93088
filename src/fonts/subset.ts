/**
 * A TrueType subsetter for embedding (PDF `FontFile2` of a CIDFontType2 font).
 *
 * Why our own: `@pdf-lib/fontkit@1.1.1`'s subsetter copies each glyph record as is and then, when the
 * subset is small enough, writes a *short* `loca` (offsets / 2). Tinos's glyph records are not padded to
 * even lengths (its own `loca` is long), so about a third of them have odd lengths; halving an odd
 * offset truncates it and every following glyph starts one byte early: those glyphs decode as garbage
 * and render blank, while text extraction (ToUnicode) still looks perfect. Here every record is padded
 * to a multiple of 4 bytes (the alignment the OpenType spec recommends), so the offsets are always even
 * and either `loca` format is exact. Not loading fontkit at run time also saves ~150–270 ms of start-up.
 *
 * The subset renumbers glyphs densely (0 = .notdef first, then ascending original ids, composite
 * components included) and keeps: head, hhea, maxp, hmtx, loca, glyf, post (format 3), OS/2, a small
 * Unicode cmap for the glyphs used, and — when `hinting` is on — cvt, fpgm, prep and the glyphs'
 * instructions. By default hinting is dropped: PDF viewers scale outlines freely, and the instructions
 * are a large part of each glyph record.
 */
import { FontFormatError, type TrueTypeFont } from "./truetype.js";

export interface SubsetOptions {
  /** Keep TrueType hinting (instructions, cvt/fpgm/prep). Default false. */
  hinting?: boolean;
  /** Unicode code point → original glyph id, written as the subset's cmap (optional). */
  unicodes?: ReadonlyMap<number, number>;
}

export interface FontSubset {
  /** The subset font program (a complete TrueType file). */
  bytes: Uint8Array;
  /** Original glyph ids in subset order: `glyphs[newGid] = oldGid`. */
  glyphs: number[];
  /** Original glyph id → subset glyph id. */
  newGid: Map<number, number>;
  /** Advance widths of the subset glyphs, font units. */
  advances: number[];
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
const WE_HAVE_INSTRUCTIONS = 0x0100;

interface Component {
  /** Byte offset of the component's glyphIndex field within the record. */
  indexPos: number;
  /** Byte offset of the component's flags field. */
  flagsPos: number;
  glyph: number;
}

/** Parses the component list of a composite glyph record; `end` = offset after the last component. */
export function compositeComponents(rec: Uint8Array): { components: Component[]; end: number } {
  const v = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
  const components: Component[] = [];
  let p = 10;
  for (;;) {
    if (p + 4 > rec.length) throw new FontFormatError("composite glyph truncated");
    const flags = v.getUint16(p);
    components.push({ flagsPos: p, indexPos: p + 2, glyph: v.getUint16(p + 2) });
    p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) p += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  if (p > rec.length) throw new FontFormatError("composite glyph truncated");
  return { components, end: p };
}

/** A big-endian uint16 at `pos` (0 past the end: callers check lengths first). */
function u16(b: Uint8Array, pos: number): number {
  return ((b[pos] ?? 0) << 8) | (b[pos + 1] ?? 0);
}

function isComposite(rec: Uint8Array): boolean {
  return rec.length >= 10 && u16(rec, 0) >= 0x8000;
}

/** The glyph record rewritten for the subset: new component ids, instructions optionally removed. */
function rewriteRecord(rec: Uint8Array, newGid: Map<number, number>, hinting: boolean): Uint8Array {
  if (rec.length === 0) return rec;
  if (isComposite(rec)) {
    const { components, end } = compositeComponents(rec);
    const out = new Uint8Array(hinting ? rec.length : end);
    out.set(rec.subarray(0, out.length));
    const v = new DataView(out.buffer);
    for (const c of components) {
      const g = newGid.get(c.glyph);
      if (g === undefined) throw new FontFormatError("composite component missing from subset");
      v.setUint16(c.indexPos, g);
      if (!hinting) v.setUint16(c.flagsPos, v.getUint16(c.flagsPos) & ~WE_HAVE_INSTRUCTIONS);
    }
    return out;
  }
  if (hinting) return rec;
  const contours = u16(rec, 0);
  const lenPos = 10 + 2 * contours;
  if (lenPos + 2 > rec.length) throw new FontFormatError("simple glyph truncated");
  const instrLen = u16(rec, lenPos);
  if (instrLen === 0) return rec;
  if (lenPos + 2 + instrLen > rec.length) throw new FontFormatError("simple glyph instructions truncated");
  const out = new Uint8Array(rec.length - instrLen);
  out.set(rec.subarray(0, lenPos));
  // instructionLength = 0, then flags and coordinates unchanged
  out.set(rec.subarray(lenPos + 2 + instrLen), lenPos + 2);
  return out;
}

/** Deterministic six-letter subset tag (PDF 32000-1 §9.6.4) from the glyph list. */
export function subsetTag(font: TrueTypeFont, glyphs: readonly number[]): string {
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    h ^= n & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= (n >>> 8) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const g of glyphs) mix(g);
  mix(font.numGlyphs);
  let tag = "";
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) ^ (Math.imul(i + 1, 0x9e3779b1) >>> 0);
    h >>>= 0;
  }
  return tag;
}

export function subsetTrueType(font: TrueTypeFont, used: Iterable<number>, options: SubsetOptions = {}): FontSubset {
  try {
    return subset(font, used, options);
  } catch (e) {
    // Name the font in what a damaged glyph throws (the CLI reports it against the font's setting).
    if (e instanceof FontFormatError && !e.message.startsWith(`${font.label}: `)) throw new FontFormatError(`${font.label}: ${e.message}`);
    throw e;
  }
}

function subset(font: TrueTypeFont, used: Iterable<number>, options: SubsetOptions): FontSubset {
  const hinting = options.hinting ?? false;
  // 1. Glyph closure over composite components.
  const set = new Set<number>([0]);
  const queue: number[] = [];
  for (const g of used) {
    if (g < 0 || g >= font.numGlyphs) throw new FontFormatError(`${font.label}: glyph ${g} out of range`);
    if (!set.has(g)) {
      set.add(g);
      queue.push(g);
    }
  }
  queue.push(0);
  while (queue.length) {
    const g = queue.pop()!;
    const rec = font.glyphRecord(g);
    if (!isComposite(rec)) continue;
    for (const c of compositeComponents(rec).components) {
      if (c.glyph >= font.numGlyphs) throw new FontFormatError(`${font.label}: bad component in glyph ${g}`);
      if (!set.has(c.glyph)) {
        set.add(c.glyph);
        queue.push(c.glyph);
      }
    }
  }
  const glyphs = [...set].sort((a, b) => a - b);
  const newGid = new Map<number, number>();
  glyphs.forEach((g, i) => newGid.set(g, i));

  // 2. glyf + loca: every record padded to a multiple of 4 bytes, so offsets are always even.
  const records = glyphs.map((g) => rewriteRecord(font.glyphRecord(g), newGid, hinting));
  const offsets = new Uint32Array(glyphs.length + 1);
  let total = 0;
  records.forEach((r, i) => {
    offsets[i] = total;
    total += (r.length + 3) & ~3;
  });
  offsets[glyphs.length] = total;
  const glyf = new Uint8Array(total);
  records.forEach((r, i) => glyf.set(r, offsets[i]));
  const shortLoca = total <= 0x1fffe;
  const loca = new Uint8Array((glyphs.length + 1) * (shortLoca ? 2 : 4));
  const lv = new DataView(loca.buffer);
  offsets.forEach((o, i) => (shortLoca ? lv.setUint16(2 * i, o / 2) : lv.setUint32(4 * i, o)));

  // 3. hmtx with a full metric per glyph.
  const advances = glyphs.map((g) => font.advances[g] ?? 0);
  const hmtx = new Uint8Array(4 * glyphs.length);
  const hv = new DataView(hmtx.buffer);
  glyphs.forEach((g, i) => {
    hv.setUint16(4 * i, advances[i]!);
    hv.setInt16(4 * i + 2, font.leftSideBearing(g));
  });

  const copy = (tag: string) => {
    const t = font.table(tag);
    return font.bytes.slice(t.offset, t.offset + t.length);
  };
  const head = copy("head");
  const headView = new DataView(head.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, set below
  headView.setInt16(50, shortLoca ? 0 : 1);
  const hhea = copy("hhea");
  new DataView(hhea.buffer).setUint16(34, glyphs.length);
  const maxp = copy("maxp");
  const maxpView = new DataView(maxp.buffer);
  maxpView.setUint16(4, glyphs.length);
  if (!hinting && maxp.length >= 32) {
    maxpView.setUint16(26, 0); // maxSizeOfInstructions
  }
  const post = new Uint8Array(32);
  if (font.tables.has("post")) post.set(font.bytes.subarray(font.table("post").offset, font.table("post").offset + 16));
  new DataView(post.buffer).setUint32(0, 0x00030000);

  const tables = new Map<string, Uint8Array>([
    ["glyf", glyf],
    ["head", head],
    ["hhea", hhea],
    ["hmtx", hmtx],
    ["loca", loca],
    ["maxp", maxp],
    ["post", post],
  ]);
  if (font.tables.has("OS/2")) tables.set("OS/2", copy("OS/2"));
  if (hinting) for (const t of ["cvt ", "fpgm", "prep"]) if (font.tables.has(t)) tables.set(t, copy(t));
  if (options.unicodes) tables.set("cmap", buildCmap(options.unicodes, newGid));

  return { bytes: assembleSfnt(tables), glyphs, newGid, advances };
}

/** A (3,1) format 4 cmap for the BMP code points whose glyphs are in the subset. */
function buildCmap(unicodes: ReadonlyMap<number, number>, newGid: Map<number, number>): Uint8Array {
  const pairs: [number, number][] = [];
  for (const [cp, g] of unicodes) {
    const n = newGid.get(g);
    if (cp < 0xffff && n !== undefined && n !== 0) pairs.push([cp, n]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  // segments of consecutive code points with consecutive glyph ids (one idDelta each)
  const segs: { start: number; end: number; delta: number }[] = [];
  for (const [cp, g] of pairs) {
    const last = segs[segs.length - 1];
    if (last && last.end === cp - 1 && ((cp + last.delta) & 0xffff) === g) last.end = cp;
    else segs.push({ start: cp, end: cp, delta: (g - cp) & 0xffff });
  }
  segs.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segX2 = segs.length * 2;
  const len = 14 + segX2 * 4 + 2;
  const sub = new Uint8Array(len);
  const v = new DataView(sub.buffer);
  const entrySelector = Math.floor(Math.log2(segs.length));
  const searchRange = 2 * 2 ** entrySelector;
  v.setUint16(0, 4);
  v.setUint16(2, len);
  v.setUint16(4, 0);
  v.setUint16(6, segX2);
  v.setUint16(8, searchRange);
  v.setUint16(10, entrySelector);
  v.setUint16(12, segX2 - searchRange);
  segs.forEach((s, i) => {
    v.setUint16(14 + 2 * i, s.end);
    v.setUint16(14 + segX2 + 2 + 2 * i, s.start);
    v.setUint16(14 + 2 * segX2 + 2 + 2 * i, s.delta);
    v.setUint16(14 + 3 * segX2 + 2 + 2 * i, 0);
  });
  const out = new Uint8Array(12 + len);
  const ov = new DataView(out.buffer);
  ov.setUint16(0, 0);
  ov.setUint16(2, 1);
  ov.setUint16(4, 3);
  ov.setUint16(6, 1);
  ov.setUint32(8, 12);
  out.set(sub, 12);
  return out;
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const n = data.length;
  for (let i = 0; i < n; i += 4) {
    const w = (((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0)) >>> 0;
    sum = (sum + w) >>> 0;
  }
  return sum;
}

/** Writes an sfnt file: sorted table directory, 4-byte aligned tables, checksums, head adjustment. */
export function assembleSfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  let size = 12 + 16 * n;
  for (const t of tags) size += (tables.get(t)!.length + 3) & ~3;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 16 * 2 ** entrySelector;
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  v.setUint16(6, searchRange);
  v.setUint16(8, entrySelector);
  v.setUint16(10, n * 16 - searchRange);
  let offset = 12 + 16 * n;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    v.setUint32(rec + 4, checksum(data));
    v.setUint32(rec + 8, offset);
    v.setUint32(rec + 12, data.length);
    out.set(data, offset);
    if (tag === "head") headOffset = offset;
    offset += (data.length + 3) & ~3;
  });
  if (headOffset >= 0) v.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
