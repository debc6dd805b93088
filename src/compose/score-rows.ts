/**
 * Rows of the score table, one pass over the scored tree:
 *
 * - top-level items (TIÊU CHÍ n, ĐIỂM THƯỞNG): bold;
 * - nested groups (Nội dung n): bold italic (the seed italicises them; bold keeps them apart from the
 *   italic option rows);
 * - leaves (criteria): regular, with their computed score;
 * - options: the option text in italic; a chosen option shows its points in the self-score column
 *   (each ticked option of a checklist), and its justification beside it.
 *
 * Where a justification goes: a checklist's own ticked-option texts go on their option rows and its
 * criterion-level text on the criterion row. For "choice" and "measure" the answer's justification
 * explains the chosen option, so it is printed beside that option, as the seed does; with no option
 * chosen it stays on the criterion row. A measured value ("Tỷ lệ % hoàn thành kế hoạch: 100%") is
 * printed first in the same cell, since the option's formula uses it.
 *
 * Rows whose tallest cell is estimated at more than SPLITTABLE_LINES lines may break across pages;
 * all others are kept whole (cantSplit).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { inlineText, type Block, type Cell, type MeasureText, type ParagraphStyle, type Row, type RunStyle, type Twips } from "../document/model.js";
import type { Markdown } from "../model/assessment.js";
import { formatHundredths, type Hundredths, type NumberFormat } from "../model/points.js";
import type { RubricLeaf } from "../model/rubric.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import { cell, line, paragraph, row, trimTrailingSpace } from "./blocks.js";
import { renderMarkdown } from "./markdown/index.js";
import { estimateLines } from "./text-fit.js";
import { CELL_PADDING, GAP, SIZE } from "./profile.js";
import { COL, HEADER_LABELS } from "./score-columns.js";
import { answerFacts } from "./answer-facts.js";

export const SPLITTABLE_LINES = 8;

const S = {
  regular: { size: SIZE.table } satisfies RunStyle,
  bold: { size: SIZE.table, bold: true } satisfies RunStyle,
  boldItalic: { size: SIZE.table, bold: true, italic: true } satisfies RunStyle,
  italic: { size: SIZE.table, italic: true } satisfies RunStyle,
};

const CELL_PARA = { spaceBefore: 0, spaceAfter: 0, lineSpacing: 1 };
const center = { ...CELL_PARA, align: "center" as const };
/** Titles and option texts: left-aligned, as justified text in a 5 cm column opens wide gaps. */
const left = { ...CELL_PARA, align: "left" as const };

export interface RowContext {
  columns: Twips[];
  measure: MeasureText;
  numbers: NumberFormat;
  diagnostics: Diagnostic[];
}

export function headerRow(): Row {
  const cells: Cell[] = [];
  for (const label of HEADER_LABELS) cells.push(cell([line(label, S.bold, center)], "center"));
  return row(cells, true, "header");
}

export function bodyRows(scored: ScoredAssessment, ctx: RowContext): Row[] {
  const rows: Row[] = [];
  for (const n of scored.items) nodeRows(n, 0, ctx, rows);
  return rows;
}

/** A node's rows, then its children's. */
function nodeRows(n: ScoredNode, depth: number, ctx: RowContext, rows: Row[]): void {
  if (n.node.kind === "group") {
    rows.push(groupRow(n, depth, ctx));
    if (n.children) for (const c of n.children) nodeRows(c, depth + 1, ctx, rows);
  } else {
    leafRows(n, n.node, depth, ctx, rows);
  }
}

export function totalRow(scored: ScoredAssessment, ctx: RowContext): Row {
  const num = (v: Hundredths | undefined) => (v === undefined ? [] : [line(formatHundredths(v, ctx.numbers), S.bold, center)]);
  return row(
    [
      cell([line(scored.rubric.totalLabel, S.bold, center)], "top", { colSpan: 2 }),
      cell(num(scored.max)),
      cell(num(scored.total)),
      cell([]),
      cell(num(scored.appraised?.total)),
      cell([]),
    ].map(fillEmpty),
    true,
    "total",
  );
}

function groupRow(n: ScoredNode, depth: number, ctx: RowContext): Row {
  const style = depth === 0 ? S.bold : S.boldItalic;
  const r = finishRow(
    [
      [line(n.node.id, style, center)],
      [line(n.node.title, style, left, { source: n.node.source })],
      [line(formatHundredths(n.node.max, ctx.numbers), style, center)],
      [line(formatHundredths(n.score, ctx.numbers), style, center)],
      [...answerFacts(n, ctx.numbers).map((t) => line(t, S.regular, left)), ...(n.justification ? markdown(n.justification, COL.justification, ctx) : [])],
      appraisalScore(n, style, ctx),
      appraisalOpinion(n, ctx),
    ],
    depth === 0 ? "criterion" : "group",
    ctx,
  );
  return keepWithNext(r);
}

