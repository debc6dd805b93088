/**
 * The reference for src/write/docx: the same DocModel written with the `docx` package's object model,
 * as the writer itself did before it serialised the body directly (commit 4a02ac5 replaced
 * Paragraph/TextRun/Table objects with string templates for speed). The mapping is the writer's
 * documented one (src/write/docx/paragraphs.ts, runs.ts, tables.ts):
 * - only what differs from the document defaults is written (left, no spacing, single lines, the
 *   commonest size, `docxContext`);
 * - a paragraph with a rule is the text (no space after, kept with the next) and an empty rule
 *   paragraph: a bottom border made exactly `rule.width` long by its indents, 4 pt high (exact);
 * - tables: fixed layout, the model's grid and cell widths, header rows, cantSplit, merges, padding,
 *   borders or none; a row kept with the next has keepNext on every paragraph of the row (its cells'
 *   and the continuation cells' of merges).
 * Unit conversions are written out here, not imported from the writer.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Block, DocModel, Inline, Paragraph as ModelParagraph, ParagraphStyle, RunStyle, Section, Table as ModelTable } from "../../src/document/model.js";
import { docxContext } from "../../src/write/docx/context.js";

const halfPoints = (pt: number) => Math.round(pt * 2);
const eighths = (pt: number) => Math.max(2, Math.round(pt * 8));
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.BOTH } as const;
const V_ALIGN = { top: VerticalAlignTable.TOP, center: VerticalAlignTable.CENTER, bottom: VerticalAlignTable.BOTTOM } as const;

interface Ctx {
  defaultSize: number;
}

function runProps(s: RunStyle, ctx: Ctx) {
  return {
    ...(s.bold ? { bold: true } : {}),
    ...(s.italic ? { italics: true } : {}),
    ...(s.size !== ctx.defaultSize ? { size: halfPoints(s.size) } : {}),
    ...(s.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    ...(s.vertAlign === "sub" ? { subScript: true } : s.vertAlign === "super" ? { superScript: true } : {}),
  };
}

function run(r: Inline, ctx: Ctx): TextRun {
  switch (r.kind) {
    case "text":
      return new TextRun({ text: r.text, ...runProps(r.style, ctx) });
    case "break":
      return new TextRun({ break: 1, ...runProps(r.style, ctx) });
    case "pageNumber":
      return new TextRun({ children: [PageNumber.CURRENT], ...runProps(r.style, ctx) });
  }
}

function indent(s: ParagraphStyle) {
  const first = s.indentFirstLine ?? 0;
  const ind = {
    ...(s.indentLeft ? { left: s.indentLeft } : {}),
    ...(s.indentRight ? { right: s.indentRight } : {}),
    ...(first > 0 ? { firstLine: first } : first < 0 ? { hanging: -first } : {}),
  };
  return Object.keys(ind).length > 0 ? { indent: ind } : {};
}

/** The paragraph mark's size: it counts in the height of the last line. */
const mark = (size: number, ctx: Ctx) => (size !== ctx.defaultSize ? { run: { size: halfPoints(size) } } : {});

function paragraphProps(s: ParagraphStyle, after: number, keepNext: boolean, ctx: Ctx) {
  const before = s.spaceBefore ?? 0;
  const line = Math.round(240 * (s.lineSpacing ?? 1));
  return {
    ...(keepNext ? { keepNext: true } : {}),
    ...(before || after || line !== 240 ? { spacing: { before, after, line, lineRule: LineRuleType.AUTO } } : {}),
    ...indent(s),
    ...(s.align !== "left" ? { alignment: ALIGN[s.align] } : {}),
    ...mark(s.size, ctx),
  };
}

function paragraphs(p: ModelParagraph, width: number, ctx: Ctx, keepNext: boolean): Paragraph[] {
  const s = p.style;
  const children = p.runs.map((r) => run(r, ctx));
  const keep = keepNext || !!s.keepNext;
  if (!p.rule) return [new Paragraph({ ...paragraphProps(s, s.spaceAfter ?? 0, keep, ctx), children })];
  const out: Paragraph[] = [];
  if (children.length > 0) out.push(new Paragraph({ ...paragraphProps(s, 0, true, ctx), children }));
  const area = width - (s.indentLeft ?? 0) - (s.indentRight ?? 0);
  const free = area - Math.min(p.rule.width, area);
  out.push(
    new Paragraph({
      ...(keep ? { keepNext: true } : {}),
      border: { bottom: { style: BorderStyle.SINGLE, color: "000000", size: eighths(p.rule.thickness), space: 0 } },
      spacing: { before: children.length > 0 ? 0 : (s.spaceBefore ?? 0), after: s.spaceAfter ?? 0, line: 80, lineRule: LineRuleType.EXACT },
      indent: { left: (s.indentLeft ?? 0) + Math.floor(free / 2), right: (s.indentRight ?? 0) + (free - Math.floor(free / 2)) },
      alignment: AlignmentType.CENTER,
      run: { size: 2 },
      children: [],
    }),
  );
  return out;
}

/** An empty paragraph sized like the cell's first paragraph (a cell must end with a paragraph). */
function emptyParagraph(size: number, ctx: Ctx, keepNext: boolean): Paragraph {
  return new Paragraph({ ...(keepNext ? { keepNext: true } : {}), ...mark(size, ctx), children: [] });
}

