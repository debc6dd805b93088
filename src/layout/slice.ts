/**
 * The unit of vertical layout: a slice is something that is placed whole on a page — one line of a
 * paragraph, or one table row (which may offer to split). Flow turns blocks into slices; pagination
 * stacks slices into pages.
 */
import type { Frame } from "./types.js";

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
   * A table row that may be split: returns a first part no taller than `avail` and the rest (null when
   * only trailing spacing was left over), or null when not even one line of it fits.
   */
  split?: (avail: number) => [Slice, Slice | null] | null;
  /** The row must not split (cantSplit): `split` is used only if it is taller than a whole page. */
  cantSplit?: boolean;
  /** Header rows repeated above this (table body) slice when it starts a page. */
  repeat?: Slice[];
}

export function translate(items: readonly Frame[], dy: number, dx = 0): Frame[] {
  return items.map((f) =>
    f.kind === "text" ? { ...f, x: f.x + dx, y: f.y + dy } : { ...f, x1: f.x1 + dx, x2: f.x2 + dx, y1: f.y1 + dy, y2: f.y2 + dy },
  );
}

/** Total height of a slice sequence as stacked (spaces between slices included, the last after too). */
export function stackHeight(slices: readonly Slice[], dropFirstBefore = false): number {
  let h = 0;
  slices.forEach((s, i) => {
    h += (i === 0 && dropFirstBefore ? 0 : s.before) + s.height + s.after;
  });
  return h;
}

/** Stacks slices top to bottom from y = 0; returns the frames and the total height. */
export function stack(slices: readonly Slice[], dropFirstBefore = false): { items: Frame[]; height: number } {
  const items: Frame[] = [];
  let y = 0;
  slices.forEach((s, i) => {
    y += i === 0 && dropFirstBefore ? 0 : s.before;
    for (const f of translate(s.items, y)) items.push(f);
    y += s.height + s.after;
  });
  return { items, height: y };
}
