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

/**
 * The width of the longest line when `text` is broken greedily at spaces into lines of at most
 * `maxWidth` twips (a word longer than a line stands alone). Used to size the rule under a name that
 * may wrap in its column: the decree gives the rule relative to "the text line".
 */
export function longestLineTwips(measure: MeasureText, text: string, style: RunStyle, maxWidth: Twips): Twips {
  const whole = widthTwips(measure, text, style);
  if (whole <= maxWidth) return whole;
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  let longest = 0;
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && widthTwips(measure, candidate, style) > maxWidth) {
      longest = Math.max(longest, widthTwips(measure, line, style));
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) longest = Math.max(longest, widthTwips(measure, line, style));
  return Math.min(longest, maxWidth);
}

/** Estimated number of lines `text` takes in `width` twips (for keeping short rows together). */
export function estimateLines(measure: MeasureText, text: string, style: RunStyle, width: Twips): number {
  if (width <= 0) return 1;
  let lines = 0;
  for (const part of text.split("\n")) lines += Math.max(1, Math.ceil(widthTwips(measure, part, style) / width));
  return lines;
}
