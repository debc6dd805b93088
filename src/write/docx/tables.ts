/**
 * Model tables → w:tbl: fixed layout with the model's column widths (w:tblGrid and every cell's
 * w:tcW, so Word, LibreOffice and others agree), header rows repeated on each page (w:tblHeader),
 * rows kept whole (w:cantSplit) or with the next row (w:keepNext on every paragraph of the row, which
 * is how Word keeps a row with the next), merges (w:gridSpan; w:vMerge restart/continue, the
 * continuation cells added here for cells the model's `rowSpan` covers), ruled or borderless, cell
 * padding, vertical alignment. Property order follows CT_TblPr, CT_TcPr.
 */
import type { Block, Row, Table, Twips } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { borderEighths, halfPoints } from "./units.js";

type BlocksXml = (blocks: readonly Block[], width: Twips, ctx: DocxContext, keepNext?: boolean) => string;

function bordersXml(t: Table): string {
  const side = t.borders
    ? `w:val="single" w:color="000000" w:sz="${borderEighths(t.borders.width)}" w:space="0"`
    : 'w:val="none" w:color="auto" w:sz="0" w:space="0"';
  return `<w:tblBorders><w:top ${side}/><w:left ${side}/><w:bottom ${side}/><w:right ${side}/><w:insideH ${side}/><w:insideV ${side}/></w:tblBorders>`;
}

/** An empty paragraph (a cell must end with one), sized like the table's text. */
function emptyParagraph(size: number, ctx: DocxContext, keepNext: boolean): string {
  const mark = size === ctx.defaultSize ? "" : `<w:rPr><w:sz w:val="${halfPoints(size)}"/><w:szCs w:val="${halfPoints(size)}"/></w:rPr>`;
  const props = (keepNext ? "<w:keepNext/>" : "") + mark;
  return props ? `<w:p><w:pPr>${props}</w:pPr></w:p>` : "<w:p/>";
}

function cellSize(blocks: readonly Block[], ctx: DocxContext): number {
  const first = blocks[0];
  return first && first.kind === "paragraph" ? first.style.size : ctx.defaultSize;
}

/** A cell merged down from a row above: what its continuation cells need. */
interface Covered {
  rows: number;
  span: number;
  width: number;
  size: number;
  opened: number;
}

/** Continuation cells (w:vMerge continue) for the merges covering the grid from `col` on. */
function continuationXml(covered: (Covered | undefined)[], at: { col: number }, ri: number, ctx: DocxContext, keep: boolean): string {
  let tr = "";
  for (let c = covered[at.col]; c && c.opened !== ri; c = covered[at.col]) {
    const span = c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : "";
    tr += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${c.width}"/>${span}<w:vMerge w:val="continue"/></w:tcPr>${emptyParagraph(c.size, ctx, keep)}</w:tc>`;
    at.col += c.span;
  }
  return tr;
}

function rowXml(t: Table, r: Row, ri: number, covered: (Covered | undefined)[], ctx: DocxContext, blocksXml: BlocksXml): string {
  const pad = t.padding;
  const keep = !!r.keepNext;
  let tr = "<w:tr>";
  const trPr = (r.cantSplit ? "<w:cantSplit/>" : "") + (ri < t.headerRows ? "<w:tblHeader/>" : "");
  if (trPr) tr += `<w:trPr>${trPr}</w:trPr>`;
  const at = { col: 0 };
  for (const c of r.cells) {
    tr += continuationXml(covered, at, ri, ctx, keep);
    const col = at.col;
    const span = c.colSpan ?? 1;
    let width = 0;
    for (const w of t.columns.slice(col, col + span)) width += w;
    const rowSpan = c.rowSpan ?? 1;
    const size = cellSize(c.blocks, ctx);
    let tcPr = `<w:tcW w:type="dxa" w:w="${width}"/>`;
    if (span > 1) tcPr += `<w:gridSpan w:val="${span}"/>`;
    if (rowSpan > 1) {
      tcPr += '<w:vMerge w:val="restart"/>';
      covered[col] = { rows: rowSpan - 1, span, width, size, opened: ri };
    }
    if (c.vAlign !== "top") tcPr += `<w:vAlign w:val="${c.vAlign}"/>`;
    let content = blocksXml(c.blocks, width - pad.left - pad.right, ctx, keep);
    // A cell must end with a paragraph (and have one at all).
    if (!content.endsWith("</w:p>") && !content.endsWith("<w:p/>")) content += emptyParagraph(size, ctx, keep);
    tr += `<w:tc><w:tcPr>${tcPr}</w:tcPr>${content}</w:tc>`;
    at.col += span;
  }
  tr += continuationXml(covered, at, ri, ctx, keep);
  for (let k = 0; k < covered.length; k++) {
    const c = covered[k];
    if (c && c.opened !== ri && --c.rows === 0) covered[k] = undefined;
  }
  return tr + "</w:tr>";
}

export function tableXml(t: Table, ctx: DocxContext, blocksXml: BlocksXml): string {
  const pad = t.padding;
  let total = 0;
  for (const c of t.columns) total += c;
  let x =
    "<w:tbl><w:tblPr>" +
    `<w:tblW w:type="dxa" w:w="${total}"/>` +
    bordersXml(t) +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:type="dxa" w:w="${pad.top}"/><w:left w:type="dxa" w:w="${pad.left}"/><w:bottom w:type="dxa" w:w="${pad.bottom}"/><w:right w:type="dxa" w:w="${pad.right}"/></w:tblCellMar>` +
    "</w:tblPr><w:tblGrid>";
  for (const c of t.columns) x += `<w:gridCol w:w="${c}"/>`;
  x += "</w:tblGrid>";

  // Cells merged down from rows above, by grid column: the rows they still cover, their span, width
  // and text size (for the empty continuation cell), and the row that opened them.
  const covered: (Covered | undefined)[] = new Array(t.columns.length).fill(undefined);
  for (const [ri, r] of t.rows.entries()) x += rowXml(t, r, ri, covered, ctx, blocksXml);
  return x + "</w:tbl>";
}
