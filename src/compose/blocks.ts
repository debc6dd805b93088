/** Small constructors for document-model blocks, so composing code reads as the document it builds. */
import type { Block, Cell, Inline, Paragraph, ParagraphStyle, Row, RunStyle, Table, Twips } from "../document/model.js";
import type { SourcePos } from "../model/source.js";

export function text(value: string, style: RunStyle): Inline {
  return { kind: "text", text: value, style };
}

/** What a paragraph may carry besides its runs and style. */
export interface ParagraphExtra {
  rule?: Paragraph["rule"];
  /** A signing slot (electronic documents only; a paper document never sets it). */
  slot?: Paragraph["slot"];
  source?: SourcePos;
}

export function paragraph(runs: Inline[], style: ParagraphStyle, extra: ParagraphExtra = {}): Paragraph {
  const p: Paragraph = { kind: "paragraph", style, runs };
  if (extra.rule) p.rule = extra.rule;
  if (extra.slot) p.slot = extra.slot;
  if (extra.source) p.source = extra.source;
  return p;
}

/** A one-run paragraph. */
export function line(value: string, run: RunStyle, style: Omit<ParagraphStyle, "size"> & { size?: number }, extra: ParagraphExtra = {}): Paragraph {
  return paragraph([text(value, run)], { size: run.size, ...style }, extra);
}

/** A paragraph whose lines are given: the runs are the lines joined by line breaks. */
export function linesParagraph(lines: readonly string[], run: RunStyle, style: Omit<ParagraphStyle, "size">, extra: ParagraphExtra = {}): Paragraph {
  const runs: Inline[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) runs.push({ kind: "break", style: run });
    runs.push(text(lines[i]!, run));
  }
  return paragraph(runs, { size: run.size, ...style }, extra);
}

export function cell(blocks: Block[], vAlign: Cell["vAlign"] = "top", span: { colSpan?: number; rowSpan?: number } = {}): Cell {
  const c: Cell = { blocks, vAlign };
  if (span.colSpan && span.colSpan > 1) c.colSpan = span.colSpan;
  if (span.rowSpan && span.rowSpan > 1) c.rowSpan = span.rowSpan;
  return c;
}

export function row(cells: Cell[], cantSplit: boolean, role?: Row["role"]): Row {
  const r: Row = { cells, cantSplit };
  if (role) r.role = role;
  return r;
}

export function table(columns: Twips[], rows: Row[], opts: Omit<Table, "kind" | "columns" | "rows">): Table {
  return { kind: "table", columns, rows, ...opts };
}

/** Removes the space after the last paragraph of a cell or block list, so cells end flush. */
export function trimTrailingSpace(blocks: Block[]): Block[] {
  const last = blocks[blocks.length - 1];
  if (last && last.kind === "paragraph" && last.style.spaceAfter) {
    blocks[blocks.length - 1] = { ...last, style: { ...last.style, spaceAfter: 0 } };
  }
  return blocks;
}
