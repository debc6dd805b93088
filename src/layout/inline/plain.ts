/**
 * Inline layout for the commonest paragraph: one run of one style, words separated by plain spaces
 * (no tabs, line breaks, zero-width spaces or underline). It gives exactly what collect → breakLines
 * → finalizeLine give (same measurements, same sums in the same order, same frames), without a piece
 * and an atom object per word and a segment list per line: layout allocated ~10 of the 15 MB an
 * assessment cost. test/layout-plain.test.ts compares the two on random paragraphs.
 *
 * Returns undefined when the paragraph is not plain. A word wider than its line is broken as the
 * general path breaks it, with the same code (split.ts).
 */
import type { Align, RunStyle } from "../../document/model.js";
import type { LayoutFonts } from "../fonts.js";
import { faceOf } from "../style.js";
import type { TextFrame } from "../types.js";
import { HYPHEN_BREAK } from "./collect.js";
import { EPS } from "./linebreak.js";
import { WordSplitter } from "./split.js";

export interface PlainLine {
  height: number;
  /** The line's one text frame, or none (a line without ink). */
  frame?: TextFrame;
  /** As BrokenLine.overflow: a character did not fit in the room the line had. */
  overflow?: true;
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

/**
 * For paragraphs with a word broken over lines: where each line starts inside its first atom
 * (`fromAt`, -1 at the atom's start; that part `fromWidth` wide) and ends inside its last (`toAt`,
 * `toWidth`), and whether a character overflowed it; one entry per line, plus the line being filled.
 */
interface Parts {
  fromAt: number[];
  fromWidth: number[];
  toAt: number[];
  toWidth: number[];
  overflow: boolean[];
  curFromAt: number;
  curFromWidth: number;
  curOverflow: boolean;
}

function newParts(lines: number): Parts {
  return {
    fromAt: new Array<number>(lines).fill(-1),
    fromWidth: new Array<number>(lines).fill(0),
    toAt: new Array<number>(lines).fill(-1),
    toWidth: new Array<number>(lines).fill(0),
    overflow: new Array<boolean>(lines).fill(false),
    curFromAt: -1,
    curFromWidth: 0,
    curOverflow: false,
  };
}

/** Ends the line being filled (at `toAt` inside its last atom, or -1). */
function closeParts(parts: Parts, toAt: number, toWidth: number): void {
  parts.fromAt.push(parts.curFromAt);
  parts.fromWidth.push(parts.curFromWidth);
  parts.toAt.push(toAt);
  parts.toWidth.push(toWidth);
  parts.overflow.push(parts.curOverflow);
  parts.curFromAt = -1;
  parts.curFromWidth = 0;
  parts.curOverflow = false;
}

/** The greedy loop's state, for the rare path below. */
interface Current {
  first: number;
  last: number;
  width: number;
  pendingWidth: number;
}

/** Word `k`, wider than the room of a line without words: as linebreak.ts addLongWord. */
function longWord(p: PlainParagraph, a: Atoms, k: number, firsts: number[], lasts: number[], parts: Parts, cur: Current, fonts: LayoutFonts): void {
  const room = () => p.width - (firsts.length === 0 ? p.firstLine : 0);
  const base = a.start[k]!;
  const token = p.text.slice(base, a.end[k]!);
  const split = new WordSplitter([{ text: token, style: p.style, pageNumber: false, width: a.width[k]! }], fonts);
  let w = a.width[k]!;
  let current = true;
  for (;;) {
    const lw = room();
    const n = split.cut(lw - cur.width - cur.pendingWidth + EPS);
    if (n < 0) break;
    const from = split.offset;
    const to = split.takeEnd(n);
    const hw = 0 + fonts.measure(token.slice(from, to), p.style);
    cur.width += cur.pendingWidth + hw;
    if (cur.width > lw + EPS) parts.curOverflow = true;
    firsts.push(cur.first);
    lasts.push(k);
    closeParts(parts, base + to, hw);
    cur.first = k;
    cur.last = -1;
    cur.width = 0;
    cur.pendingWidth = 0;
    parts.curFromAt = base + to;
    current = false;
    const next = room() + EPS;
    if (split.longerThan(2 * next + 1)) continue;
    w = 0 + fonts.measure(token.slice(to), p.style);
    current = true;
    if (!(cur.width + cur.pendingWidth + w > next)) break;
  }
  if (!current) w = 0 + fonts.measure(token.slice(split.offset), p.style);
  if (split.started) parts.curFromWidth = w;
  cur.width += cur.pendingWidth + w;
  cur.pendingWidth = 0;
  cur.last = k;
  if (cur.width > room() + EPS) parts.curOverflow = true;
}

export function plainLines(p: PlainParagraph, fonts: LayoutFonts): PlainLine[] | undefined {
  const style = p.style;
  if (style.underline || !isPlain(p.text)) return undefined;
  const a = atomsOf(p.text, style, fonts);

  // Greedy breaking, as breakLines: [first atom, last word] of each line. A word wider than a line is
  // broken as breakLines breaks it (split.ts), and `parts` says where lines start and end inside it.
  const firsts: number[] = [];
  const lasts: number[] = [];
  let parts: Parts | undefined;
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
      if (parts) closeParts(parts, -1, 0);
      first = k;
      last = -1;
      width = 0;
      pendingWidth = 0;
    }
    if (width + pendingWidth + w > p.width - (firsts.length === 0 ? p.firstLine : 0) + EPS) {
      parts ??= newParts(firsts.length);
      const cur: Current = { first, last, width, pendingWidth };
      longWord(p, a, k, firsts, lasts, parts, cur, fonts);
      ({ first, last, width, pendingWidth } = cur);
      continue;
    }
    width += pendingWidth + w;
    pendingWidth = 0;
    last = k;
  }
  firsts.push(first);
  lasts.push(last);
  if (parts) closeParts(parts, -1, 0);

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
    const fromAt = parts ? parts.fromAt[i]! : -1;
    const toAt = parts ? parts.toAt[i]! : -1;
    const overflow = parts ? parts.overflow[i]! : false;
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
      lines.push(overflow ? { height, overflow: true } : { height });
      continue;
    }
    const baseline = height - descent;
    let natural = 0;
    let interior = 0;
    if (parts) {
      for (let k = from; k <= to; k++) {
        natural += k === to && toAt >= 0 ? parts.toWidth[i]! : k === from && fromAt >= 0 ? parts.fromWidth[i]! : a.width[k]!;
        if (a.space[k]) interior += a.end[k]! - a.start[k]!;
      }
    } else {
      for (let k = from; k <= to; k++) {
        natural += a.width[k]!;
        if (a.space[k]) interior += a.end[k]! - a.start[k]!;
      }
    }
    const lineLeft = p.left + (i === 0 ? p.firstLine : 0);
    const free = p.width - (i === 0 ? p.firstLine : 0) - natural;
    let x = lineLeft;
    let extra = 0;
    if (p.align === "center") x += free / 2;
    else if (p.align === "right") x += free;
    else if (p.align === "justify" && !isLast && interior > 0 && free > 0) extra = free / interior;
    const text = p.text.slice(fromAt >= 0 ? fromAt : a.start[from]!, toAt >= 0 ? toAt : a.end[to]!);
    const line: PlainLine = {
      height,
      frame: { kind: "text", x, y: baseline - script.rise, face, size: script.size, text, wordSpacing: interior > 0 ? extra : 0 },
    };
    if (overflow) line.overflow = true;
    lines.push(line);
  }
  return lines;
}
