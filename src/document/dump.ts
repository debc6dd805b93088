/**
 * A readable, stable JSON dump of a DocModel for golden tests and debugging. Styles are folded into
 * short strings so a diff shows what changed at a glance:
 *
 *   paragraph  {"p": "center 14pt before=360 after=0 line=1 keepNext", "runs": ["b14|BÁO CÁO"], "rule": "3120tw 0.75pt"}
 *              (and "slot": "number" on an electronic document's signing slots)
 *   run        "<flags><size>|<text>" with flags b (bold), i (italic), u (underline), _ (sub), ^ (super);
 *              a line break is "<flags><size>|⏎", a page number "<flags><size>|#PAGE"
 *   table      {"table": "cols=800,3750,… borders=0.5pt headerRows=1 pad=40,85,40,85", "rows": [...]}
 *   row        {"row": "header cantSplit", "cells": [{"cell": "top span=2", "blocks": [...]}]}
 *   source     "file:line:col" (file name only, so dumps do not depend on the checkout's path)
 */
import type { Block, Cell, DocModel, Inline, Paragraph, ParagraphStyle, Row, RunStyle, Section, Table } from "./model.js";
import type { SourcePos } from "../model/source.js";

export function dumpDoc(doc: DocModel): string {
  return pretty({ meta: doc.meta, sections: doc.sections.map(section) }, "") + "\n";
}

/** JSON with one value per line, except that a value whose compact form is short stays on one line. */
function pretty(v: unknown, indent: string): string {
  const compact = JSON.stringify(v);
  if (compact.length <= 110 - indent.length || v === null || typeof v !== "object") return compact;
  const inner = indent + " ";
  if (Array.isArray(v)) return `[\n${v.map((x) => inner + pretty(x, inner)).join(",\n")}\n${indent}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x, inner)}`).join(",\n")}\n${indent}}`;
}

function section(s: Section): unknown {
  const p = s.page;
  const m = p.margin;
  return {
    page: `${p.width}x${p.height} ${p.orientation} margin=${m.top},${m.right},${m.bottom},${m.left} header=${p.headerDistance}`,
    pageNumber: s.pageNumber ? `${s.pageNumber.align} ${s.pageNumber.size}pt${s.pageNumber.hideOnFirstPage ? " hiddenOnFirst" : ""}` : null,
    // Electronic documents only (absent on paper, so paper dumps are unchanged).
    ...(s.restartPageNumbers ? { restartPageNumbers: true } : {}),
    ...(s.attachmentSignature ? { attachmentSignature: true } : {}),
    blocks: s.blocks.map(block),
  };
}

export function block(b: Block): unknown {
  switch (b.kind) {
    case "paragraph":
      return paragraph(b);
    case "table":
      return table(b);
  }
}

function paragraph(p: Paragraph): unknown {
  const out: Record<string, unknown> = { p: paragraphStyle(p.style), runs: p.runs.map(inline) };
  if (p.rule) out.rule = `${p.rule.width}tw ${p.rule.thickness}pt`;
  if (p.slot) out.slot = p.slot;
  if (p.source) out.src = src(p.source);
  return out;
}

function paragraphStyle(s: ParagraphStyle): string {
  const parts: string[] = [s.align, `${s.size}pt`];
  if (s.indentLeft) parts.push(`left=${s.indentLeft}`);
  if (s.indentRight) parts.push(`right=${s.indentRight}`);
  if (s.indentFirstLine) parts.push(`first=${s.indentFirstLine}`);
  if (s.spaceBefore) parts.push(`before=${s.spaceBefore}`);
  if (s.spaceAfter) parts.push(`after=${s.spaceAfter}`);
  if (s.lineSpacing !== undefined) parts.push(`line=${s.lineSpacing}`);
  if (s.keepNext) parts.push("keepNext");
  return parts.join(" ");
}

export function runFlags(s: RunStyle): string {
  return `${s.bold ? "b" : ""}${s.italic ? "i" : ""}${s.underline ? "u" : ""}${s.vertAlign === "sub" ? "_" : s.vertAlign === "super" ? "^" : ""}${s.size}`;
}

function inline(r: Inline): string {
  const body = r.kind === "text" ? r.text : r.kind === "break" ? "⏎" : "#PAGE";
  return `${runFlags(r.style)}|${body}`;
}

function table(t: Table): unknown {
  const p = t.padding;
  const out: Record<string, unknown> = {
    table: `cols=${t.columns.join(",")} borders=${t.borders ? `${t.borders.width}pt` : "none"} headerRows=${t.headerRows} pad=${p.top},${p.right},${p.bottom},${p.left}`,
    rows: t.rows.map(row),
  };
  if (t.source) out.src = src(t.source);
  return out;
}

function row(r: Row): unknown {
  const flags = [r.role ?? "row", r.cantSplit ? "cantSplit" : "mayBreak", ...(r.keepNext ? ["keepNext"] : [])].join(" ");
  return { row: flags, cells: r.cells.map(cell) };
}

function cell(c: Cell): unknown {
  const flags: string[] = [c.vAlign];
  if (c.colSpan && c.colSpan > 1) flags.push(`span=${c.colSpan}`);
  if (c.rowSpan && c.rowSpan > 1) flags.push(`rows=${c.rowSpan}`);
  return { cell: flags.join(" "), blocks: c.blocks.map(block) };
}

function src(s: SourcePos): string {
  const file = s.file.split(/[\\/]/).pop();
  return `${file}:${s.line}:${s.column}`;
}
