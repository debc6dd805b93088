/**
 * Inline layout, step 2: greedy line breaking as Word does it.
 *
 * - Lines break at white space and after a hyphen inside a word (collect.ts marks those); the spaces
 *   at a break stay at the end of the line and "hang" (they take no room and are not drawn).
 * - A word that does not fit moves to the next line. A word wider than a whole line is broken after its
 *   last "/" or "-" that fits, else after the last character that fits (at least one character), over
 *   as many lines as it needs, in time linear in its length (split.ts).
 * - A forced break ends the line.
 *
 * Word and LibreOffice differ here, and we follow Word: LibreOffice breaks by the Unicode line breaking
 * rules (UAX #14), which allow no break at a space before ";", ",", ":" or ")" — "1,07% ;" moves as a
 * unit there — while Word breaks at every space.
 */
import type { RunStyle } from "../../document/model.js";
import type { LayoutFonts } from "../fonts.js";
import type { Atom, Piece } from "./collect.js";
import { WordSplitter } from "./split.js";

/** A piece on a line (the collected pieces themselves: `space` says which are white space). */
export type LineSeg = Piece;

export interface BrokenLine {
  /** Words and the spaces between them (and any leading spaces). */
  segs: LineSeg[];
  /** Spaces after the last word, hanging in the margin. */
  trailing: LineSeg[];
  /** Why the line ended. */
  end: "wrap" | "break" | "end";
  /** Style of the forced break that ended the line (it counts for the line height in Word). */
  breakStyle?: RunStyle;
  /** Set when a character did not fit in the room the line had (a line narrower than one letter). */
  overflow?: true;
}

/** Tolerance for floating-point sums, points (well under Word's 1/20 pt resolution). */
export const EPS = 0.005;

/** The line being built: its words and inner spaces, and the spaces waiting after its last word. */
interface LineState {
  lines: BrokenLine[];
  segs: LineSeg[];
  pending: LineSeg[];
  /** Width of `segs`. */
  width: number;
  pendingWidth: number;
  hasWord: boolean;
  /** The line holds a character wider than the room it had. */
  overflow: boolean;
}

function finishLine(st: LineState, end: BrokenLine["end"], breakStyle?: RunStyle): void {
  const line: BrokenLine = { segs: st.segs, trailing: st.pending, end, breakStyle };
  if (st.overflow) line.overflow = true;
  st.lines.push(line);
  st.segs = [];
  st.pending = [];
  st.width = 0;
  st.pendingWidth = 0;
  st.hasWord = false;
  st.overflow = false;
}

function addWord(st: LineState, pieces: readonly Piece[], w: number): void {
  for (const p of st.pending) st.segs.push(p);
  for (const p of pieces) st.segs.push(p);
  st.width += st.pendingWidth + w;
  st.pending = [];
  st.pendingWidth = 0;
  st.hasWord = true;
}

/**
 * Breaks atoms into lines `width` wide; the first line is `firstLineIndent` narrower (a negative
 * indent, a hanging one, makes it wider).
 */
export function breakLines(atoms: readonly Atom[], width: number, firstLineIndent: number, fonts: LayoutFonts): BrokenLine[] {
  const st: LineState = { lines: [], segs: [], pending: [], width: 0, pendingWidth: 0, hasWord: false, overflow: false };
  for (const atom of atoms) {
    if (atom.kind === "break") {
      finishLine(st, "break", atom.style);
      continue;
    }
    if (atom.kind === "space") {
      for (const p of atom.pieces) st.pending.push(p);
      st.pendingWidth += atom.width;
      continue;
    }
    if (st.hasWord && st.width + st.pendingWidth + atom.width > lineWidth(st, width, firstLineIndent) + EPS) finishLine(st, "wrap");
    // Now either the word fits, or the line has no word yet.
    if (st.width + st.pendingWidth + atom.width > lineWidth(st, width, firstLineIndent) + EPS)
      addLongWord(st, atom.pieces, atom.width, width, firstLineIndent, fonts);
    else addWord(st, atom.pieces, atom.width);
  }
  finishLine(st, "end");
  return st.lines;
}

/**
 * A word wider than the room left on a line without words: broken over as many lines as it needs
 * (split.ts), its rest starting the next line. A line that cannot hold even one character gets it
 * anyway, and is marked as overflowing.
 */
function addLongWord(st: LineState, pieces: Piece[], w: number, width: number, firstLineIndent: number, fonts: LayoutFonts): void {
  const split = new WordSplitter(pieces, fonts);
  let current = true;
  for (;;) {
    const lw = lineWidth(st, width, firstLineIndent);
    const n = split.cut(lw - st.width - st.pendingWidth + EPS);
    if (n < 0) break;
    const head = split.take(n);
    addWord(st, head, sum(head));
    if (st.width > lw + EPS) st.overflow = true;
    finishLine(st, "wrap");
    current = false;
    // Measure the rest as a whole only when it may fit on a line: a rest whose characters add up to
    // more than twice the line is wider than it (kerning never takes back half of a word).
    const next = lineWidth(st, width, firstLineIndent) + EPS;
    if (split.longerThan(2 * next + 1)) continue;
    pieces = split.rest();
    w = sum(pieces);
    current = true;
    if (!(st.width + st.pendingWidth + w > next)) break;
  }
  if (!current) {
    pieces = split.rest();
    w = sum(pieces);
  }
  addWord(st, pieces, w);
  if (st.width > lineWidth(st, width, firstLineIndent) + EPS) st.overflow = true;
}

/** Width available to the line being built. */
function lineWidth(st: LineState, width: number, firstLineIndent: number): number {
  return width - (st.lines.length === 0 ? firstLineIndent : 0);
}

function sum(pieces: readonly Piece[]): number {
  let s = 0;
  for (const p of pieces) s += p.width;
  return s;
}