/** Heading rows (groups, criteria followed by their options) stay on the page of the row after them. */
function keepWithNext(r: Row): Row {
  r.keepNext = true;
  return r;
}

function leafRows(n: ScoredNode, leaf: RubricLeaf, depth: number, ctx: RowContext, rows: Row[]): void {
  const style = depth === 0 ? S.bold : S.regular;
  const options = n.options ?? [];
  let chosen = -1;
  if (leaf.input !== "checklist") {
    for (let i = 0; i < options.length && chosen < 0; i++) if (options[i]!.chosen) chosen = i;
  }
  const moveJustification = chosen >= 0 && !options[chosen]!.justification && n.justification !== undefined;
  const measured = answerFacts(n, ctx.numbers).map((t) => line(t, S.regular, left));

  const leafJustification: Block[] = [];
  if (chosen < 0) leafJustification.push(...measured);
  if (n.justification && !moveJustification) leafJustification.push(...markdown(n.justification, COL.justification, ctx));
  const leafRow = finishRow(
    [
      [line(leaf.id, style, center)],
      [line(leaf.title, style, left, { source: leaf.source })],
      leaf.input === "none" ? [] : [line(formatHundredths(leaf.max, ctx.numbers), style, center)],
      leaf.input === "none" ? [] : [line(formatHundredths(n.score, ctx.numbers), style, center)],
      leafJustification,
      appraisalScore(n, style, ctx),
      appraisalOpinion(n, ctx),
    ],
    depth === 0 ? "criterion" : "leaf",
    ctx,
  );
  // A criterion row is kept with its first option row, unless it is itself long enough to break.
  rows.push(options.length > 0 && leafRow.cantSplit ? keepWithNext(leafRow) : leafRow);

  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    const points = o.chosen ? (o.points ?? (leaf.input === "checklist" ? undefined : n.score)) : undefined;
    const justification: Block[] = [];
    if (i === chosen) justification.push(...measured);
    if (o.justification) justification.push(...markdown(o.justification, COL.justification, ctx));
    if (i === chosen && moveJustification) justification.push(...markdown(n.justification!, COL.justification, ctx));
    rows.push(
      finishRow(
        [
          [],
          [line(o.option.text, S.italic, left, { source: o.option.source })],
          [],
          points === undefined ? [] : [line(formatHundredths(points, ctx.numbers), S.regular, center)],
          justification,
          [],
          [],
        ],
        "option",
        ctx,
      ),
    );
  }
}

function appraisalScore(n: ScoredNode, style: RunStyle, ctx: RowContext): Block[] {
  const v = n.appraisal?.score;
  return v === undefined ? [] : [line(formatHundredths(v, ctx.numbers), style, center)];
}

function appraisalOpinion(n: ScoredNode, ctx: RowContext): Block[] {
  return n.appraisal?.opinion ? markdown(n.appraisal.opinion, COL.opinion, ctx) : [];
}

function markdown(md: Markdown, col: number, ctx: RowContext): Block[] {
  const width = ctx.columns[col]! - CELL_PADDING.left - CELL_PADDING.right;
  // The justification column is wide enough to justify; the opinion column is not (wide gaps).
  const align = col === COL.justification ? "justify" : "left";
  const paragraph: ParagraphStyle = { align, size: SIZE.table, spaceBefore: 0, spaceAfter: GAP.cellParagraph, lineSpacing: 1 };
  return renderMarkdown(md, { paragraph, run: S.regular, width }, ctx.diagnostics);
}

/** The style of the empty paragraph an empty cell holds (shared: styles are never modified). */
const EMPTY_CELL: ParagraphStyle = { ...CELL_PARA, align: "left", size: SIZE.table };

function fillEmpty(c: Cell): Cell {
  if (c.blocks.length === 0) c.blocks.push(paragraph([], EMPTY_CELL));
  return c;
}

/** Builds the row's cells (empty cells get one empty paragraph) and decides whether it may split. */
function finishRow(contents: Block[][], role: Row["role"], ctx: RowContext): Row {
  const cells = contents.map((blocks) => fillEmpty(cell(trimTrailingSpace(blocks))));
  // The row may split when any cell is taller than SPLITTABLE_LINES: stop counting as soon as one is.
  let tall = false;
  for (let i = 0; i < cells.length && !tall; i++) {
    const width = ctx.columns[i]! - CELL_PADDING.left - CELL_PADDING.right;
    let lines = 0;
    for (const b of cells[i]!.blocks) {
      if (b.kind !== "paragraph") {
        lines += SPLITTABLE_LINES; // tables or lists inside a cell: let the row break
        continue;
      }
      const first = b.runs.find((r) => r.kind === "text");
      lines += estimateLines(ctx.measure, inlineText(b.runs), first ? first.style : S.regular, width);
      if (lines > SPLITTABLE_LINES) break;
    }
    tall = lines > SPLITTABLE_LINES;
  }
  return row(cells, !tall, role);
}
