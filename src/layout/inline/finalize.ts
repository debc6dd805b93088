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
import type { LayoutFonts } from "../fonts.js";
import { faceOf } from "../style.js";
import type { Frame, LineFrame, TextFrame } from "../types.js";
import type { BrokenLine } from "./linebreak.js";

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

/** Tallest ascent and deepest descent seen so far on a line. */
interface Extent {
  ascent: number;
  descent: number;
}

function extend(e: Extent, style: RunStyle, fonts: LayoutFonts): void {
  const m = fonts.lineMetrics(style);
  if (m.ascent > e.ascent) e.ascent = m.ascent;
  if (m.descent > e.descent) e.descent = m.descent;
}

/** Keeps a text frame that draws something; a frame without a space needs no word spacing. */
function pushText(frames: Frame[], frame: TextFrame | undefined, ink: boolean): void {
  if (frame && ink) {
    if (frame.text.indexOf(" ") < 0) frame.wordSpacing = 0;
    frames.push(frame);
  }
}

export function finalizeLine(line: BrokenLine, ctx: LineContext, fonts: LayoutFonts): FinalLine {
  // Height and baseline.
  const e: Extent = { ascent: 0, descent: 0 };
  for (const s of line.segs) extend(e, s.style, fonts);
  for (const s of line.trailing) extend(e, s.style, fonts);
  if (line.breakStyle) extend(e, line.breakStyle, fonts);
  if (ctx.isLast || (line.segs.length === 0 && line.trailing.length === 0)) extend(e, ctx.markStyle, fonts);
  const height = (e.ascent + e.descent) * ctx.lineSpacing;
  const baseline = height - e.descent;

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
  let currentInk = false;
  let underline: LineFrame | undefined;
  for (const s of line.segs) {
    const w = s.space ? s.width + spaces(s.text) * extra : s.width;
    const script = fonts.script(s.style);
    const face = faceOf(s.style);
    const y = baseline - script.rise;
    if (s.pageNumber) {
      pushText(frames, current, currentInk);
      current = undefined;
      currentInk = false;
      frames.push({ kind: "text", x, y, face, size: script.size, text: "", wordSpacing: 0, pageNumber: true });
    } else if (current && current.face === face && current.size === script.size && current.y === y) {
      current.text += s.text;
      if (!s.space) currentInk = true;
    } else {
      pushText(frames, current, currentInk);
      current = { kind: "text", x, y, face, size: script.size, text: s.text, wordSpacing: extra };
      currentInk = !s.space;
    }
    if (s.style.underline) {
      const u = fonts.underline(s.style);
      const uy = baseline + u.offset;
      if (underline && Math.abs(underline.x2 - x) < 1e-6 && underline.y1 === uy && underline.width === u.thickness) {
        underline.x2 = x + w;
      } else {
        underline = { kind: "line", x1: x, y1: uy, x2: x + w, y2: uy, width: u.thickness, role: "underline" };
        frames.push(underline);
      }
    } else {
      underline = undefined;
    }
    x += w;
  }
  pushText(frames, current, currentInk);
  return { height, baseline, frames, width: natural };
}
