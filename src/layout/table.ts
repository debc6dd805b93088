/**
 * Tables → row slices.
 *
 * Geometry as Word lays out a fixed-width table: columns of the given widths from the table's left edge
 * (the border on the text margin in Word 2013+ mode, see LayoutOptions.tableEdge), cell content inset by
 * the cell padding, row height = the tallest cell (content + top and bottom padding; a vertically merged
 * cell that needs more room enlarges the last row it spans). Borders are drawn on the cell edges,
 * centred on the grid lines.
 *
 * Pagination support: a single row becomes a slice that can split between lines of its cells (each
 * cell continues on the next page where it stopped); rows linked by vertical merges become one slice
 * that moves whole. Header rows are repeated above body rows that start a page, and the first body row
 * is kept with the header.
 */
import type { Block, Cell, Table } from "../document/model.js";
import { EPS } from "./inline/linebreak.js";
import { stackChildren, stackHeight, type Slice, type Splitter } from "./slice.js";
import { twipsToPt } from "./style.js";
import type { FlowContext } from "./types.js";
import type { Frame, LineFrame } from "./types.js";

type Flow = (blocks: readonly Block[], left: number, width: number, ctx: FlowContext) => Slice[];

interface Placed {
  cell: Cell;
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
  /** Content box: absolute left x and width. */
  x: number;
  width: number;
  slices: Slice[];
}

interface Geometry {
  xs: number[];
  /** Cell padding; `top` includes the row's top border. */
  pad: { top: number; bottom: number; left: number; right: number };
  border: number | null;
  /** Border width (0 without borders). */
  w: number;
}

export function tableSlices(t: Table, left: number, _width: number, ctx: FlowContext, flow: Flow): Slice[] {
  const cols = t.columns.map(twipsToPt);
  const pad = {
    top: twipsToPt(t.padding.top),
    bottom: twipsToPt(t.padding.bottom),
    left: twipsToPt(t.padding.left),
    right: twipsToPt(t.padding.right),
  };
  const x0 = ctx.options.tableEdge === "text" ? left - pad.left : left;
  const xs = [x0];
  let edge = x0;
  for (const w of cols) xs.push((edge += w));
  // Borders take room as in LibreOffice's layout of the .docx (the reference the PDF is compared with):
  // each row's top border adds its width to the row height, the table's bottom border adds it once
  // more, and every border line lies inside the cell it starts (at the grid line + width / 2); cell
  // text starts after the left border and the padding, and is that much narrower.
  const w = t.borders ? t.borders.width : 0;
  const geo: Geometry = { xs, pad: { ...pad, top: pad.top + w }, border: t.borders ? t.borders.width : null, w };

  let unmerged = new Set<Cell>();
  for (let attempt = 0; attempt < 2; attempt++) {
    const placed = place(t, geo, ctx, flow, unmerged);
    const heights = rowHeights(t.rows.length, placed, geo.pad);
    const groups = rowGroups(t.rows.length, placed);
    // A merged group taller than a page (below the repeated header rows) cannot move whole: lay it out
    // again without its merges.
    const headerCount = Math.min(t.headerRows, t.rows.length);
    const room = ctx.pageHeight - w - (headerCount > 0 ? sum(heights, 0, headerCount - 1) : 0);
    const tooTall: { start: number; end: number }[] = [];
    for (const g of groups) if (g.end > g.start && g.end >= headerCount && sum(heights, g.start, g.end) > room) tooTall.push(g);
    if (attempt === 0 && tooTall.length) {
      unmerged = new Set();
      for (const p of placed) {
        for (const g of tooTall) {
          if (p.rowSpan > 1 && p.row >= g.start && p.row <= g.end) {
            unmerged.add(p.cell);
            break;
          }
        }
      }
      ctx.warnings.push({ code: "unsupported", kind: "merge", message: "vertically merged cells taller than a page were laid out unmerged" });
      continue;
    }
    // Header rows repeat only when they leave room for the body: at most half a page (beyond that,
    // they are laid out as ordinary rows).
    const repeatHeaders = headerCount > 0 && sum(heights, 0, headerCount - 1) <= ctx.pageHeight / 2;
    const headers: Slice[] = [];
    const body: Slice[] = [];
    let prevKeepNext = false;
    let next = 0; // `placed` is sorted by row: each group's cells follow the previous group's
    for (const g of groups) {
      const from = next;
      while (next < placed.length && placed[next]!.row <= g.end) next++;
      const cells = placed.slice(from, next);
      const slice = groupSlice(cells, g.start, heights.slice(g.start, g.end + 1), geo, "natural");
      let cantSplit = false;
      for (let r = g.start; r <= g.end; r++) if (t.rows[r]!.cantSplit) cantSplit = true;
      if (g.end === g.start) {
        slice.splitter = new RowSplitter(cells, geo, false);
        slice.cantSplit = cantSplit;
        slice.row = t.rows[g.start]!;
      }
      // Row.keepNext: no page break between this row and the next (Word: w:keepNext on the row's
      // paragraphs). The next row's slice is bound to this one.
      if (prevKeepNext) slice.keepWithPrev = true;
      prevKeepNext = t.rows[g.end]!.keepNext === true;
      if (repeatHeaders && g.end < headerCount) {
        slice.cantSplit = true;
        slice.splitter = undefined;
        headers.push(slice);
      } else {
        body.push(slice);
      }
    }
    const firstBody = body[0];
    if (headers.length && firstBody) {
      firstBody.keepWithPrev = true;
      for (const b of body) b.repeat = headers;
    }
    const all = [...headers, ...body];
    // the table's bottom border below its last row
    const last = all[all.length - 1];
    if (last) last.after = w;
    return all;
  }
  throw new Error("unreachable");
}

