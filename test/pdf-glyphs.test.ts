/**
 * Regression test for blank glyphs (see src/fonts/subset.ts): decode every glyph of every font program
 * embedded in a generated PDF with an independent reader (fontkit), and compare each outline with the
 * source font's glyph for the same character (found through the font's ToUnicode CMap). The same check
 * run on pdf-lib + @pdf-lib/fontkit's own subsetter finds the bug, which proves the check can see it.
 */
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { DocModel } from "../src/document/model.js";
import { FACE_KEYS, loadFontSet, tinosPaths } from "../src/fonts/index.js";
import { writePdf } from "../src/write/pdf/index.js";
import { vietnameseLetters } from "./helpers/fonts-vietnamese.js";
import { doc, p, run, section } from "./helpers/layout-build.js";
import { readFileSync } from "node:fs";
import type { PDFArray as PDFArrayT, PDFDict as PDFDictT, PDFName as PDFNameT, PDFRawStream as PDFRawStreamT } from "pdf-lib";

const require = createRequire(import.meta.url);
const fontkit = require("@pdf-lib/fontkit") as { create(b: Buffer): any };

const SAMPLE = vietnameseLetters().join("") + "0123456789 .,;:!?-–/()%“”…";

interface Finding {
  font: string;
  checked: number;
  bad: string[];
}

/** Decodes every embedded TrueType program of a PDF and compares its glyphs with the source fonts. */
async function checkEmbeddedGlyphs(pdfBytes: Uint8Array): Promise<Finding[]> {
  const { PDFDocument, PDFName, PDFDict, PDFRef } = await import("pdf-lib");
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const ctx = pdf.context;
  const sources = Object.fromEntries(
    FACE_KEYS.map((k) => {
      const f = fontkit.create(readFileSync(tinosPaths()[k]));
      return [f.postscriptName as string, f];
    }),
  );
  const lookup = (o: unknown) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const streamBytes = (s: unknown) => {
    const raw = lookup(s) as PDFRawStreamT;
    const filter = raw.dict.get(PDFName.of("Filter"));
    return filter ? new Uint8Array(inflateSync(raw.contents)) : raw.contents;
  };
  const findings: Finding[] = [];
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of("Subtype")) !== PDFName.of("Type0")) continue;
    const name = (obj.get(PDFName.of("BaseFont")) as PDFNameT).decodeText();
    const cid = lookup((lookup(obj.get(PDFName.of("DescendantFonts"))) as PDFArrayT).get(0)) as PDFDictT;
    const descriptor = lookup(cid.get(PDFName.of("FontDescriptor"))) as PDFDictT;
    const program = Buffer.from(streamBytes(descriptor.get(PDFName.of("FontFile2"))));
    const cmap = new TextDecoder().decode(streamBytes(obj.get(PDFName.of("ToUnicode"))));
    const source = sources[name.replace(/^[A-Z]{6}\+/, "").replace(/-\d+$/, "")];
    if (!source) throw new Error(`unexpected font ${name}`);
    const embedded = fontkit.create(program);
    const finding: Finding = { font: name, checked: 0, bad: [] };
    // bfchar pairs (<cid> <utf16>) and bfrange triples (<lo> <hi> <utf16 start>)
    const pairs: [number, number][] = [];
    const utf16 = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16))).codePointAt(0)!;
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) pairs.push([parseInt(m[1], 16), utf16(m[2])]);
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const lo = parseInt(m[1], 16);
        for (let c = lo; c <= parseInt(m[2], 16); c++) pairs.push([c, utf16(m[3]) + c - lo]);
      }
    }
    for (const [gid, cp] of pairs) {
      const ch = String.fromCodePoint(cp);
      finding.checked++;
      try {
        if (gid >= embedded.numGlyphs) throw new Error("glyph id beyond the font");
        const got = embedded.getGlyph(gid).path.toSVG();
        const want = source.glyphForCodePoint(cp).path.toSVG();
        if (got !== want) finding.bad.push(`${ch}: outline differs (${got.length} vs ${want.length} chars)`);
        else if (/\S/.test(ch) && want === "") finding.bad.push(`${ch}: empty outline`);
      } catch (e) {
        finding.bad.push(`${ch}: ${(e as Error).message}`);
      }
    }
    findings.push(finding);
  }
  return findings;
}

function sampleDoc(): DocModel {
  const faces = [{}, { bold: true }, { italic: true }, { bold: true, italic: true }];
  return doc(
    section(
      faces.map((f) => p([run(SAMPLE, { size: 12, ...f })], { align: "justify" })),
      450,
      700,
    ),
  );
}

describe("embedded font programs", () => {
  it("decode every glyph to the source outline, in all four faces", async () => {
    const findings = await checkEmbeddedGlyphs(await writePdf(sampleDoc(), loadFontSet(readFileSync)));
    expect(findings.map((f) => f.font.slice(7)).sort()).toEqual(["Tinos-Bold", "Tinos-BoldItalic", "Tinos-Italic", "Tinos-Regular"]);
    for (const f of findings) {
      expect(f.bad, f.font).toEqual([]);
      expect(f.checked).toBeGreaterThanOrEqual(new Set(SAMPLE).size - 1);
    }
  });

  it("the same check catches @pdf-lib/fontkit 1.1.1's subsetter (odd-length glyph records in a short loca)", async () => {
    const { PDFDocument } = await import("pdf-lib");
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit as never);
    const font = await pdf.embedFont(readFileSync(tinosPaths().regular), { subset: true });
    const page = pdf.addPage([595, 842]);
    const words = SAMPLE.match(/.{1,40}/gu) ?? [];
    words.forEach((w, i) => page.drawText(w, { x: 40, y: 800 - 16 * i, size: 12, font }));
    const findings = await checkEmbeddedGlyphs(await pdf.save());
    const bad = findings.reduce((n, f) => n + f.bad.length, 0);
    const checked = findings.reduce((n, f) => n + f.checked, 0);
    console.log(`@pdf-lib/fontkit subset: ${bad} of ${checked} glyphs wrong`);
    // If this ever fails, the upstream subsetter was fixed: the test above still guards our own.
    expect(bad / checked).toBeGreaterThan(0.1);
  });
});
