/**
 * Inline layout, step 3: position a broken line — its height and baseline, alignment, justification —
 * and turn it into frames (x absolute, y relative to the line's top).
 *
 * Word's rules followed here:
 * - Line height: the largest single-spacing ascent plus the largest descent among everything on the
 *   line (hanging spaces and the paragraph mark on the last line count), times the line-spacing
 *   multiple; the extra space of a multiple goes above the text.
 * - Justify: the free room is shared equally by the line's spaces (U+0020; not no-break spaces, not the
 *   hanging ones). The paragraph's last line is not justified; a line ended by a manual line break *is*
 *   (Word's default, without the `doNotExpandShiftReturn` compatibility option).
 * - Centre/right: hanging spaces are ignored when aligning.
 */
import type { Align, RunStyle } from "../../document/model.js";
import type { LayoutFonts } from "../measure.js";
import { faceOf } from "../style.js";
import type { Frame, LineFrame, TextFrame } from "../types.js";
import type { BrokenLine, LineSeg } from "./linebreak.js";

export interface FinalLine {
  height: number;
  /** Baseline, from the top of the line. */
  baseline: number;
  frames: Frame[];
  /** Natural width of the line's content (without hanging spaces), points. */
  width: number;
}

export interface LineContext {
  align: Align;
  /** Left edge of the line's box (indents and first-line indent applied), absolute x. */
  left: number;
  /** Width of the line's box. */
  width: number;
  lineSpacing: number;
  /** The paragraph mark's style, counted on the paragraph's last line. */
  markStyle: RunStyle;
  isLast: boolean;
}

function spaces(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

export function finalizeLine(line: BrokenLine, ctx: LineContext, fonts: LayoutFonts): FinalLine {
  // Height and baseline.
  let ascent = 0;
  let descent = 0;
  const count = (style: RunStyle) => {
    const m = fonts.lineMetrics(style);
    if (m.ascent > ascent) ascent = m.ascent;
    if (m.descent > descent) descent = m.descent;
  };
  for (const s of line.segs) count(s.style);
  for (const s of line.trailing) count(s.style);
  if (line.breakStyle) count(line.breakStyle);
  if (ctx.isLast || (line.segs.length === 0 && line.trailing.length === 0)) count(ctx.markStyle);
  const height = (ascent + descent) * ctx.lineSpacing;
  const baseline = height - descent;

  // Alignment.
  let natural = 0;
  let interior = 0;
  for (const s of line.segs) {
    natural += s.width;
    if (s.space) interior += spaces(s.text);
  }
  const free = ctx.width - natural;
  let x = ctx.left;
  let extra = 0;
  if (ctx.align === "center") x += free / 2;
  else if (ctx.align === "right") x += free;
  else if (ctx.align === "justify" && line.end !== "end" && interior > 0 && free > 0) extra = free / interior;

  // Frames: one text frame per run of equal style, spaces included; underlines as lines.
  const frames: Frame[] = [];
  let current: TextFrame | undefined;
  let currentKey = "";
  let underline: LineFrame | undefined;
  for (const s of line.segs) {
    const w = s.width + (s.space ? spaces(s.text) * extra : 0);
    const script = fonts.script(s.style);
    const face = faceOf(s.style);
    const key = `${face}|${script.size}|${script.rise}`;
    if (s.pageNumber) {
      frames.push({ kind: "text", x, y: baseline - script.rise, face, size: script.size, text: "", wordSpacing: 0, pageNumber: true });
      current = undefined;
      currentKey = "";
    } else if (current && key === currentKey) {
      current.text += s.text;
    } else {
      current = { kind: "text", x, y: baseline - script.rise, face, size: script.size, text: s.text, wordSpacing: extra };
      currentKey = key;
      frames.push(current);
    }
    if (s.style.underline) {
      const u = fonts.underline(s.style);
      const y = baseline + u.offset;
      if (underline && Math.abs(underline.x2 - x) < 1e-6 && underline.y1 === y && underline.width === u.thickness) {
        underline.x2 = x + w;
      } else {
        underline = { kind: "line", x1: x, y1: y, x2: x + w, y2: y, width: u.thickness, role: "underline" };
        frames.push(underline);
      }
    } else {
      underline = undefined;
    }
    x += w;
  }
  // Frames made only of spaces draw nothing.
  const visible = frames.filter((f) => f.kind !== "text" || f.pageNumber || f.text.trim() !== "");
  for (const f of visible) if (f.kind === "text" && !/ /.test(f.text)) f.wordSpacing = 0;
  return { height, baseline, frames: visible, width: natural };
}