function sum(a: number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i <= to; i++) s += a[i]!;
  return s;
}

/** Puts every cell on the grid (skipping positions covered by merges) and lays out its content. */
function place(t: Table, geo: Geometry, ctx: FlowContext, flow: Flow, unmerged: Set<Cell>): Placed[] {
  const ncols = geo.xs.length - 1;
  const covered: boolean[][] = [];
  for (let r = 0; r < t.rows.length; r++) covered.push(new Array<boolean>(ncols).fill(false));
  const placed: Placed[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    let c = 0;
    for (const cell of t.rows[r]!.cells) {
      while (c < ncols && covered[r]![c]) c++;
      if (c >= ncols) {
        ctx.warnings.push({ code: "overflow", kind: "cells", message: `table row ${r + 1} has more cells than columns`, row: r + 1 });
        break;
      }
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, ncols - c));
      let rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, t.rows.length - r));
      if (unmerged.has(cell)) {
        for (let rr = r + 1; rr < r + rowSpan; rr++) {
          covered[rr]!.fill(true, c, c + colSpan);
          placed.push(placeCell({ blocks: [], vAlign: "top" }, rr, c, colSpan, 1, geo, ctx, flow));
        }
        rowSpan = 1;
      }
      for (let rr = r; rr < r + rowSpan; rr++) covered[rr]!.fill(true, c, c + colSpan);
      placed.push(placeCell(cell, r, c, colSpan, rowSpan, geo, ctx, flow));
      c += colSpan;
    }
  }
  placed.sort(byRowThenColumn);
  return placed;
}

function placeCell(cell: Cell, row: number, col: number, colSpan: number, rowSpan: number, geo: Geometry, ctx: FlowContext, flow: Flow): Placed {
  const x = geo.xs[col]! + geo.w + geo.pad.left;
  const width = geo.xs[col + colSpan]! - geo.xs[col]! - geo.pad.left - geo.pad.right;
  return { cell, row, col, colSpan, rowSpan, x, width, slices: flow(cell.blocks, x, width, ctx) };
}

function byRowThenColumn(a: Placed, b: Placed): number {
  return a.row - b.row || a.col - b.col;
}

function rowHeights(n: number, placed: Placed[], pad: Geometry["pad"]): number[] {
  const h = new Array<number>(n).fill(0);
  for (const p of placed) {
    if (p.rowSpan === 1) h[p.row] = Math.max(h[p.row]!, pad.top + stackHeight(p.slices) + pad.bottom);
  }
  for (const p of placed) {
    if (p.rowSpan === 1) continue;
    const last = p.row + p.rowSpan - 1;
    const need = pad.top + stackHeight(p.slices) + pad.bottom;
    const have = sum(h, p.row, last);
    if (need > have) h[last]! += need - have;
  }
  return h;
}

/** Consecutive rows linked by vertical merges. */
function rowGroups(n: number, placed: Placed[]): { start: number; end: number }[] {
  const reach = Array.from({ length: n }, (_, i) => i);
  for (const p of placed) reach[p.row] = Math.max(reach[p.row]!, p.row + p.rowSpan - 1);
  const groups: { start: number; end: number }[] = [];
  let r = 0;
  while (r < n) {
    let end = reach[r]!;
    for (let k = r; k <= end; k++) end = Math.max(end, reach[k]!);
    groups.push({ start: r, end });
    r = end + 1;
  }
  return groups;
}

