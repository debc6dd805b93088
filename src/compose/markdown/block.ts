/**
 * Handlers for flow (block) mdast nodes. Lists print as NĐ 30 prints its points and dashes: each item
 * is an ordinary paragraph whose text starts with its marker ("-", "+" when nested, "1." …), indented
 * like the surrounding paragraphs; wrapped lines return to the margin. That needs nothing from the
 * writers beyond paragraphs, so the .docx and the PDF cannot disagree on list layout.
 */
import type {
  Blockquote,
  Code,
  Definition,
  FootnoteDefinition,
  Heading,
  List,
  ListItem,
  Paragraph as MdParagraph,
  Root,
  Table as MdTable,
  TableCell,
  TableRow,
  ThematicBreak,
  Yaml,
} from "mdast";
import { diag } from "../../diagnostics/diagnostic.js";
import type { Block, Cell, ParagraphStyle, Row } from "../../document/model.js";
import { paragraph, text as run } from "../blocks.js";
import { BODY, CELL_PADDING, RULE, TABLE_BORDER } from "../profile.js";
import { Emitter } from "./emitter.js";
import { footnoteNumber } from "./inline.js";
import { nodePos } from "./position.js";
import type { State } from "./types.js";

export function root(node: Root, em: Emitter, st: State): void {
  st.env.all(node, em, st);
}

export function para(node: MdParagraph, em: Emitter, st: State): void {
  em.open(st.style.paragraph, nodePos(st.env, node));
  st.env.all(node, em, st);
  em.close();
}

/** Headings print bold, kept with the next paragraph; their wording (and case) is the author's. */
export function heading(node: Heading, em: Emitter, st: State): void {
  em.open({ ...st.style.paragraph, keepNext: true }, nodePos(st.env, node));
  st.env.all(node, em, { ...st, run: { ...st.run, bold: true } });
  em.close();
}

/** A short centred rule, like the one under a title. */
export function thematicBreak(node: ThematicBreak, em: Emitter, st: State): void {
  const style: ParagraphStyle = { ...st.style.paragraph, align: "center", indentFirstLine: 0 };
  em.block(
    paragraph([], style, { rule: { width: Math.round(st.style.width * RULE.thematicRatio), thickness: RULE.thickness }, source: nodePos(st.env, node) }),
  );
}

export function blockquote(node: Blockquote, em: Emitter, st: State): void {
  const p = st.style.paragraph;
  st.env.all(node, em, {
    ...st,
    style: { ...st.style, width: st.style.width - BODY.quoteIndent, paragraph: { ...p, indentLeft: (p.indentLeft ?? 0) + BODY.quoteIndent } },
  });
  em.close();
}

export function list(node: List, em: Emitter, st: State): void {
  em.close();
  const p = st.style.paragraph;
  const inner: State = {
    ...st,
    listDepth: st.listDepth + 1,
    style: st.listDepth > 0 ? { ...st.style, paragraph: { ...p, indentFirstLine: (p.indentFirstLine ?? 0) + BODY.listIndent } } : st.style,
  };
  const start = node.start ?? 1;
  node.children.forEach((item, i) => {
    const marker = node.ordered ? `${start + i}.` : st.listDepth % 2 === 0 ? "-" : "+";
    renderItem(item, marker, em, inner);
  });
}

/** A list item outside a list (not produced by remark): rendered as a dash item. */
export function listItem(node: ListItem, em: Emitter, st: State): void {
  renderItem(node, "-", em, st);
}

function renderItem(item: ListItem, marker: string, em: Emitter, st: State): void {
  const child = new Emitter();
  st.env.all(item, child, st);
  const blocks = child.finish();
  const label = item.checked === true ? `${marker} [x] ` : item.checked === false ? `${marker} [ ] ` : `${marker} `;
  const first = blocks[0];
  if (first && first.kind === "paragraph" && first.runs.length > 0) {
    first.runs.unshift(run(label, st.run));
  } else {
    blocks.unshift(paragraph([run(label.trimEnd(), st.run)], st.style.paragraph, { source: nodePos(st.env, item) }));
  }
  for (const b of blocks) em.block(b);
}

