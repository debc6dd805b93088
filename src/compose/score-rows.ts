/**
 * Rows of the score table, one pass over the scored tree, one cell per declared column (the rubric's
 * `table.columns`, src/model/table.ts; number cells come from score-cells.ts):
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
 * The header is one row, or two when columns carry a `group`: the group's label spans its columns in
 * the first row and the others span both rows.
 *
 * Rows whose tallest cell is estimated at more than SPLITTABLE_LINES lines may break across pages;
 * all others are kept whole (cantSplit).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { inlineText, type Block, type Cell, type MeasureText, type ParagraphStyle, type Row, type RunStyle, type Twips } from "../document/model.js";
import type { Markdown } from "../model/assessment.js";
import type { NumberFormat } from "../model/points.js";
import { printedLabel, type RubricLeaf } from "../model/rubric.js";
import type { ScoredAssessment, ScoredNode, ScoredOption } from "../model/scored.js";
import type { ColumnKind, ScoreTableForm, TableColumn } from "../model/table.js";
import { cell, line, paragraph, row, trimTrailingSpace } from "./blocks.js";
import { renderMarkdown } from "./markdown/index.js";
import { estimateLines } from "./text-fit.js";
import { CELL_PADDING, GAP, SIZE } from "./profile.js";
import { numberText, type RowSubject } from "./score-cells.js";
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
  scored: ScoredAssessment;
  form: ScoreTableForm;
  columns: Twips[];
  measure: MeasureText;
  numbers: NumberFormat;
  diagnostics: Diagnostic[];
  /** Each criterion's line of pack pages (evidence-pages.ts), when the assessment has an evidence pack. */
  evidence?: ReadonlyMap<string, string>;
}

export function headerRows(form: ScoreTableForm): Row[] {
  const cols = form.columns;
  const label = (text: string) => [line(text, S.bold, center)];
  if (!cols.some((c) => c.group !== undefined)) {
    return [
      row(
        cols.map((c) => cell(label(c.label), "center")),
        true,
        "header",
      ),
    ];
  }
  const top: Cell[] = [];
  const bottom: Cell[] = [];
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    if (c.group === undefined) {
      top.push(cell(label(c.label), "center", { rowSpan: 2 }));
      continue;
    }
    let span = 1;
    while (cols[i + span]?.group === c.group) span++;
    top.push(cell(label(c.group), "center", span > 1 ? { colSpan: span } : {}));
    for (let k = i; k < i + span; k++) bottom.push(cell(label(cols[k]!.label), "center"));
    i += span - 1;
  }
  return [row(top, true, "header"), row(bottom, true, "header")];
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

/** A number column's cell for a row, centred. */
function numberCell(ctx: RowContext, col: TableColumn, subject: RowSubject, style: RunStyle): Block[] {
  const t = numberText(ctx.scored, ctx.form, col, subject, ctx.numbers);
  return t === undefined ? [] : [line(t, style, center)];
}

/**
 * The total row: its label spans the leading label and content columns (STT + title, as the seed
 * prints it); every number column prints its total.
 */
export function totalRow(scored: ScoredAssessment, ctx: RowContext): Row {
  const cols = ctx.form.columns;
  let span = 0;
  while (span < cols.length && (cols[span]!.kind === "label" || cols[span]!.kind === "content") && (span === 0 || cols[span - 1]!.kind !== "content")) span++;
  span = Math.max(1, span);
  const cells: Cell[] = [cell([line(scored.rubric.totalLabel, S.bold, center)], "top", span > 1 ? { colSpan: span } : {})];
  for (let i = span; i < cols.length; i++) cells.push(cell(numberCell(ctx, cols[i]!, { row: "total" }, S.bold)));
  return row(cells.map(fillEmpty), true, "total");
}

/** The cells of a group or leaf row; `justification` is the explanation column's content. */
function nodeCells(n: ScoredNode, style: RunStyle, justification: Block[], ctx: RowContext): Block[][] {
  return ctx.form.columns.map((col, i): Block[] => {
    switch (col.kind) {
      case "label":
        return [line(printedLabel(n.node), style, center)];
      case "content":
        return [line(n.node.title, style, left, { source: n.node.source })];
      case "explanation":
        return justification;
      case "opinion":
        return n.appraisal?.opinion ? markdown(n.appraisal.opinion, i, ctx) : [];
      case "notes":
        return n.node.note ? [line(n.node.note, S.regular, left)] : [];
      case "official":
        return n.answer?.official ? [line(n.answer.official, S.regular, left)] : [];
      default:
        return numberCell(ctx, col, { row: "node", n }, style);
    }
  });
}

