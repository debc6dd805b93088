/**
 * Inline layout for the commonest paragraph: one run of one style, words separated by plain spaces
 * (no tabs, line breaks, zero-width spaces or underline). It gives exactly what collect → breakLines
 * → finalizeLine give (same measurements, same sums in the same order, same frames), without a piece
 * and an atom object per word and a segment list per line: layout allocated ~10 of the 15 MB an
 * assessment cost. test/layout-plain.test.ts compares the two on random paragraphs.
 *
 * Returns undefined when the paragraph is not plain, or when a word is wider than its line (then it
 * must be split, which the general path does).
 */
import type { Align, RunStyle } from "../../document/model.js";
import type { LayoutFonts } from "../measure.js";
import { faceOf } from "../style.js";
import type { TextFrame } from "../types.js";
import { HYPHEN_BREAK } from "./collect.js";
import { EPS } from "./linebreak.js";

export interface PlainLine {
  height: number;
  /** The line's one text frame, or none (a line without ink). */
  frame?: TextFrame;
}

export interface PlainParagraph {
  text: string;
  style: RunStyle;
  align: Align;
  /** Left edge and width of the text area; the first line is `firstLine` narrower, starting further right. */
  left: number;
  width: number;
  firstLine: number;
  lineSpacing: number;
  markStyle: RunStyle;
}

/** A text that only plain spaces separate (the general path turns tabs and line breaks into more). */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || c === 0x200b) return false;
  }
  return true;
}

/** Atoms as parallel arrays: where each starts and ends in the text, its width, whether it is a space. */
interface Atoms {
  start: number[];
  end: number[];
  width: number[];
  space: boolean[];
}

function pushAtom(a: Atoms, start: number, end: number, width: number, space: boolean): void {
  a.start.push(start);
  a.end.push(end);
  a.width.push(width);
  a.space.push(space);
}

/** As collect(): spaces, words, and the parts of a word after each breaking hyphen. */
function atomsOf(text: string, style: RunStyle, fonts: LayoutFonts): Atoms {
  const a: Atoms = { start: [], end: [], width: [], space: [] };
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (text.charCodeAt(i) === 32) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) === 32) j++;
      pushAtom(a, i, j, fonts.measure(text.slice(i, j), style), true);
      i = j;
      continue;
    }
    let j = i;
    let hyphen = false;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 32) break;
      if (d === 45 || d === 0x2010 || d === 0x2013) hyphen = true;
      j++;
    }
    const token = text.slice(i, j);
    if (!hyphen) {
      pushAtom(a, i, j, fonts.measure(token, style), false);
    } else {
      let at = i;
      for (const part of token.split(HYPHEN_BREAK)) {
        if (part) pushAtom(a, at, at + part.length, fonts.measure(part, style), false);
        at += part.length;
      }
    }
    i = j;
  }
  return a;
}

export function plainLines(p: PlainParagraph, fonts: LayoutFonts): PlainLine[] | undefined {
  const style = p.style;
  if (style.underline || !isPlain(p.text)) return undefined;
  const a = atomsOf(p.text, style, fonts);

  // Greedy breaking, as breakLines: [first atom, last word] of each line.
  const firsts: number[] = [];
  const lasts: number[] = [];
  let first = 0;
  let last = -1;
  let width = 0;
  let pendingWidth = 0;
  for (let k = 0; k < a.width.length; k++) {
    const w = a.width[k]!;
    if (a.space[k]) {
      pendingWidth += w;
      continue;
    }
    if (last >= 0 && width + pendingWidth + w > p.width - (firsts.length === 0 ? p.firstLine : 0) + EPS) {
      firsts.push(first);
      lasts.push(last);
      first = k;
      last = -1;
      width = 0;
      pendingWidth = 0;
    }
    if (width + pendingWidth + w > p.width - (firsts.length === 0 ? p.firstLine : 0) + EPS) return undefined;
    width += pendingWidth + w;
    pendingWidth = 0;
    last = k;
  }
  firsts.push(first);
  lasts.push(last);

  const m = fonts.lineMetrics(style);
  const mark = fonts.lineMetrics(p.markStyle);
  const script = fonts.script(style);
  const face = faceOf(style);
  const lines: PlainLine[] = [];
  for (let i = 0; i < firsts.length; i++) {
    const isLast = i === firsts.length - 1;
    const from = firsts[i]!;
    const to = lasts[i]!;
    // Height: the run's style if the line holds anything (words, or spaces hanging after them or
    // alone), the paragraph mark's on the last line or an empty one.
    const empty = to < 0 && from >= a.width.length;
    let ascent = 0;
    let descent = 0;
    if (!empty) {
      ascent = m.ascent;
      descent = m.descent;
    }
    if (isLast || empty) {
      if (mark.ascent > ascent) ascent = mark.ascent;
      if (mark.descent > descent) descent = mark.descent;
    }
    const height = (ascent + descent) * p.lineSpacing;
    if (to < 0) {
      lines.push({ height });
      continue;
    }
    const baseline = height - descent;
    let natural = 0;
    let interior = 0;
    for (let k = from; k <= to; k++) {
      natural += a.width[k]!;
      if (a.space[k]) interior += a.end[k]! - a.start[k]!;
    }
    const lineLeft = p.left + (i === 0 ? p.firstLine : 0);
    const free = p.width - (i === 0 ? p.firstLine : 0) - natural;
    let x = lineLeft;
    let extra = 0;
    if (p.align === "center") x += free / 2;
    else if (p.align === "right") x += free;
    else if (p.align === "justify" && !isLast && interior > 0 && free > 0) extra = free / interior;
    const text = p.text.slice(a.start[from]!, a.end[to]!);
    lines.push({
      height,
      frame: { kind: "text", x, y: baseline - script.rise, face, size: script.size, text, wordSpacing: interior > 0 ? extra : 0 },
    });
  }
  return lines;
}
