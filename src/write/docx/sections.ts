/**
 * Section properties for the docx package: page size (the literal A4 twips; for landscape the
 * portrait size plus the orientation, as docx swaps them), margins, and headers. Every section gets
 * its own headers and titlePage, since a section without them inherits the previous one's
 * (libraries.md). The page number is a centred PAGE field in the default header; with
 * hideOnFirstPage the first-page header is empty (w:titlePg). The body is not given to docx: it is
 * serialised by blocks.ts and put in place by skeleton.ts.
 */
import { AlignmentType, Header, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions } from "docx";
import type { Section } from "../../document/model.js";
import { halfPoints } from "./units.js";

export function textWidth(s: Section): number {
  const p = s.page;
  return (p.orientation === "landscape" ? p.height : p.width) - p.margin.left - p.margin.right;
}

function emptyHeader(): Header {
  return new Header({ children: [new Paragraph({})] });
}

function pageNumberHeader(pn: NonNullable<Section["pageNumber"]>): Header {
  const size = halfPoints(pn.size);
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, run: { size }, children: [new TextRun({ children: [PageNumber.CURRENT], size })] })],
  });
}

/** A section without its body. */
export function sectionFrame(s: Pick<Section, "page" | "pageNumber">): ISectionOptions {
  const p = s.page;
  const pn = s.pageNumber;
  return {
    properties: {
      page: {
        size: { width: p.width, height: p.height, orientation: p.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: p.margin.top, right: p.margin.right, bottom: p.margin.bottom, left: p.margin.left, header: p.headerDistance, footer: p.headerDistance, gutter: 0 },
      },
      titlePage: pn?.hideOnFirstPage ?? false,
    },
    headers: { default: pn ? pageNumberHeader(pn) : emptyHeader(), first: pn && !pn.hideOnFirstPage ? pageNumberHeader(pn) : emptyHeader() },
    children: [],
  };
}
