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

export function breakLines(atoms: readonly Atom[], widthOf: (line: number) => number, fonts: LayoutFonts): BrokenLine[] {
  const lines: BrokenLine[] = [];
  let segs: LineSeg[] = [];
  let pending: LineSeg[] = [];
  let width = 0; // of segs
  let pendingWidth = 0;
  let hasWord = false;

  const finish = (end: BrokenLine["end"], breakStyle?: RunStyle) => {
    lines.push({ segs, trailing: pending, end, breakStyle });
    segs = [];
    pending = [];
    width = 0;
    pendingWidth = 0;
    hasWord = false;
  };
  const addWord = (pieces: Piece[], w: number) => {
    for (const p of pending) segs.push(p);
    for (const p of pieces) segs.push(p);
    width += pendingWidth + w;
    pending = [];
    pendingWidth = 0;
    hasWord = true;
  };

  for (const atom of atoms) {
    if (atom.kind === "break") {
      finish("break", atom.style);
      continue;
    }
    if (atom.kind === "space") {
      for (const p of atom.pieces) pending.push(p);
      pendingWidth += atom.width;
      continue;
    }
    let pieces = atom.pieces;
    let w = atom.width;
    if (hasWord && width + pendingWidth + w > widthOf(lines.length) + EPS) finish("wrap");
    // Now either the word fits, or the line has no word yet.
    while (width + pendingWidth + w > widthOf(lines.length) + EPS) {
      const room = widthOf(lines.length) - width - pendingWidth;
      const [head, rest] = splitWord(pieces, room, fonts);
      if (!rest.length) break;
      addWord(head, sum(head));
      finish("wrap");
      pieces = rest;
      w = sum(rest);
    }
    addWord(pieces, w);
  }
  finish("end");
  return lines;
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
