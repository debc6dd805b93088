/**
 * Optional images in the signing boxes (electronic documents): the signer's signature (blue, a
 * transparent PNG) in "chamdiem.chu-ky" and the organisation's seal (red, a transparent PNG) in
 * "chamdiem.con-dau", drawn on the page before the file is signed, the seal over the signature.
 *
 * Each is drawn at its actual size when the PNG says how big it is (its pHYs chunk in pixels per metre),
 * centred on its box; a PNG without a physical size is fitted into its box (aspect kept, centred).
 * The images go into a content stream of their own, after the page's text, so the text's stream and
 * its bytes are those of a document without images.
 */
import type { PDFArray, PDFContext, PDFDict, PDFRef } from "pdf-lib";
import { signingBoxes, type SigningBox } from "../../layout/signing.js";
import type { LayoutResult, Rect } from "../../layout/types.js";
import { num } from "./bytes.js";

type PdfLib = typeof import("pdf-lib");

export interface SignatureImages {
  /** The signer's signature image (PNG). */
  signer?: Uint8Array;
  /** The organisation's seal (PNG). */
  seal?: Uint8Array;
}

/** A PNG the writer cannot use: which image and why (the CLI reports CD855 for the signer's, CD856 for the seal). */
export class SigningImageError extends Error {
  constructor(
    readonly which: keyof SignatureImages,
    readonly reason: string,
  ) {
    super(`the ${which} image cannot be used: ${reason}`);
  }
}

export interface PngSize {
  width: number;
  height: number;
  /** Pixels per metre (pHYs with the metre unit), when the PNG has it. */
  perMetre?: { x: number; y: number };
}

/** The pixel size and physical resolution of a PNG, from its IHDR and pHYs chunks; undefined if not a PNG. */
export function pngSize(png: Uint8Array): PngSize | undefined {
  if (png.length < 33) return undefined;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (view.getUint32(0) !== 0x89504e47 || view.getUint32(4) !== 0x0d0a1a0a) return undefined;
  if (String.fromCharCode(...png.subarray(12, 16)) !== "IHDR") return undefined;
  const out: PngSize = { width: view.getUint32(16), height: view.getUint32(20) };
  if (out.width === 0 || out.height === 0) return undefined;
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === "IDAT" || type === "IEND") break;
    if (type === "pHYs" && length === 9 && at + 17 <= png.length && png[at + 16] === 1) {
      const x = view.getUint32(at + 8);
      const y = view.getUint32(at + 12);
      if (x > 0 && y > 0) out.perMetre = { x, y };
    }
    at += 12 + length;
  }
  return out;
}

/** Points per metre. */
const PT_PER_METRE = 72 / 0.0254;

/** Where an image goes in its box (layout coordinates, y from the page top): actual size or fitted, centred. */
export function imageRect(box: Rect, size: PngSize): Rect {
  let width: number;
  let height: number;
  if (size.perMetre) {
    width = (size.width / size.perMetre.x) * PT_PER_METRE;
    height = (size.height / size.perMetre.y) * PT_PER_METRE;
  } else {
    const scale = Math.min(box.width / size.width, box.height / size.height);
    width = size.width * scale;
    height = size.height * scale;
  }
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

/**
 * Draws the images in their boxes: one image XObject each (pdf-lib's PNG embedder: alpha as a soft
 * mask) and one content stream per page that has any, the signature first, the seal over it.
 */
export async function addSigningImages(
  lib: PdfLib,
  ctx: PDFContext,
  layout: Pick<LayoutResult, "pages" | "slots" | "attachmentPages">,
  images: SignatureImages,
): Promise<void> {
  const { PDFName, PDFArray, PngEmbedder } = lib;
  const boxes = signingBoxes(layout);
  // The page objects, in order (src/write/pdf/document.ts: the catalog's page tree has them all as kids).
  const root = ctx.lookup(ctx.trailerInfo.Root) as PDFDict;
  const kids = (root.lookup(PDFName.of("Pages")) as PDFDict).lookup(PDFName.of("Kids")) as PDFArray;
  const pages = layout.pages.map((p, i) => ({ dict: kids.lookup(i) as PDFDict, height: p.height }));
  const draws = new Map<number, string[]>();
  const order: [keyof SignatureImages, SigningBox["kind"], string][] = [
    ["signer", "chamdiem.chu-ky", "ChuKy"],
    ["seal", "chamdiem.con-dau", "ConDau"],
  ];
  for (const [which, kind, name] of order) {
    const png = images[which];
    if (!png) continue;
    const box = boxes.find((b) => b.kind === kind);
    if (!box) continue;
    const size = pngSize(png);
    if (!size) throw new SigningImageError(which, "not a PNG file");
    let ref: PDFRef;
    try {
      ref = await (await PngEmbedder.for(png)).embedIntoContext(ctx);
    } catch (e) {
      throw new SigningImageError(which, e instanceof Error ? e.message : String(e));
    }
    const page = pages[box.page]!;
    const r = imageRect(box.rect, size);
    const resources = page.dict.lookup(PDFName.of("Resources")) as PDFDict;
    let xobjects = resources.lookup(PDFName.of("XObject")) as PDFDict | undefined;
    if (!xobjects) resources.set(PDFName.of("XObject"), (xobjects = ctx.obj({}) as PDFDict));
    xobjects.set(PDFName.of(name), ref);
    const op = `q ${num(r.width)} 0 0 ${num(r.height)} ${num(r.x)} ${num(page.height - r.y - r.height)} cm /${name} Do Q\n`;
    draws.set(box.page, [...(draws.get(box.page) ?? []), op]);
  }
  for (const [index, ops] of draws) {
    const page = pages[index]!;
    const stream = ctx.register(ctx.flateStream(ops.join("")));
    const contents = page.dict.lookup(PDFName.of("Contents"));
    if (contents instanceof PDFArray) contents.push(stream);
    else page.dict.set(PDFName.of("Contents"), ctx.obj([page.dict.get(PDFName.of("Contents"))!, stream]));
  }
}
