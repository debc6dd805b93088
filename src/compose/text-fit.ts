/**
 * Text measurement for compose: rule lengths and column widths come from the measured text (in both
 * writers, so a rule is as long in the .docx as in the PDF). `MeasureText` returns points; the model
 * works in twips.
 */
import type { MeasureText, RunStyle, Twips } from "../document/model.js";

/** Width of `text` in twips, rounded up so a column sized from it never wraps the text. */
export function widthTwips(measure: MeasureText, text: string, style: RunStyle): Twips {
  return Math.ceil(measure(text, style) * 20);
}

/** Estimated number of lines `text` takes in `width` twips (for keeping short rows together). */
export function estimateLines(measure: MeasureText, text: string, style: RunStyle, width: Twips): number {
  if (width <= 0) return 1;
  let lines = 0;
  for (const part of text.split("\n")) {
    // A short line (under 0.6 em a character on average) fits without measuring.
    if (part.length * style.size * 12 <= width) lines += 1;
    else lines += Math.max(1, Math.ceil(widthTwips(measure, part, style) / width));
  }
  return lines;
}

/** The words of `text` with their widths, and the width of a space, measured once (twips). */
interface Words {
  words: string[];
  widths: number[];
  space: number;
}

function words(measure: MeasureText, text: string, style: RunStyle): Words {
  const ws: string[] = [];
  const widths: number[] = [];
  // White space except the no-break space, which binds (a hand-filled date's blanks, vi-format.ts).
  for (const w of text.split(/[^\S\u00a0]+/)) {
    if (w.length === 0) continue;
    ws.push(w);
    widths.push(measure(w, style) * 20);
  }
  return { words: ws, widths, space: measure(" ", style) * 20 };
}

/**
 * Greedy line breaking at spaces over measured words (a line's width is the sum of its words and
 * spaces: kerning across a space is negligible, and callers keep a margin).
 */
function breakWords(w: Words, maxWidth: Twips): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  for (let i = 0; i < w.words.length; i++) {
    const word = w.words[i]!;
    const add = (line.length > 0 ? w.space : 0) + w.widths[i]!;
    if (line.length > 0 && width + add > maxWidth) {
      lines.push(line.join(" "));
      line = [word];
      width = w.widths[i]!;
    } else {
      line.push(word);
      width += add;
    }
  }
  if (line.length > 0) lines.push(line.join(" "));
  return lines;
}

/** Greedy line breaking at spaces: the lines of `text` at most `maxWidth` twips wide (long words alone). */
export function greedyLines(measure: MeasureText, text: string, style: RunStyle, maxWidth: Twips): string[] {
  return breakWords(words(measure, text, style), maxWidth);
}

/**
 * Balanced line breaking for centred titles: as many lines as greedy breaking needs at `maxWidth`,
 * but as even as possible (the narrowest width that still gives that many lines), so a title never
 * ends with one orphaned word ("… của Văn phòng UBND / tỉnh"). A small safety margin keeps every line
 * clear of the width so Word and LibreOffice break exactly there too. Words are measured once.
 */
export function balancedLines(measure: MeasureText, text: string, style: RunStyle, maxWidth: Twips): string[] {
  const limit = Math.floor(maxWidth * 0.98);
  const w = words(measure, text, style);
  const greedy = breakWords(w, limit);
  if (greedy.length <= 1) return greedy;
  let lo = Math.floor(limit / greedy.length);
  let hi = limit;
  let best = greedy;
  while (hi - lo > 20) {
    const mid = Math.floor((lo + hi) / 2);
    const lines = breakWords(w, mid);
    if (lines.length <= greedy.length) {
      best = lines;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

/**
 * balancedLines, but never breaking inside `keep` (a date in words: "ngày 19 tháng 11 năm 2021" split
 * over two lines reads badly): its spaces bind while the lines are chosen, and the lines are then cut
 * from `text` itself, so its own characters are printed. When `keep` is not in `text`, is wider than
 * the width, or `text` has runs of white space, the lines are balancedLines'.
 */
export function balancedLinesKeeping(measure: MeasureText, text: string, style: RunStyle, maxWidth: Twips, keep: string): string[] {
  const at = text.indexOf(keep);
  const plain = () => balancedLines(measure, text, style, maxWidth);
  if (at < 0 || !keep.includes(" ") || /[^\S\u00a0]{2}|^\s|\s$/.test(text) || widthTwips(measure, keep, style) > Math.floor(maxWidth * 0.98)) return plain();
  const bound = text.slice(0, at) + keep.replaceAll(" ", "\u00a0") + text.slice(at + keep.length);
  const lines = balancedLines(measure, bound, style, maxWidth);
  // The lines are the bound text's words joined by one space: cut the same lengths from `text`.
  if (lines.join(" ") !== bound.split(/[^\S\u00a0]+/).join(" ")) return plain();
  const out: string[] = [];
  let offset = 0;
  for (const l of lines) {
    out.push(text.slice(offset, offset + l.length));
    offset += l.length + 1;
  }
  return out;
}
