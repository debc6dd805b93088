/**
 * The unit of vertical layout: a slice is something that is placed whole on a page — one line of a
 * paragraph, or one table row (which may offer to split). Flow turns blocks into slices; pagination
 * stacks slices into pages.
 */
import type { Row, SlotKind } from "../document/model.js";
import type { Frame, TextFrame } from "./types.js";

export interface Slice {
  /** Height of the slice's box, points (without the space before/after). */
  height: number;
  /** Space before (a paragraph's first line): dropped at the top of a page. */
  before: number;
  /** Space after (a paragraph's last line): not needed to fit at the bottom of a page. */
  after: number;
  /** No page break is allowed between this slice and the previous one (keep-with-next, widows...). */
  keepWithPrev: boolean;
  /** Frames: x absolute, y relative to the slice's top. */
  items: Frame[];
  /**
   * Nested slices drawn inside this one (a table row's cell content), `dy` below its top. Kept as
   * references, so a frame is copied once, when its page is assembled (see `emit`).
   */
  children?: { slice: Slice; dy: number }[];
  /** A table row that may be split (see Splitter). */
  splitter?: Splitter;
  /** The row must not split (cantSplit): `split` is used only if it is taller than a whole page. */
  cantSplit?: boolean;
  /** The model row a splittable slice lays out (to report a cantSplit the pagination overrode). */
  row?: Row;
  /** Header rows repeated above this (table body) slice when it starts a page. */
  repeat?: Slice[];
  /** A line of a signing-slot paragraph: the slot and the line's text box (y relative to the slice's top). */
  slot?: SlotLine;
}

/** The box of a slot paragraph's line: x absolute, y relative to the top of the slice (or page, once placed). */
export interface SlotLine {
  kind: SlotKind;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A slot line placed on a page: its box in page coordinates, and how many frames the page had before it. */
export interface SlotMark extends SlotLine {
  at: number;
}

/**
 * Splits a table row: returns a first part no taller than `avail` and the rest (null when only trailing
 * spacing was left over), or null when not even one line of it fits. An object with a method rather
 * than a closure per row: see docs/performance.md.
 */
export interface Splitter {
  split(avail: number): [Slice, Slice | null] | null;
}

/**
 * Appends the slice's frames, moved down by `dy`, to `out` (nested slices included), and the boxes of
 * the slot lines among them to `slots`.
 */
export function emit(slice: Slice, dy: number, out: Frame[], slots?: SlotMark[]): void {
  if (slice.slot && slots) {
    const l = slice.slot;
    slots.push({ kind: l.kind, x1: l.x1, y1: l.y1 + dy, x2: l.x2, y2: l.y2 + dy, at: out.length });
  }
  // Written out field by field: an object spread here ({ ...f, y }) cost more than the rest of the
  // function (V8 takes a slow path for spreads whose source shapes vary).
  for (const f of slice.items) {
    if (f.kind === "text") {
      const t: TextFrame = { kind: "text", x: f.x, y: f.y + dy, face: f.face, size: f.size, text: f.text, wordSpacing: f.wordSpacing };
      if (f.pageNumber) t.pageNumber = true;
      out.push(t);
    } else {
      out.push({ kind: "line", x1: f.x1, y1: f.y1 + dy, x2: f.x2, y2: f.y2 + dy, width: f.width, role: f.role });
    }
  }
  if (slice.children) for (const c of slice.children) emit(c.slice, dy + c.dy, out, slots);
}

/** Total height of a slice sequence as stacked (spaces between slices included, the last after too). */
export function stackHeight(slices: readonly Slice[], dropFirstBefore = false): number {
  let h = 0;
  for (let i = 0; i < slices.length; i++) {
    const s = slices[i]!;
    h += (i === 0 && dropFirstBefore ? 0 : s.before) + s.height + s.after;
  }
  return h;
}

/** Stacks slices top to bottom from y = `dy`, as children of a parent slice. */
export function stackChildren(slices: readonly Slice[], dy: number, out: { slice: Slice; dy: number }[], dropFirstBefore = false): void {
  let y = dy;
  for (let i = 0; i < slices.length; i++) {
    const s = slices[i]!;
    y += i === 0 && dropFirstBefore ? 0 : s.before;
    out.push({ slice: s, dy: y });
    y += s.height + s.after;
  }
}
