/**
 * Embeds a subset TrueType face as a Type0 / CIDFontType2 font (Identity-H, CID = subset glyph id) with a
 * ToUnicode CMap, so text extraction gives back the NFC text. The font program comes from our own
 * subsetter (src/fonts/subset.ts), not from fontkit (see there for the bug this avoids).
 */
import { deflateSync } from "node:zlib";
import type { PDFContext, PDFRef } from "pdf-lib";
import { subsetTag, subsetTrueType, type FontSubset } from "../../fonts/subset.js";
import type { TrueTypeFont } from "../../fonts/truetype.js";
import type { FaceUsage } from "./glyphs.js";
import { BoundedCache } from "../../util/bounded-cache.js";

type PdfLib = typeof import("pdf-lib");

export interface EmbeddedFace {
  ref: PDFRef;
  subset: FontSubset;
  font: TrueTypeFont;
}

/** Subsets are cached per process by font and glyph set: the same text gives the same bytes, fast. */
const subsetCache = new BoundedCache<string, FontSubset>(64);

function ascending(a: number, b: number): number {
  return a - b;
}

export function subsetFor(usage: FaceUsage): FontSubset {
  const glyphs = [...usage.glyphs].sort(ascending);
  const key = `${usage.font.label}\u0000${glyphs.join(",")}`;
  return subsetCache.getOrMake(key, () => {
    const unicodes = new Map<number, number>();
    for (const [gid, cp] of usage.unicode) unicodes.set(cp, gid);
    return subsetTrueType(usage.font, glyphs, { unicodes });
  });
}

const HEX = "0123456789ABCDEF";

function hex4(n: number): string {
  return HEX[(n >> 12) & 15]! + HEX[(n >> 8) & 15]! + HEX[(n >> 4) & 15]! + HEX[n & 15]!;
}

function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

export function toUnicodeCMap(subset: FontSubset, usage: FaceUsage): string {
  const entries: string[] = [];
  for (let cid = 1; cid < subset.glyphs.length; cid++) {
    const cp = usage.unicode.get(subset.glyphs[cid]!);
    if (cp !== undefined) entries.push(`<${hex4(cid)}> <${utf16Hex(cp)}>`);
  }
  let body = "";
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    body += `${chunk.length} beginbfchar\n${chunk.join("\n")}\nendbfchar\n`;
  }
  return (
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
    body +
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
  );
}

/**
 * A FlateDecode stream. Page content streams are compressed at level 1: measured on the example's
 * 28 streams (152 KB), level 6 took 3,5 ms and gave 47,4 KB, level 1 2,3 ms and 51,0 KB — a tenth of
 * a bulk build's time was zlib, and the two PDFs stay far under their 150 KB budget. Font programs
 * and CMaps, compressed once per process and cached, use level 6.
 */
export function flate(ctx: PDFContext, data: Uint8Array | string, extra: Record<string, unknown> = {}, compressed = deflate(data, 1)) {
  return ctx.register(ctx.stream(compressed, { Filter: "FlateDecode", ...extra } as never));
}

/** Strings are byte strings (content streams hold binary glyph codes; CMaps are ASCII). */
function deflate(data: Uint8Array | string, level = 6): Uint8Array {
  const bytes = typeof data === "string" ? Buffer.from(data, "latin1") : data;
  // zlib output is deterministic for a given input and settings. A window no larger than the input
  // (page streams are 2–7 KB) gives the same output size and spares zlib allocating and clearing its
  // full 32 KB window and hash tables for every page (≈ 0,5 ms of the example's 28 streams).
  const windowBits = Math.min(15, Math.max(10, Math.ceil(Math.log2(bytes.length + 1))));
  return deflateSync(bytes, { level, windowBits, memLevel: Math.min(8, windowBits - 6) });
}

/**
 * Font programs and ToUnicode maps repeat from document to document (the same rubric, the same
 * letters): compressing them again was a sixth of a bulk build's time, so the compressed bytes are
 * kept per subset (and per CMap text) for the life of the process.
 */
const compressedFonts = new WeakMap<FontSubset, Uint8Array>();
const compressedCMaps = new BoundedCache<string, Uint8Array>(64);

function compressedFont(subset: FontSubset): Uint8Array {
  let c = compressedFonts.get(subset);
  if (!c) compressedFonts.set(subset, (c = deflate(subset.bytes)));
  return c;
}

function compressedCMap(text: string): Uint8Array {
  return compressedCMaps.getOrMake(text, () => deflate(text));
}

export function embedFace(lib: PdfLib, ctx: PDFContext, usage: FaceUsage): EmbeddedFace {
  const { PDFName, PDFNumber } = lib;
  const font = usage.font;
  const subset = subsetFor(usage);
  const upm = font.unitsPerEm;
  const scale = (v: number) => Math.round((v * 1000) / upm);
  const baseName = `${subsetTag(font, subset.glyphs)}+${font.postScriptName}`;

  const fontFile = flate(ctx, subset.bytes, { Length1: subset.bytes.length }, compressedFont(subset));
  const os2 = font.tables.get("OS/2");
  const familyClass = os2 && os2.length > 31 ? font.view.getInt16(os2.offset + 30) >> 8 : 0;
  const serif = familyClass >= 1 && familyClass <= 7;
  const italic = font.italicAngle !== 0 || (font.macStyle & 2) !== 0;
  const flags = (font.isFixedPitch ? 1 : 0) | (serif ? 2 : 0) | 32 | (italic ? 64 : 0);
  const m = font.metrics;
  const descriptor = ctx.register(
    ctx.obj({
      Type: "FontDescriptor",
      FontName: baseName,
      Flags: flags,
      FontBBox: font.bbox.map(scale),
      ItalicAngle: font.italicAngle,
      Ascent: scale(m.hheaAscender),
      Descent: scale(m.hheaDescender),
      CapHeight: scale(m.capHeight),
      StemV: font.weightClass >= 600 ? 140 : 80,
      FontFile2: fontFile,
    }),
  );
  const widths = ctx.obj([0, subset.advances.map((a) => PDFNumber.of(Math.round((a * 1000 * 1000) / upm) / 1000))]);
  const cidFont = ctx.register(
    ctx.obj({
      Type: "Font",
      Subtype: "CIDFontType2",
      BaseFont: baseName,
      CIDSystemInfo: { Registry: lib.PDFString.of("Adobe"), Ordering: lib.PDFString.of("Identity"), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 0,
      W: widths,
      CIDToGIDMap: "Identity",
    }),
  );
  const cmap = toUnicodeCMap(subset, usage);
  const toUnicode = flate(ctx, cmap, {}, compressedCMap(cmap));
  const ref = ctx.register(
    ctx.obj({
      Type: "Font",
      Subtype: "Type0",
      BaseFont: baseName,
      Encoding: "Identity-H",
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
  void PDFName;
  return { ref, subset, font };
}