/** Draws cells (content + borders) of a row group into one slice. */
function groupSlice(cells: Placed[], firstRow: number, heights: number[], geo: Geometry, vAlignMode: "natural" | "top", dropFirstBefore = false): Slice {
  const tops = [0];
  let total = 0;
  for (const h of heights) tops.push((total += h));
  const items: Frame[] = [];
  const children: { slice: Slice; dy: number }[] = [];
  // Cells side by side share edges: a cell's top and bottom continue its left neighbour's, and its
  // left edge is that neighbour's right one. They are drawn once here (finishPage merges what is left
  // per page; the merged lines, and the order in which they are first met, are the same): a row of
  // seven cells draws 10 border lines, not 28.
  let lastTop: LineFrame | undefined;
  let lastBottom: LineFrame | undefined;
  let lastRight: LineFrame | undefined;
  for (const p of cells) {
    const top = tops[p.row - firstRow]!;
    const bottom = tops[p.row - firstRow + p.rowSpan]!;
    const contentHeight = stackHeight(p.slices, dropFirstBefore);
    const inner = bottom - top - geo.pad.top - geo.pad.bottom;
    let dy = top + geo.pad.top;
    const vAlign = vAlignMode === "top" ? "top" : p.cell.vAlign;
    if (vAlign === "center") dy += Math.max(0, (inner - contentHeight) / 2);
    else if (vAlign === "bottom") dy += Math.max(0, inner - contentHeight);
    stackChildren(p.slices, dy, children, dropFirstBefore);
    if (geo.border !== null) {
      const h = geo.w / 2;
      const x1 = geo.xs[p.col]! + h;
      const x2 = geo.xs[p.col + p.colSpan]! + h;
      const y1 = top + h;
      const y2 = bottom + h;
      const w = geo.border;
      if (lastTop && lastTop.y1 === y1 && lastTop.x2 === x1) lastTop.x2 = x2;
      else items.push((lastTop = { kind: "line", x1, y1, x2, y2: y1, width: w, role: "border" }));
      if (lastBottom && lastBottom.y1 === y2 && lastBottom.x2 === x1) lastBottom.x2 = x2;
      else items.push((lastBottom = { kind: "line", x1, y1: y2, x2, y2, width: w, role: "border" }));
      if (!lastRight || lastRight.x1 !== x1 || lastRight.y1 !== y1 || lastRight.y2 !== y2)
        items.push({ kind: "line", x1, y1, x2: x1, y2, width: w, role: "border" });
      items.push((lastRight = { kind: "line", x1: x2, y1, x2, y2, width: w, role: "border" }));
    }
  }
  return { height: total, before: 0, after: 0, keepWithPrev: false, items, children };
}

/** Largest number of leading slices that fit in `avail` (the last one's space after need not fit). */
function fitCount(slices: readonly Slice[], avail: number, dropFirstBefore: boolean): number {
  let y = 0;
  let k = 0;
  for (; k < slices.length; k++) {
    const s = slices[k]!;
    const top = y + (k === 0 && dropFirstBefore ? 0 : s.before);
    if (top + s.height > avail + EPS) break;
    y = top + s.height + s.after;
  }
  // Respect keeps (widow control) inside the cell when a cut is possible at all.
  if (k < slices.length) {
    let j = k;
    while (j > 0 && slices[j]!.keepWithPrev) j--;
    if (j > 0) k = j;
  }
  return k;
}

/** Splits a one-row slice between lines of its cells. */
class RowSplitter implements Splitter {
  constructor(
    private readonly cells: Placed[],
    private readonly geo: Geometry,
    /** The row continues from the previous page (its cells' first spacing is dropped). */
    private readonly continued: boolean,
  ) {}

  split(avail: number): [Slice, Slice | null] | null {
    const { cells, geo, continued } = this;
    // room for the content: the part's bottom border must fit above the page end too
    const innerAvail = avail - geo.pad.top - geo.pad.bottom - geo.w;
    if (innerAvail <= 0) return null;
    const heads: Placed[] = [];
    const tails: Placed[] = [];
    let anyHead = false;
    let anyTail = false;
    let headHeight = 0;
    let tailHeight = 0;
    for (const p of cells) {
      const k = fitCount(p.slices, innerAvail, continued);
      if (k > 0) anyHead = true;
      if (k < p.slices.length) anyTail = true;
      const head = p.slices.slice(0, k);
      const tail = p.slices.slice(k);
      heads.push({ ...p, slices: head });
      tails.push({ ...p, slices: tail });
      headHeight = Math.max(headHeight, geo.pad.top + stackHeight(head, continued) + geo.pad.bottom);
      tailHeight = Math.max(tailHeight, geo.pad.top + stackHeight(tail, true) + geo.pad.bottom);
    }
    if (!anyHead) return null;
    const head = groupSlice(heads, heads[0]?.row ?? 0, [Math.min(avail - geo.w, headHeight)], geo, "top", continued);
    if (!anyTail) {
      // Only trailing paragraph spacing did not fit: the row ends on this page.
      return [head, null];
    }
    const tail = groupSlice(tails, tails[0]?.row ?? 0, [tailHeight], geo, "top", true);
    tail.splitter = new RowSplitter(tails, geo, true);
    return [head, tail];
  }
}
