/**
 * Pair kerning from a legacy `kern` table (format 0), off by default as in Word: a copy of Tinos with an
 * added kern table (A·V −200 units) is measured and drawn with and without kerning.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PDFRawStream as PDFRawStreamT } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { createMeasurer, loadFontSet, tinosPaths, TrueTypeFont } from "../src/fonts/index.js";
import { assembleSfnt } from "../src/fonts/subset.js";
import { renderPdf } from "../src/write/pdf/index.js";
import { doc, p, run, section } from "./helpers/layout-build.js";

function withKern(bytes: Uint8Array, pairs: [number, number, number][]): Uint8Array {
  const font = new TrueTypeFont(bytes, "src");
  const tables = new Map<string, Uint8Array>();
  for (const [tag, rec] of font.tables) tables.set(tag, bytes.slice(rec.offset, rec.offset + rec.length));
  const kern = new Uint8Array(4 + 14 + 6 * pairs.length);
  const v = new DataView(kern.buffer);
  v.setUint16(0, 0); // version
  v.setUint16(2, 1); // one subtable
  v.setUint16(4, 0); // subtable version
  v.setUint16(6, 14 + 6 * pairs.length);
  v.setUint16(8, 0x0001); // horizontal, format 0
  v.setUint16(10, pairs.length);
  pairs.forEach(([l, r, val], i) => {
    v.setUint16(18 + 6 * i, l);
    v.setUint16(20 + 6 * i, r);
    v.setInt16(22 + 6 * i, val);
  });
  tables.set("kern", kern);
  return assembleSfnt(tables);
}

const dir = mkdtempSync(join(tmpdir(), "chamdiem-kern-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("kerning", () => {
  const src = new Uint8Array(readFileSync(tinosPaths().regular));
  const base = new TrueTypeFont(src, "tinos");
  const A = base.glyphId(0x41);
  const V = base.glyphId(0x56);
  const path = join(dir, "kerned.ttf");
  writeFileSync(path, withKern(src, [[A, V, -200]]));

  it("reads format-0 pairs", () => {
    const f = new TrueTypeFont(new Uint8Array(readFileSync(path)), "kerned");
    expect(f.hasKerning).toBe(true);
    expect(f.kerning(A, V)).toBe(-200);
    expect(f.kerning(V, A)).toBe(0);
    expect(base.hasKerning).toBe(false); // Tinos itself has no kern table
  });

  it("applies them only when the font set asks for it (Word does not kern by default)", () => {
    const plain = createMeasurer(loadFontSet(readFileSync, { paths: { regular: path } }));
    const kerned = createMeasurer(loadFontSet(readFileSync, { paths: { regular: path }, kerning: true }));
    expect(plain("AVA", { size: 20 }) - kerned("AVA", { size: 20 })).toBeCloseTo((200 * 20) / 2048, 9);
  });

  it("draws kerned pairs with a TJ adjustment", async () => {
    const fonts = loadFontSet(readFileSync, { paths: { regular: path }, kerning: true });
    const { bytes } = await renderPdf(doc(section([p([run("AV")])], 200, 100)), fonts);
    const { PDFDocument, PDFName, PDFArray } = await import("pdf-lib");
    const pdf = await PDFDocument.load(bytes);
    let contents = pdf.context.lookup(pdf.getPage(0).node.get(PDFName.of("Contents")));
    if (contents instanceof PDFArray) contents = pdf.context.lookup(contents.get(0));
    const stream = contents as PDFRawStreamT;
    const text = (await import("node:zlib")).inflateSync(stream.getContents()).toString("latin1");
    expect(text).toMatch(/\[\(\x00[^]\)97.656\(\x00[^]\)\] TJ/);
  });
});