function table(t: ModelTable, ctx: Ctx): Table {
  const pad = t.padding;
  const side = t.borders
    ? { style: BorderStyle.SINGLE, color: "000000", size: eighths(t.borders.width), space: 0 }
    : { style: BorderStyle.NONE, color: "auto", size: 0, space: 0 };
  // Grid columns covered by a cell merged down from a row above: its remaining rows, span, width, size.
  const covered: ({ rows: number; span: number; width: number; size: number } | undefined)[] = t.columns.map(() => undefined);
  const rows = t.rows.map((r, ri) => {
    const keep = !!r.keepNext;
    const cells: TableCell[] = [];
    let col = 0;
    // The continuation cells (w:vMerge continue) of the merges covering the grid from `col` on.
    const continuations = () => {
      for (let c = covered[col]; c; c = covered[col]) {
        cells.push(
          new TableCell({
            width: { size: c.width, type: WidthType.DXA },
            ...(c.span > 1 ? { columnSpan: c.span } : {}),
            verticalMerge: "continue",
            children: [emptyParagraph(c.size, ctx, keep)],
          }),
        );
        col += c.span;
      }
    };
    const opened: number[] = [];
    for (const c of r.cells) {
      continuations();
      const span = c.colSpan ?? 1;
      const width = t.columns.slice(col, col + span).reduce((a, b) => a + b, 0);
      const first = c.blocks[0];
      const size = first?.kind === "paragraph" ? first.style.size : ctx.defaultSize;
      const children = blocks(c.blocks, width - pad.left - pad.right, ctx, keep);
      if (!(children[children.length - 1] instanceof Paragraph)) children.push(emptyParagraph(size, ctx, keep));
      cells.push(
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          ...(span > 1 ? { columnSpan: span } : {}),
          ...((c.rowSpan ?? 1) > 1 ? { verticalMerge: "restart" } : {}),
          ...(c.vAlign !== "top" ? { verticalAlign: V_ALIGN[c.vAlign] } : {}),
          children,
        }),
      );
      if ((c.rowSpan ?? 1) > 1) opened.push(col);
      col += span;
      if ((c.rowSpan ?? 1) > 1) covered[col - span] = { rows: c.rowSpan! - 1, span, width, size };
    }
    continuations();
    covered.forEach((c, k) => {
      if (c && !opened.includes(k) && --c.rows === 0) covered[k] = undefined;
    });
    // cantSplit false is the default: written only when true, as the writer does (docx would write w:val="off")
    return new TableRow({ children: cells, ...(r.cantSplit ? { cantSplit: true } : {}), ...(ri < t.headerRows ? { tableHeader: true } : {}) });
  });
  return new Table({
    rows,
    columnWidths: [...t.columns],
    width: { size: t.columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: side, left: side, bottom: side, right: side, insideHorizontal: side, insideVertical: side },
    margins: { top: pad.top, left: pad.left, bottom: pad.bottom, right: pad.right, marginUnitType: WidthType.DXA },
  });
}

function blocks(bs: readonly Block[], width: number, ctx: Ctx, keepNext = false): (Paragraph | Table)[] {
  return bs.flatMap((b): (Paragraph | Table)[] => (b.kind === "paragraph" ? paragraphs(b, width, ctx, keepNext) : [table(b, ctx)]));
}

function textWidth(s: Section): number {
  const p = s.page;
  return (p.orientation === "landscape" ? p.height : p.width) - p.margin.left - p.margin.right;
}

/** The page number: a PAGE field aligned as the model says in the default header; an empty first-page header with hideOnFirstPage. */
function header(s: Section, first: boolean, ctx: Ctx): Header {
  const pn = s.pageNumber;
  if (!pn || (first && pn.hideOnFirstPage)) return new Header({ children: [new Paragraph({})] });
  const size = pn.size !== ctx.defaultSize ? { size: halfPoints(pn.size) } : {};
  return new Header({
    children: [new Paragraph({ alignment: ALIGN[pn.align], ...mark(pn.size, ctx), children: [new TextRun({ children: [PageNumber.CURRENT], ...size })] })],
  });
}

/** The whole document (defaults, sections, headers and body) as the docx package writes it. */
export async function docxReference(doc: DocModel): Promise<Uint8Array> {
  const ctx = docxContext(doc);
  const f = doc.meta.font;
  const file = new Document({
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: f, hAnsi: f, cs: f, eastAsia: f },
            size: ctx.defaultSize * 2,
            color: "000000",
            language: { value: doc.meta.language, eastAsia: doc.meta.language, bidirectional: doc.meta.language },
          },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
    },
    sections: doc.sections.map((s) => ({
      properties: {
        page: {
          size: {
            width: s.page.width,
            height: s.page.height,
            orientation: s.page.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { ...s.page.margin, header: s.page.headerDistance, footer: s.page.headerDistance, gutter: 0 },
        },
        // off is the default: written only when on, as the writer does (docx would write w:val="false")
        ...(s.pageNumber?.hideOnFirstPage ? { titlePage: true } : {}),
      },
      headers: { default: header(s, false, ctx), first: header(s, true, ctx) },
      children: blocks(s.blocks, textWidth(s), ctx),
    })),
  });
  return Packer.pack(file, "uint8array");
}
