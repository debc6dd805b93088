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
  for (const part of text.split("\n")) lines += Math.max(1, Math.ceil(widthTwips(measure, part, style) / width));
  return lines;
}

/** Greedy line breaking at spaces: the lines of `text` at most `maxWidth` twips wide (long words alone). */
export function greedyLines(measure: MeasureText, text: string, style: RunStyle, maxWidth: Twips): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && widthTwips(measure, candidate, style) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Balanced line breaking for centred titles: as many lines as greedy breaking needs at `maxWidth`,
 * but as even as possible (the narrowest width that still gives that many lines), so a title never
 * ends with one orphaned word ("… của Văn phòng UBND / tỉnh"). A small safety margin keeps every line
 * clear of the width so Word and LibreOffice break exactly there too.
 */
export function balancedLines(measure: MeasureText, text: string, style: RunStyle, maxWidth: Twips): string[] {
  const limit = Math.floor(maxWidth * 0.98);
  const greedy = greedyLines(measure, text, style, limit);
  if (greedy.length <= 1) return greedy;
  let lo = Math.floor(limit / greedy.length);
  let hi = limit;
  let best = greedy;
  while (hi - lo > 20) {
    const mid = Math.floor((lo + hi) / 2);
    const lines = greedyLines(measure, text, style, mid);
    if (lines.length <= greedy.length) {
      best = lines;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}
