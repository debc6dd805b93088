/**
 * The PDF's object graph, built on pdf-lib's object model (PDFContext, PDFDict, strings, numbers):
 * catalog, page tree, document information, fonts and one page object per laid-out page.
 *
 * Built directly rather than through pdf-lib's PDFDocument: its `addPage` walks the page tree and
 * refreshes a page cache on every page (≈ 1,7 ms of a score table's PDF), and its async `create` and
 * `save` lost their optimised code in a bulk build (docs/performance.md). The objects, their numbers and their key order are those PDFDocument produced (catalog,
 * /Info with /ViewerPreferences, fonts, then each page and its content), so the bytes did not change:
 * test/pdf-serialize.test.ts compares them with PDFDocument + save.
 */
import type { PDFArray, PDFContext, PDFDict, PDFRef } from "pdf-lib";
import type { DocModel } from "../../document/model.js";
import type { FontSet } from "../../fonts/fontset.js";
import type { Face, LayoutResult } from "../../layout/types.js";
import { pageContent } from "./content.js";
import { embedFace, flate, type EmbeddedFace } from "./embed-font.js";
import { addSigningFields, type FieldOptions } from "./fields.js";
import type { FaceUsage } from "./glyphs.js";

type PdfLib = typeof import("pdf-lib");

function pdfDate(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`doc.meta.date is not an ISO date: ${iso}`);
  return d;
}

/** A text string of the document information (UTF-16, NFC). */
function infoText(lib: PdfLib, s: string) {
  return lib.PDFHexString.fromText(s.normalize("NFC"));
}

/** The objects of the PDF of a layout, in a fresh context (serialise it with serializePdf). */
export function pdfObjects(
  lib: PdfLib,
  doc: DocModel,
  layout: LayoutResult,
  fonts: FontSet,
  usage: Map<Face, FaceUsage>,
  fields: FieldOptions = {},
): PDFContext {
  const { PDFContext, PDFName, PDFString, PDFBool, PDFNumber } = lib;
  const ctx = PDFContext.create();
  const kids = ctx.obj([]) as PDFArray;
  const pageTree = ctx.obj({ Type: "Pages", Kids: kids, Count: 0 }) as PDFDict;
  const pageTreeRef = ctx.register(pageTree);
  const catalog = ctx.obj({ Type: "Catalog", Pages: pageTreeRef }) as PDFDict;
  ctx.trailerInfo.Root = ctx.register(catalog);

  // Document information, and the viewer preference that shows the title rather than the file name.
  const meta = doc.meta;
  const info = ctx.obj({}) as PDFDict;
  ctx.trailerInfo.Info = ctx.register(info);
  info.set(PDFName.of("Title"), infoText(lib, meta.title));
  catalog.set(PDFName.of("ViewerPreferences"), ctx.register(ctx.obj({ DisplayDocTitle: PDFBool.True })));
  info.set(PDFName.of("Author"), infoText(lib, meta.author));
  info.set(PDFName.of("Subject"), infoText(lib, meta.subject));
  info.set(PDFName.of("Creator"), infoText(lib, "chamdiem"));
  info.set(PDFName.of("Producer"), infoText(lib, "chamdiem (pdf-lib)"));
  catalog.set(PDFName.of("Lang"), PDFString.of(meta.language || "vi-VN"));
  // An appendix in its document's file is numbered from 1 again (Section.restartPageNumbers): page
  // labels make a viewer show and find the printed numbers. None otherwise (paper bytes unchanged).
  const restarts = layout.pages.flatMap((p, i) => (p.printedNumber === 1 ? [i] : []));
  if (restarts.length > 0) {
    const nums: (number | PDFDict)[] = [0, ctx.obj({ S: "D" }) as PDFDict];
    for (const i of restarts) nums.push(i, ctx.obj({ S: "D", St: 1 }) as PDFDict);
    catalog.set(PDFName.of("PageLabels"), ctx.obj({ Nums: nums }));
  }
  const date = PDFString.fromDate(pdfDate(meta.date));
  info.set(PDFName.of("CreationDate"), date);
  info.set(PDFName.of("ModDate"), date);

  const faces = new Map<string, EmbeddedFace & { name: string }>();
  let n = 0;
  for (const [face, u] of usage) faces.set(face, { ...embedFace(lib, ctx, u), name: `F${++n}` });

  const pages: { ref: PDFRef; dict: PDFDict }[] = [];
  for (const frame of layout.pages) {
    const resources = ctx.obj({}) as PDFDict;
    const page = ctx.obj({ Type: "Page", Parent: pageTreeRef, Resources: resources, MediaBox: [0, 0, frame.width, frame.height] }) as PDFDict;
    const pageRef = ctx.register(page);
    kids.push(pageRef);
    pages.push({ ref: pageRef, dict: page });
    const content = pageContent(frame, faces, fonts.kerning);
    const contentRef: PDFRef = flate(ctx, content.bytes);
    const used: (EmbeddedFace & { name: string })[] = [];
    for (const f of faces.values()) if (content.faces.has(f.name)) used.push(f);
    if (used.length === 0) {
      page.set(PDFName.of("Contents"), contentRef);
      continue;
    }
    // A page with fonts gets the full resource dictionaries and an annotation array, as pdf-lib's
    // page normalisation wrote them.
    page.set(PDFName.of("Contents"), ctx.obj([contentRef]));
    const font = ctx.obj({}) as PDFDict;
    for (const f of used) font.set(PDFName.of(f.name), f.ref);
    resources.set(PDFName.of("Font"), font);
    resources.set(PDFName.of("XObject"), ctx.obj({}));
    resources.set(PDFName.of("ExtGState"), ctx.obj({}));
    page.set(PDFName.of("Annots"), ctx.obj([]));
  }
  pageTree.set(PDFName.of("Count"), PDFNumber.of(layout.pages.length));
  // Electronic documents: the unsigned signature fields (none on paper: the objects above are all).
  addSigningFields(lib, ctx, catalog, pages, layout, fields);
  return ctx;
}
