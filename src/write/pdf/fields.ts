/**
 * Unsigned signature fields for an electronic document: the boxes of src/layout/signing.ts as an
 * AcroForm of /Sig fields a signing tool (or a person in a PDF reader) finds by name, and the same boxes
 * as the sidecar JSON `<document>.ky-so.json`.
 *
 * The field names have a period ("chamdiem.chu-ky"), which a partial field name must not contain (ISO
 * 32000-1, 12.7.3.2): they are fully qualified names, a non-terminal field "chamdiem" whose kids are
 * the terminal fields ("so", "chu-ky", …), each merged with its widget. /SigFlags is left out: the
 * document has no signature yet (the signing tool sets it). Each widget is printed (/F 4) and has an
 * empty appearance (a form XObject with nothing in it), or, for looking at the boxes, its outline.
 */
import type { PDFArray, PDFContext, PDFDict, PDFRef } from "pdf-lib";
import { PT_PER_MM, signingBoxes, type SigningBox, type SigningFieldName } from "../../layout/signing.js";
import type { LayoutResult, Rect } from "../../layout/types.js";
import { num } from "./bytes.js";

type PdfLib = typeof import("pdf-lib");

/** What each field is for, in Vietnamese: the widget's tooltip (/TU) and the sidecar's `purpose`. */
export const FIELD_PURPOSE: Record<SigningFieldName, string> = {
  "chamdiem.so": "Số văn bản (do hệ thống cấp)",
  "chamdiem.ngay": "Ngày văn bản",
  "chamdiem.chu-ky": "Chữ ký số của người có thẩm quyền",
  "chamdiem.con-dau": "Con dấu của cơ quan",
  "chamdiem.chu-ky-co-quan": "Chữ ký số của cơ quan (phụ lục gửi kèm)",
};

const ROOT_FIELD = "chamdiem";

/** Hundredths of a point (or of a millimetre): what the widget and the sidecar say. */
function round2(v: number): number {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? 0 : r;
}

/** A layout rectangle (y from the page top) in PDF coordinates (y from the page bottom), rounded. */
export function pdfRect(rect: Rect, pageHeight: number): Rect {
  const x = round2(rect.x);
  const y = round2(pageHeight - rect.y - rect.height);
  const width = round2(rect.width);
  const height = round2(rect.height);
  return { x, y, width, height };
}

export interface SigningField {
  name: string;
  purpose: string;
  /** 1-based page number. */
  page: number;
  rect: { pt: Rect; mm: Rect };
}

export interface SigningSidecar {
  document: string;
  /** How the rectangles are given. */
  coordinates: string;
  fields: SigningField[];
}

/**
 * The sidecar `<document>.ky-so.json`: every signing box with its purpose, page and rectangle in points
 * and millimetres, in PDF coordinates (origin at the page's bottom-left corner). Empty `fields` for a
 * paper document. The CLI writes it (as JSON) beside the PDF.
 */
export function signingSidecar(document: string, layout: Pick<LayoutResult, "pages" | "slots" | "attachmentPages">): SigningSidecar {
  const fields = signingBoxes(layout).map((b): SigningField => {
    const pt = pdfRect(b.rect, layout.pages[b.page]!.height);
    const mm = { x: round2(pt.x / PT_PER_MM), y: round2(pt.y / PT_PER_MM), width: round2(pt.width / PT_PER_MM), height: round2(pt.height / PT_PER_MM) };
    return { name: b.name, purpose: FIELD_PURPOSE[b.kind], page: b.page + 1, rect: { pt, mm } };
  });
  return {
    document,
    coordinates: "PDF: origin at the page's bottom-left corner, y upwards; x, y = the rectangle's bottom-left corner; pt = 1/72 inch",
    fields,
  };
}

export interface FieldOptions {
  /** Draw each box's outline in its widget's appearance (to look at where the boxes are). */
  outline?: boolean;
}

/**
 * Adds the signing fields of `layout` to the context: the AcroForm in the catalog, a widget per box in
 * its page's /Annots. Nothing when the layout has no slots and no attachment pages (paper).
 */
export function addSigningFields(
  lib: PdfLib,
  ctx: PDFContext,
  catalog: PDFDict,
  pages: { ref: PDFRef; dict: PDFDict }[],
  layout: Pick<LayoutResult, "pages" | "slots" | "attachmentPages">,
  options: FieldOptions = {},
): SigningBox[] {
  const boxes = signingBoxes(layout);
  if (boxes.length === 0) return boxes;
  const { PDFName, PDFHexString, PDFString, PDFNumber } = lib;
  const kids = ctx.obj([]) as PDFArray;
  const root = ctx.obj({ T: PDFString.of(ROOT_FIELD), Kids: kids }) as PDFDict;
  const rootRef = ctx.register(root);
  for (const box of boxes) {
    const page = pages[box.page]!;
    const r = pdfRect(box.rect, layout.pages[box.page]!.height);
    const content = options.outline ? `1 0 0 RG 0.5 w 0.25 0.25 ${num(r.width - 0.5)} ${num(r.height - 0.5)} re S` : "";
    const ap = ctx.stream(content, { Type: "XObject", Subtype: "Form", BBox: [0, 0, r.width, r.height] });
    const apRef = ctx.register(ap);
    const widget = ctx.obj({
      Type: "Annot",
      Subtype: "Widget",
      FT: "Sig",
      Parent: rootRef,
      T: PDFString.of(box.name.slice(ROOT_FIELD.length + 1)),
      TU: PDFHexString.fromText(FIELD_PURPOSE[box.kind]),
      Rect: [r.x, r.y, round2(r.x + r.width), round2(r.y + r.height)].map((v) => PDFNumber.of(v)),
      P: page.ref,
      F: 4,
      AP: { N: apRef },
    });
    const widgetRef = ctx.register(widget);
    kids.push(widgetRef);
    let annots = page.dict.lookup(PDFName.of("Annots"));
    if (!annots) page.dict.set(PDFName.of("Annots"), (annots = ctx.obj([])));
    (annots as PDFArray).push(widgetRef);
  }
  catalog.set(PDFName.of("AcroForm"), ctx.obj({ Fields: [rootRef] }));
  return boxes;
}