/** Code prints as ordinary left-aligned lines (the document has one font), with a warning. */
export function code(node: Code | Yaml, em: Emitter, st: State): void {
  const pos = nodePos(st.env, node);
  st.env.diagnostics.push(diag("CD604", pos));
  const style: ParagraphStyle = { ...st.style.paragraph, align: "left", indentFirstLine: 0 };
  for (const lineText of node.value.normalize("NFC").split(/\r?\n/)) {
    em.block(paragraph(lineText ? [run(lineText, st.run)] : [], style, { source: pos }));
  }
}

/** Definitions print nothing themselves; their address follows the references that use them. */
export function definition(_node: Definition, em: Emitter, _st: State): void {
  em.close();
}

/** A footnote prints where it is defined, as a paragraph led by its superscript number. */
export function footnoteDefinition(node: FootnoteDefinition, em: Emitter, st: State): void {
  const n = footnoteNumber(st, node.identifier);
  const child = new Emitter();
  st.env.all(node, child, st);
  const blocks = child.finish();
  const mark = run(String(n), { ...st.run, vertAlign: "super" });
  const first = blocks[0];
  if (first && first.kind === "paragraph") first.runs.unshift(mark, run(" ", st.run));
  else blocks.unshift(paragraph([mark], st.style.paragraph, { source: nodePos(st.env, node) }));
  for (const b of blocks) em.block(b);
}

/** A GFM table: ruled, equal columns over the available width, the first row as a repeated header. */
export function table(node: MdTable, em: Emitter, st: State): void {
  const n = Math.max(1, ...node.children.map((r) => r.children.length));
  const base = Math.floor(st.style.width / n);
  const columns = Array.from({ length: n }, (_, i) => (i === n - 1 ? st.style.width - base * (n - 1) : base));
  const rows: Row[] = node.children.map((r, ri) => {
    const cells: Cell[] = [];
    for (let ci = 0; ci < n; ci++) {
      const c = r.children[ci];
      cells.push({ blocks: c ? tableCellBlocks(c, ri === 0, node.align?.[ci] ?? null, columns[ci]!, st) : [emptyParagraph(st)], vAlign: "top" });
    }
    const row: Row = { cells, cantSplit: true, role: ri === 0 ? "header" : "body" };
    return row;
  });
  em.block({
    kind: "table",
    columns,
    borders: { width: TABLE_BORDER },
    headerRows: rows.length > 1 ? 1 : 0,
    rows,
    padding: { ...CELL_PADDING },
    source: nodePos(st.env, node),
  });
}

function cellStyle(st: State, align: "left" | "right" | "center" | null): ParagraphStyle {
  return { align: align ?? "left", size: st.run.size, spaceAfter: 0, lineSpacing: 1 };
}

function emptyParagraph(st: State): Block {
  return paragraph([], cellStyle(st, null));
}

function tableCellBlocks(c: TableCell, header: boolean, align: "left" | "right" | "center" | null, width: number, st: State): Block[] {
  const inner: State = {
    ...st,
    run: header ? { ...st.run, bold: true } : st.run,
    style: { ...st.style, width: width - CELL_PADDING.left - CELL_PADDING.right, paragraph: cellStyle(st, header ? "center" : align) },
  };
  const child = new Emitter();
  child.open(inner.style.paragraph, nodePos(st.env, c));
  st.env.all(c, child, inner);
  const blocks = child.finish();
  return blocks.length > 0 ? blocks : [emptyParagraph(st)];
}

/** Rows and cells are rendered by `table`; met alone, their content is rendered in place. */
export function tableRow(node: TableRow, em: Emitter, st: State): void {
  for (const c of node.children) st.env.one(c, em, st);
}

export function tableCell(node: TableCell, em: Emitter, st: State): void {
  st.env.all(node, em, st);
}
