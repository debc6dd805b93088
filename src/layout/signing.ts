/**
 * Where an electronic document is signed (NĐ 30/2020 Phụ lục I, ô 3, 4, 7c, 8): the boxes of the
 * signing step, computed from the layout's slots. Pure geometry, points, y from the page's top edge.
 *
 * - "chamdiem.so", "chamdiem.ngay": the number slot's and the date slot's text boxes (ô 3, ô 4), where the
 *   document system writes the number and the date;
 * - "chamdiem.chu-ky" (ô 7c): the signer's signature image, SIGNATURE_WIDTH wide, centred on the signer's
 *   column (the centres of the last position line and the name), over the whole gap between the position
 *   line's box and the name's box less GAP_INSET on each side;
 * - "chamdiem.con-dau" (ô 8): the seal at its actual size, SEAL_SIZE square (a round seal), vertically
 *   centred on the signature box, its right edge a third of the signature box into it from the left:
 *   seal.x + seal.width − sig.x = sig.width / 3;
 * - "chamdiem.chu-ky-co-quan": the organisation's signature on an attachment in a file of its own, at the
 *   top right of the attachment's first page: right-aligned with the body, ATTACHMENT_BOX wide and high,
 *   its bottom GAP_INSET above the body (inside the top margin; never above the page's top edge).
 */
import type { LayoutResult, LayoutSlot, Rect } from "./types.js";

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/**
 * Width of the signature box: a scanned signature is about 40–50 × 20–25 mm; 50 mm leaves room for the
 * widest. The height is the room compose leaves between the position and the name (28 mm apart).
 */
export const SIGNATURE_WIDTH = 50 * PT_PER_MM;
/** A round seal is 36–42 mm across; 40 mm. */
export const SEAL_SIZE = 40 * PT_PER_MM;
/** Kept clear between the signature box and the text above and below it. */
export const GAP_INSET = 1 * PT_PER_MM;
/**
 * The organisation's signature on an attachment: three lines of Times New Roman 10 pt (the organisation,
 * the number and symbol, the signing time in ISO 8601 with the Vietnam offset: about 60 mm), 11,5 pt
 * each (34,5 pt ≈ 12,2 mm): 80 × 15 mm.
 */
export const ATTACHMENT_BOX = { width: 80 * PT_PER_MM, height: 15 * PT_PER_MM };

export type SigningFieldName = "chamdiem.so" | "chamdiem.ngay" | "chamdiem.chu-ky" | "chamdiem.con-dau" | "chamdiem.chu-ky-co-quan";

export interface SigningBox {
  /** The field's name ("chamdiem.chu-ky-co-quan-2" for a second attachment in the same file). */
  name: string;
  kind: SigningFieldName;
  /** 0-based page index. */
  page: number;
  rect: Rect;
}

/** The signing boxes of a layout, in a fixed order: number, date, signature, seal, then attachments. */
export function signingBoxes(layout: Pick<LayoutResult, "pages" | "slots" | "attachmentPages">): SigningBox[] {
  const out: SigningBox[] = [];
  const find = (slot: LayoutSlot["slot"]) => layout.slots.find((s) => s.slot === slot);
  const number = find("number");
  if (number) out.push({ name: "chamdiem.so", kind: "chamdiem.so", page: number.page, rect: { ...number.rect } });
  const date = find("date");
  if (date) out.push({ name: "chamdiem.ngay", kind: "chamdiem.ngay", page: date.page, rect: { ...date.rect } });
  const name = find("signer-name");
  // The last position line: the last title slot at or before the name.
  const titles = layout.slots.filter((s) => s.slot === "signer-title" && name && s.page <= name.page);
  const title = titles[titles.length - 1];
  if (name) {
    const sig = signatureRect(layout, title, name);
    out.push({ name: "chamdiem.chu-ky", kind: "chamdiem.chu-ky", page: name.page, rect: sig });
    out.push({ name: "chamdiem.con-dau", kind: "chamdiem.con-dau", page: name.page, rect: sealRect(sig) });
  }
  layout.attachmentPages.forEach((page, i) => {
    const body = layout.pages[page]?.body;
    if (!body) return;
    const { width, height } = ATTACHMENT_BOX;
    const rect = { x: body.right - width, y: Math.max(0, body.top - GAP_INSET - height), width, height };
    out.push({ name: i === 0 ? "chamdiem.chu-ky-co-quan" : `chamdiem.chu-ky-co-quan-${i + 1}`, kind: "chamdiem.chu-ky-co-quan", page, rect });
  });
  return out;
}

/**
 * The signature box: between the position line and the name on the name's page (from the body's top if
 * the position line is on an earlier page, or there is none), centred on both.
 */
function signatureRect(layout: Pick<LayoutResult, "pages">, title: LayoutSlot | undefined, name: LayoutSlot): Rect {
  const sameSheet = title !== undefined && title.page === name.page;
  const top = (sameSheet ? title.rect.y + title.rect.height : (layout.pages[name.page]?.body.top ?? 0)) + GAP_INSET;
  const bottom = name.rect.y - GAP_INSET;
  const centre = (c: Rect) => c.x + c.width / 2;
  const x = sameSheet ? (centre(title.rect) + centre(name.rect)) / 2 : centre(name.rect);
  return { x: x - SIGNATURE_WIDTH / 2, y: top, width: SIGNATURE_WIDTH, height: Math.max(0, bottom - top) };
}

/** The seal over the left third of the signature, vertically centred on it. */
function sealRect(sig: Rect): Rect {
  return { x: sig.x + sig.width / 3 - SEAL_SIZE, y: sig.y + sig.height / 2 - SEAL_SIZE / 2, width: SEAL_SIZE, height: SEAL_SIZE };
}
