/**
 * The PDF writer: DocModel → layout (src/layout) → pdf-lib objects (document.ts) → bytes (serialize.ts).
 *
 *   const bytes = await writePdf(doc, loadFontSet(read));
 *
 * pdf-lib is loaded lazily on the first call (importing it costs ~90–180 ms), fontkit never: fonts are
 * parsed and subset by src/fonts. Output is byte-identical for the same input: dates come from
 * `doc.meta.date`, no document ID, subset tags derived from the glyph set, deterministic zlib.
 */
import type { DocModel } from "../../document/model.js";
import type { FontSet } from "../../fonts/fontset.js";
import { createLayoutFonts } from "../../fonts/metrics.js";
import { layoutDocument } from "../../layout/pages.js";
import type { LayoutOptions, LayoutResult, LayoutWarning } from "../../layout/types.js";
import { pdfObjects } from "./document.js";
import { serializePdf } from "./serialize.js";
import { collectGlyphs } from "./glyphs.js";
import { addSigningImages, type SignatureImages } from "./signing-images.js";
export { SigningImageError, type SignatureImages } from "./signing-images.js";
export { signingSidecar, FIELD_PURPOSE, type SigningSidecar, type SigningField } from "./fields.js";

export interface PdfOptions {
  layout?: LayoutOptions;
  /** The document already laid out (with `layout`'s options), so it is not laid out twice. */
  laidOut?: LayoutResult;
  /**
   * Draw the outlines of the signing boxes (electronic documents: the widgets' appearances), to look
   * at where they are. Off: the widgets are invisible until signed.
   */
  outlineSigningBoxes?: boolean;
  /**
   * Electronic documents: the signer's signature and the seal (PNG) drawn in their boxes, actual size
   * (src/write/pdf/signing-images.ts). Ignored when the document has no signer slots. A PNG that
   * cannot be used throws a SigningImageError.
   */
  signatureImages?: SignatureImages;
}

export interface PdfResult {
  bytes: Uint8Array;
  layout: LayoutResult;
  warnings: LayoutWarning[];
}

type PdfLib = typeof import("pdf-lib");
let pdfLib: Promise<PdfLib> | undefined;

/** Loads pdf-lib once (lazily: commands that write no PDF never pay for it). */
export function loadPdfLib(): Promise<PdfLib> {
  pdfLib ??= import("pdf-lib");
  return pdfLib;
}

export async function writePdf(doc: DocModel, fonts: FontSet, options: PdfOptions = {}): Promise<Uint8Array> {
  return (await renderPdf(doc, fonts, options)).bytes;
}

/**
 * Like writePdf, also returning the layout (pages of frames) and warnings (missing glyphs, overflow),
 * which src/pipeline/layout-diagnostics.ts turns into diagnostics. The bytes are writePdf's: the warnings
 * are only reported.
 */
export async function renderPdf(doc: DocModel, fonts: FontSet, options: PdfOptions = {}): Promise<PdfResult> {
  const layout = options.laidOut ?? layoutDocument(doc, createLayoutFonts(fonts), options.layout);
  const lib = await loadPdfLib();
  const usage = collectGlyphs(layout.pages, fonts);
  const ctx = pdfObjects(lib, doc, layout, fonts, usage, { outline: options.outlineSigningBoxes === true });
  if (options.signatureImages && layout.slots.length > 0) await addSigningImages(lib, ctx, layout, options.signatureImages);
  const bytes = serializePdf(lib, ctx);
  const warnings = [...layout.warnings];
  for (const [face, u] of usage) {
    if (u.missing.size) {
      const chars = [...u.missing].map((cp) => String.fromCodePoint(cp)).join(" ");
      warnings.push({ code: "missing-glyph", kind: "glyph", message: `font ${face} lacks: ${chars}`, face, codePoints: [...u.missing] });
    }
  }
  return { bytes, layout, warnings };
}