function groupRow(n: ScoredNode, depth: number, ctx: RowContext): Row {
  const style = depth === 0 ? S.bold : S.boldItalic;
  const justification = [...factLines(n, ctx), ...(n.justification ? markdown(n.justification, explanationColumn(ctx), ctx) : []), ...evidenceLine(n, ctx)];
  return keepWithNext(finishRow(nodeCells(n, style, justification, ctx), depth === 0 ? "criterion" : "group", ctx));
}

/** Heading rows (groups, criteria followed by their options) stay on the page of the row after them. */
function keepWithNext(r: Row): Row {
  r.keepNext = true;
  return r;
}

/** Index of the first column of a kind, or -1. */
function columnOf(ctx: RowContext, kind: ColumnKind): number {
  return ctx.form.columns.findIndex((c) => c.kind === kind);
}

/**
 * The answer's facts (answer-facts.ts), printed with the explanation; a measured value or a ratio is in
 * its own cells instead when the table has an evidence column.
 */
function factLines(n: ScoredNode, ctx: RowContext): Block[] {
  const leaf = n.node.kind === "leaf" ? n.node : undefined;
  const inColumn = columnOf(ctx, "evidence") >= 0 && !n.notApplicable && (leaf?.input === "measure" || leaf?.input === "ratio");
  if (inColumn) return [];
  // A not-applicable answer's fact is the rubric's rule, set apart (italic, a gap) from the justification below it.
  if (n.notApplicable) return answerFacts(n, ctx.numbers).map((t) => line(t, S.italic, { ...left, spaceAfter: GAP.cellParagraph }));
  return answerFacts(n, ctx.numbers).map((t) => line(t, S.regular, left));
}

/** "Hồ sơ kiểm chứng: 159/QĐ-UBND (tr. 1), …": where the criterion's documents start in the pack, in italics. */
function evidenceLine(n: ScoredNode, ctx: RowContext): Block[] {
  const text = ctx.evidence?.get(n.node.id);
  return text === undefined || explanationColumn(ctx) < 0 ? [] : [line(text, S.italic, left)];
}

function explanationColumn(ctx: RowContext): number {
  return columnOf(ctx, "explanation");
}

function leafRows(n: ScoredNode, leaf: RubricLeaf, depth: number, ctx: RowContext, rows: Row[]): void {
  // A heading row (input: none) looks like the group headings it stands among.
  const heading = leaf.input === "none";
  const style = depth === 0 ? S.bold : heading ? S.boldItalic : S.regular;
  const options = n.options ?? [];
  const jcol = explanationColumn(ctx);
  let chosen = -1;
  if (leaf.input !== "checklist") {
    for (let i = 0; i < options.length && chosen < 0; i++) if (options[i]!.chosen) chosen = i;
  }
  const moveJustification = chosen >= 0 && !options[chosen]!.justification && n.justification !== undefined;
  const measured = factLines(n, ctx);

  const leafJustification: Block[] = [];
  if (chosen < 0) leafJustification.push(...measured);
  if (n.justification && !moveJustification) leafJustification.push(...markdown(n.justification, jcol, ctx));
  // The pack's pages follow the criterion's justification, in whichever row prints it.
  if (!moveJustification) leafJustification.push(...evidenceLine(n, ctx));
  const leafRow = finishRow(nodeCells(n, style, leafJustification, ctx), depth === 0 ? "criterion" : "leaf", ctx);
  // A criterion row is kept with its first option row, unless it is itself long enough to break.
  rows.push((options.length > 0 || heading) && leafRow.cantSplit ? keepWithNext(leafRow) : leafRow);

  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    const justification: Block[] = [];
    if (i === chosen) justification.push(...measured);
    if (o.justification) justification.push(...markdown(o.justification, jcol, ctx));
    if (i === chosen && moveJustification) justification.push(...markdown(n.justification!, jcol, ctx), ...evidenceLine(n, ctx));
    rows.push(finishRow(optionCells(n, o, justification, ctx), "option", ctx));
  }
}

function optionCells(n: ScoredNode, o: ScoredOption, justification: Block[], ctx: RowContext): Block[][] {
  return ctx.form.columns.map((col): Block[] => {
    switch (col.kind) {
      case "label":
        return o.option.label ? [line(o.option.label, S.italic, center)] : [];
      case "content":
        return [line(o.option.text, S.italic, left, { source: o.option.source })];
      case "explanation":
        return justification;
      case "opinion":
      case "notes":
      case "official":
        return [];
      default:
        return numberCell(ctx, col, { row: "option", n, o }, S.regular);
    }
  });
}

function markdown(md: Markdown, col: number, ctx: RowContext): Block[] {
  if (col < 0) return [];
  const width = ctx.columns[col]! - CELL_PADDING.left - CELL_PADDING.right;
  // The explanation column is wide enough to justify; the opinion column is not (wide gaps).
  const align = ctx.form.columns[col]!.kind === "explanation" ? "justify" : "left";
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
