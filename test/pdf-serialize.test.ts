/**
 * Our PDF object graph (src/write/pdf/document.ts) and serialisation (serialize.ts) replaced pdf-lib's
 * PDFDocument and `save` for speed; they must give the very bytes pdf-lib gave. The reference below is
 * the emission code as it was, on PDFDocument's API, saved with object streams (pdf-lib's pako
 * pointed at Node's zlib at level 6, as chamdiem did then).
 */
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { composeReport, composeScoreTable } from "../src/compose/index.js";
import type { DocModel } from "../src/document/model.js";
import { createLayoutFonts, createMeasurer, loadFontSet } from "../src/fonts/index.js";
import type { FontSet } from "../src/fonts/fontset.js";
import { layoutDocument } from "../src/layout/pages.js";
import type { Face, LayoutResult } from "../src/layout/types.js";
import { VI_NUMBERS } from "../src/model/points.js";
import { pageContent } from "../src/write/pdf/content.js";
import { pdfObjects } from "../src/write/pdf/document.js";
import { embedFace, flate, type EmbeddedFace } from "../src/write/pdf/embed-font.js";
import { collectGlyphs, type FaceUsage } from "../src/write/pdf/glyphs.js";
import { loadPdfLib, renderPdf } from "../src/write/pdf/index.js";
import { serializePdf } from "../src/write/pdf/serialize.js";
import { loadExampleScored } from "./helpers/example.js";

type PdfLib = typeof import("pdf-lib");
const fonts = loadFontSet(readFileSync);
const OPTS = { measure: createMeasurer(fonts), numbers: VI_NUMBERS, date: "2021-11-19T00:00:00Z" };
let lib: PdfLib;

beforeAll(async () => {
  lib = await loadPdfLib();
  const pakoName = "pako";
  const pako = (await import(pakoName)) as { default?: { deflate: unknown }; deflate: unknown };
  (pako.default ?? pako).deflate = (data: Uint8Array) => deflateSync(data, { level: 6 });
});

/** The previous emission: PDFDocument, addPage, setFontDictionary, save. */
async function viaPdfDocument(doc: DocModel, layout: LayoutResult, fontSet: FontSet, usage: Map<Face, FaceUsage>): Promise<Uint8Array> {
  const { PDFDocument, PDFName } = lib;
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const ctx = pdf.context;
  const meta = doc.meta;
  pdf.setTitle(meta.title.normalize("NFC"), { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author.normalize("NFC"));
  pdf.setSubject(meta.subject.normalize("NFC"));
  pdf.setCreator("chamdiem");
  pdf.setProducer("chamdiem (pdf-lib)");
  pdf.setLanguage(meta.language || "vi-VN");
  const date = new Date(meta.date);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  const faces = new Map<string, EmbeddedFace & { name: string }>();
  let n = 0;
  for (const [face, u] of usage) faces.set(face, { ...embedFace(lib, ctx, u), name: `F${++n}` });
  for (const frame of layout.pages) {
    const page = pdf.addPage([frame.width, frame.height]);
    const content = pageContent(frame, faces, fontSet.kerning);
    page.node.set(PDFName.of("Contents"), flate(ctx, content.bytes));
    for (const f of faces.values()) {
      if (content.faces.has(f.name)) page.node.setFontDictionary(PDFName.of(f.name), f.ref);
    }
  }
  return pdf.save({ useObjectStreams: true, addDefaultPage: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

function ours(doc: DocModel, layout: LayoutResult): Uint8Array {
  return serializePdf(lib, pdfObjects(lib, doc, layout, fonts, collectGlyphs(layout.pages, fonts)));
}

function reference(doc: DocModel, layout: LayoutResult): Promise<Uint8Array> {
  return viaPdfDocument(doc, layout, fonts, collectGlyphs(layout.pages, fonts));
}

describe("PDF objects and serialisation", () => {
  it("give pdf-lib's bytes for the example's report and score table", async () => {
    const scored = loadExampleScored();
    for (const doc of [composeReport(scored, OPTS).doc, composeScoreTable(scored, OPTS).doc]) {
      const layout = layoutDocument(doc, createLayoutFonts(fonts));
      const bytes = ours(doc, layout);
      expect(Buffer.from(bytes).equals(Buffer.from(await reference(doc, layout)))).toBe(true);
      // renderPdf is that path
      expect(Buffer.from((await renderPdf(doc, fonts)).bytes).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it("give pdf-lib's bytes for pages without text, pages with only some faces, and over 50 objects", async () => {
    const doc = composeReport(loadExampleScored(), OPTS).doc;
    const layout = layoutDocument(doc, createLayoutFonts(fonts));
    const first = layout.pages[0]!;
    const lines = first.items.filter((f) => f.kind === "line");
    const someText = first.items.filter((f) => f.kind === "text" && f.face === "regular").slice(0, 3);
    expect(lines.length).toBeGreaterThan(0);
    const kinds = [
      { ...first, items: lines },
      { ...first, items: someText },
      { ...first, width: first.height, height: first.width, orientation: "landscape" as const, items: [...lines, ...first.items] },
    ];
    // 60 pages: their page objects fill more than one object stream (50 objects each)
    const crafted: LayoutResult = {
      warnings: [],
      splitRows: [],
      slots: [],
      attachmentPages: [],
      pages: Array.from({ length: 60 }, (_, i) => ({ ...kinds[i % 3]!, number: i + 1 })),
    };
    const bytes = ours(doc, crafted);
    expect(Buffer.from(bytes).equals(Buffer.from(await reference(doc, crafted)))).toBe(true);
    const text = Buffer.from(bytes).toString("latin1");
    expect(text.startsWith("%PDF-1.7\n")).toBe(true);
    expect(text.endsWith("%%EOF")).toBe(true);
    expect(text.match(/\/Type \/ObjStm/g)?.length).toBe(2);
  });
});
