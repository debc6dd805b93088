/**
 * The PDF writer: DocModel → layout (src/layout) → pdf-lib objects.
 *
 *   const bytes = await writePdf(doc, loadFontSet());
 *
 * pdf-lib is loaded lazily on the first call (importing it costs ~90–180 ms), fontkit never: fonts are
 * parsed and subset by src/fonts. Output is byte-identical for the same input: dates come from
 * `doc.meta.date`, no document ID, subset tags derived from the glyph set, deterministic zlib.
 */
import { deflateSync } from "node:zlib";
import type { DocModel } from "../../document/model.js";
import type { FontSet } from "../../fonts/fontset.js";
import { createLayoutFonts } from "../../fonts/measure.js";
import { layoutDocument } from "../../layout/pages.js";
import type { Face, LayoutOptions, LayoutResult, LayoutWarning } from "../../layout/types.js";
import { pageContent } from "./content.js";
import { embedFace, flate, type EmbeddedFace } from "./embed-font.js";
import { collectGlyphs, type FaceUsage } from "./glyphs.js";

export interface PdfOptions {
  layout?: LayoutOptions;
}

export interface PdfResult {
  bytes: Uint8Array;
  layout: LayoutResult;
  warnings: LayoutWarning[];
  /** Wall time of the stages, ms (for benchmarks). */
  timings: { layout: number; load: number; emit: number };
}

type PdfLib = typeof import("pdf-lib");
let pdfLib: Promise<PdfLib> | undefined;

/** Loads pdf-lib once (lazily: commands that write no PDF never pay for it). */
export function loadPdfLib(): Promise<PdfLib> {
  pdfLib ??= Promise.all([import("pdf-lib"), import("pako")]).then(([lib, pako]) => {
    // pdf-lib deflates its object and cross-reference streams with pako, in JavaScript: ≈ 1,9 ms of
    // a score table's PDF. Its PDFFlateStream calls `pako.deflate` at save time, so pointing that at
    // Node's native zlib (the same zlib format, deterministic like the rest of our streams) makes it
    // ≈ 6× faster. pako is pdf-lib's own dependency; nothing else of ours uses it.
    const p = ((pako as { default?: unknown }).default ?? pako) as { deflate: (d: Uint8Array) => Uint8Array };
    p.deflate = (data: Uint8Array) => deflateSync(data, { level: 6 });
    return lib;
  });
  return pdfLib;
}

export async function writePdf(doc: DocModel, fonts: FontSet, options: PdfOptions = {}): Promise<Uint8Array> {
  return (await renderPdf(doc, fonts, options)).bytes;
}

/** Like writePdf, also returning the layout (pages of frames) and warnings (missing glyphs, overflow). */
export async function renderPdf(doc: DocModel, fonts: FontSet, options: PdfOptions = {}): Promise<PdfResult> {
  const t0 = performance.now();
  const layout = layoutDocument(doc, createLayoutFonts(fonts), options.layout);
  const t1 = performance.now();
  const lib = await loadPdfLib();
  const t2 = performance.now();
  const usage = collectGlyphs(layout.pages, fonts);
  const bytes = await emit(lib, doc, layout, fonts, usage);
  const t3 = performance.now();
  const warnings = [...layout.warnings];
  for (const [face, u] of usage) {
    if (u.missing.size) {
      const chars = [...u.missing].map((cp) => String.fromCodePoint(cp)).join(" ");
      warnings.push({ code: "missing-glyph", message: `font ${face} lacks: ${chars}` });
    }
  }
  return { bytes, layout, warnings, timings: { layout: t1 - t0, load: t2 - t1, emit: t3 - t2 } };
}

function pdfDate(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`doc.meta.date is not an ISO date: ${iso}`);
  return d;
}

async function emit(lib: PdfLib, doc: DocModel, layout: LayoutResult, fonts: FontSet, usage: Map<Face, FaceUsage>): Promise<Uint8Array> {
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
  const date = pdfDate(meta.date);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);

  const faces = new Map<string, EmbeddedFace & { name: string }>();
  let n = 0;
  for (const [face, u] of usage) faces.set(face, { ...embedFace(lib, ctx, u), name: `F${++n}` });

  for (const frame of layout.pages) {
    const page = pdf.addPage([frame.width, frame.height]);
    const content = pageContent(frame, faces, fonts.kerning);
    page.node.set(PDFName.of("Contents"), flate(ctx, content.bytes));
    for (const f of faces.values()) {
      if (content.faces.has(f.name)) page.node.setFontDictionary(PDFName.of(f.name), f.ref);
    }
  }
  return pdf.save({ useObjectStreams: true, addDefaultPage: false, objectsPerTick: Number.POSITIVE_INFINITY });
}
