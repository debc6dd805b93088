/** Page setup of the two documents: A4 (the literal size), portrait or landscape, NĐ 30 margins. */
import { A4, type PageSetup, type Section, type Twips } from "../document/model.js";
import { HEADER_DISTANCE, MARGIN, SIZE } from "./profile.js";

export function a4(orientation: PageSetup["orientation"]): PageSetup {
  return { width: A4.width, height: A4.height, orientation, margin: { ...MARGIN }, headerDistance: HEADER_DISTANCE };
}

/** Width between the margins, as the page is printed (landscape swaps width and height). */
export function textWidth(page: PageSetup): Twips {
  const w = page.orientation === "landscape" ? page.height : page.width;
  return w - page.margin.left - page.margin.right;
}

/** Page numbers centred in the top margin, from page 2 on (nd30 I). */
export const PAGE_NUMBER: NonNullable<Section["pageNumber"]> = { size: SIZE.pageNumber, align: "center", hideOnFirstPage: true };
