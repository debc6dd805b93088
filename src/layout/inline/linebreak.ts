/**
 * Inline layout, step 2: greedy line breaking as Word does it.
 *
 * - Lines break at white space and after a hyphen inside a word (collect.ts marks those); the spaces
 *   at a break stay at the end of the line and "hang" (they take no room and are not drawn).
 * - A word that does not fit moves to the next line. A word wider than a whole line is broken after its
 *   last "/" or "-" that fits, else after the last character that fits (at least one character).
 * - A forced break ends the line.
 *
 * Word and LibreOffice differ here, and we follow Word: LibreOffice breaks by the Unicode line breaking
 * rules (UAX #14), which allow no break at a space before ";", ",", ":" or ")" — "1,07% ;" moves as a
 * unit there — while Word breaks at every space.
 */
import type { RunStyle } from "../../document/model.js";
import type { LayoutFonts } from "../measure.js";
import type { Atom, Piece } from "./collect.js";

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
}

// Module-level helpers, not closures per call: V8 keeps a closure's optimised code only while one of
// its closures is alive, and per-call closures were compiled again after every full collection.
function finishLine(st: LineState, end: BrokenLine["end"], breakStyle?: RunStyle): void {
  st.lines.push({ segs: st.segs, trailing: st.pending, end, breakStyle });
  st.segs = [];
  st.pending = [];
  st.width = 0;
  st.pendingWidth = 0;
  st.hasWord = false;
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
  const st: LineState = { lines: [], segs: [], pending: [], width: 0, pendingWidth: 0, hasWord: false };
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
    let pieces = atom.pieces;
    let w = atom.width;
    if (st.hasWord && st.width + st.pendingWidth + w > lineWidth(st, width, firstLineIndent) + EPS) finishLine(st, "wrap");
    // Now either the word fits, or the line has no word yet.
    while (st.width + st.pendingWidth + w > lineWidth(st, width, firstLineIndent) + EPS) {
      const room = lineWidth(st, width, firstLineIndent) - st.width - st.pendingWidth;
      const [head, rest] = splitWord(pieces, room, fonts);
      if (!rest.length) break;
      addWord(st, head, sum(head));
      finishLine(st, "wrap");
      pieces = rest;
      w = sum(rest);
    }
    addWord(st, pieces, w);
  }
  finishLine(st, "end");
  return st.lines;
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

/** Code points with their combining marks, so accents never part from their letters. */
function clusters(text: string): string[] {
  return text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
}

/**
 * Splits an over-wide word so that the head fits in `room`: after the last "/" or "-" that fits, else
 * after the last character that fits; always at least one character.
 */
export function splitWord(pieces: readonly Piece[], room: number, fonts: LayoutFonts): [Piece[], Piece[]] {
  const flat: { piece: number; text: string; width: number }[] = [];
  pieces.forEach((p, i) => {
    if (p.pageNumber) flat.push({ piece: i, text: "", width: p.width });
    else for (const c of clusters(p.text)) flat.push({ piece: i, text: c, width: fonts.measure(c, p.style) });
  });
  if (flat.length <= 1) return [pieces.slice(), []];
  let fit = 0;
  let acc = 0;
  while (fit < flat.length && acc + flat[fit].width <= room + EPS) acc += flat[fit++].width;
  let cut = Math.max(1, fit);
  for (let j = Math.min(fit, flat.length) - 1; j >= 0; j--) {
    if (flat[j].text === "/" || flat[j].text === "-") {
      if (j + 1 < flat.length) cut = j + 1;
      break;
    }
  }
  if (cut >= flat.length) return [pieces.slice(), []];
  const build = (from: number, to: number): Piece[] => {
    const out: Piece[] = [];
    let lastSrc = -1;
    for (let k = from; k < to; k++) {
      const f = flat[k];
      const src = pieces[f.piece];
      if (f.piece === lastSrc && !src.pageNumber) out[out.length - 1].text += f.text;
      else out.push({ text: src.pageNumber ? "" : f.text, style: src.style, width: src.width, pageNumber: src.pageNumber, space: false });
      lastSrc = f.piece;
    }
    for (const p of out) if (!p.pageNumber) p.width = fonts.measure(p.text, p.style);
    return out;
  };
  const head = build(0, cut);
  const rest = build(cut, flat.length);
  return [head, rest];
}
