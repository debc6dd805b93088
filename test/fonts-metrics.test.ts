import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { createMeasurer, FACE_KEYS, lineMetrics, loadFont, loadFontSet, tinosPaths, TrueTypeFont } from "../src/fonts/index.js";
import { vietnameseLetters } from "./helpers/fonts-vietnamese.js";

const require = createRequire(import.meta.url);
// fontkit is only a test oracle here: the run-time reader does not load it.
const fontkit = require("@pdf-lib/fontkit") as { create(b: Uint8Array): any };

const SAMPLE = [...vietnameseLetters(), ..."0123456789 .,;:!?-–—/()[]%\"'“”‘’…§&*+=<>@#_", "\u00a0"];

describe("TrueType reader vs fontkit", () => {
  const paths = tinosPaths();
  for (const face of FACE_KEYS) {
    it(`${face}: cmap, advances and vertical metrics agree`, () => {
      const bytes = new Uint8Array(readFileSync(paths[face]));
      const ours = new TrueTypeFont(bytes, face);
      const theirs = fontkit.create(bytes);
      expect(ours.unitsPerEm).toBe(theirs.unitsPerEm);
      expect(ours.numGlyphs).toBe(theirs.numGlyphs);
      expect(ours.metrics.hheaAscender).toBe(theirs.hhea.ascent);
      expect(ours.metrics.hheaDescender).toBe(theirs.hhea.descent);
      expect(ours.metrics.hheaLineGap).toBe(theirs.hhea.lineGap);
      expect(ours.metrics.winAscent).toBe(theirs["OS/2"].winAscent);
      expect(ours.metrics.winDescent).toBe(theirs["OS/2"].winDescent);
      expect(ours.postScriptName).toBe(theirs.postscriptName);
      for (const ch of SAMPLE) {
        const cp = ch.codePointAt(0)!;
        const g = theirs.glyphForCodePoint(cp);
        expect(ours.glyphId(cp), `gid of ${ch}`).toBe(g.id);
        expect(ours.glyphId(cp), `${ch} present`).not.toBe(0);
        expect(ours.advances[g.id], `advance of ${ch}`).toBe(g.advanceWidth);
      }
      // every glyph's advance, not just the sample
      for (let gid = 0; gid < theirs.numGlyphs; gid += 7) {
        expect(ours.advances[gid]).toBe(theirs.getGlyph(gid).advanceWidth);
      }
    });
  }

  it("measures words as the sum of fontkit advances", () => {
    const fonts = loadFontSet(readFileSync);
    const measure = createMeasurer(fonts);
    const theirs = fontkit.create(new Uint8Array(readFileSync(tinosPaths().bold)));
    const text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    let units = 0;
    for (const ch of text) units += theirs.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth;
    expect(measure(text, { size: 13, bold: true })).toBeCloseTo((units * 13) / 2048, 9);
  });

  it("normalises to NFC before measuring", () => {
    const measure = createMeasurer(loadFontSet(readFileSync));
    const nfc = "Độc lập - Tự do - Hạnh phúc";
    const nfd = nfc.normalize("NFD");
    expect(nfd).not.toBe(nfc);
    expect(measure(nfd, { size: 14, bold: true })).toBe(measure(nfc, { size: 14, bold: true }));
  });

  it("reduces sub/superscript to the OS/2 size (60 % for Tinos)", () => {
    const measure = createMeasurer(loadFontSet(readFileSync));
    const full = measure("m2", { size: 14 });
    expect(measure("m2", { size: 14, vertAlign: "super" })).toBeCloseTo(full * (1229 / 2048), 9);
    expect(measure("m2", { size: 14, vertAlign: "sub" })).toBeCloseTo(full * (1229 / 2048), 9);
  });

  it("gives Word's single line height: 13.8 pt for 12 pt Times-metric text", () => {
    const fonts = loadFontSet(readFileSync);
    const m = lineMetrics(fonts, { size: 12 });
    expect(m.height).toBeCloseTo(12 * (2355 / 2048), 9);
    expect(m.height).toBeCloseTo(13.8, 1);
    expect(m.ascent + m.descent).toBeCloseTo(m.height, 9);
    expect(m.descent).toBeCloseTo((443 / 2048) * 12, 9);
  });

  it("parses each file once per process", () => {
    const p = tinosPaths().regular;
    expect(loadFont(p, readFileSync)).toBe(loadFont(p, readFileSync));
    expect(loadFontSet(readFileSync)).toBe(loadFontSet(readFileSync));
  });

  it("accepts user TTF paths and rejects non-TrueType files clearly", () => {
    const p = tinosPaths();
    const set = loadFontSet(readFileSync, { paths: { regular: p.bold } });
    expect(set.faces.regular).toBe(set.faces.bold);
    expect(() => new TrueTypeFont(new TextEncoder().encode("OTTO\0\0\0\0\0\0\0\0"), "x.otf")).toThrow(/CFF/);
    expect(() => new TrueTypeFont(new Uint8Array(4), "x")).toThrow(/too short/);
  });
});
