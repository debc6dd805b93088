/**
 * Model tables → docx tables: fixed layout with the model's column widths (w:tblGrid and every cell's
 * w:tcW, so Word, LibreOffice and others agree), header rows repeated on each page (w:tblHeader),
 * rows kept whole (w:cantSplit) or with the next row (w:keepNext on the row's paragraphs, which is how
 * Word keeps a row with the next), merges (gridSpan, vMerge: docx adds the continuation cells for
 * `rowSpan`), ruled or borderless, cell padding, vertical alignment.
 */
import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from "docx";
import type { Block, Table as ModelTable, Twips } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { borderEighths } from "./units.js";

type ToBlocks = (blocks: readonly Block[], width: Twips, ctx: DocxContext) => (Paragraph | Table)[];

const V_ALIGN = { top: VerticalAlignTable.TOP, center: VerticalAlignTable.CENTER, bottom: VerticalAlignTable.BOTTOM } as const;

function borders(t: ModelTable) {
  const side = t.borders
    ? { style: BorderStyle.SINGLE, size: borderEighths(t.borders.width), color: "000000", space: 0 }
    : { style: BorderStyle.NONE, size: 0, color: "auto", space: 0 };
  return { top: side, bottom: side, left: side, right: side, insideHorizontal: side, insideVertical: side };
}

export function toTable(t: ModelTable, ctx: DocxContext, toBlocks: ToBlocks): Table {
  const pad = t.padding;
  // Grid columns still covered by a cell merged down from a row above (remaining rows).
  const covered = new Array<number>(t.columns.length).fill(0);
  const rows = t.rows.map((r, ri) => {
    let col = 0;
    const cells = r.cells.map((c) => {
      while (col < covered.length && covered[col]! > 0) col++;
      const span = c.colSpan ?? 1;
      const width = t.columns.slice(col, col + span).reduce((a, b) => a + b, 0);
      if ((c.rowSpan ?? 1) > 1) for (let k = col; k < col + span; k++) covered[k] = c.rowSpan!;
      col += span;
      const children = toBlocks(c.blocks, width - pad.left - pad.right, ctx);
      // A cell must end with a paragraph (and have one at all).
      if (children.length === 0 || !(children[children.length - 1] instanceof Paragraph)) children.push(new Paragraph({}));
      return new TableCell({
        children,
        width: { size: width, type: WidthType.DXA },
        ...(c.vAlign !== "top" ? { verticalAlign: V_ALIGN[c.vAlign] } : {}),
        ...(span > 1 ? { columnSpan: span } : {}),
        ...((c.rowSpan ?? 1) > 1 ? { rowSpan: c.rowSpan } : {}),
      });
    });
    for (let k = 0; k < covered.length; k++) if (covered[k]! > 0) covered[k]!--;
    return new TableRow({
      children: cells,
      cantSplit: r.cantSplit,
      ...(r.keepNext ? { keepNext: true } : {}),
      ...(ri < t.headerRows ? { tableHeader: true } : {}),
    });
  });
  return new Table({
    rows,
    columnWidths: [...t.columns],
    width: { size: t.columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: borders(t),
    margins: { top: pad.top, bottom: pad.bottom, left: pad.left, right: pad.right, marginUnitType: WidthType.DXA },
  });
}
