/**
 * What the layout engine needs to know about fonts, injected so that layout is testable without font
 * files (see `test/layout-*.test.ts`, which use a fake monospace font). `src/fonts/metrics.ts` implements
 * it from real TrueType metrics.
 */
import type { MeasureText, RunStyle } from "../document/model.js";

export interface LineMetrics {
  /** Height of one line at "single" spacing, in points, as Word computes it for the font. */
  height: number;
  /** Distance from the top of a single-spaced line to its baseline. */
  ascent: number;
  /** Distance from the baseline to the bottom of the line (height = ascent + descent). */
  descent: number;
}

export interface ScriptMetrics {
  /** Size the glyphs are drawn at (smaller for sub/superscript). */
  size: number;
  /** Baseline shift, points, positive = up. */
  rise: number;
}

export interface LayoutFonts {
  /** Advance width of NFC `text` in `style` (sub/superscript already reduced), points. */
  measure: MeasureText;
  /** Single-spacing line metrics for the style's nominal size. */
  lineMetrics(style: RunStyle): LineMetrics;
  /** Drawn size and baseline shift of a (possibly sub/superscript) run. */
  script(style: RunStyle): ScriptMetrics;
  /** Underline offset below the baseline and its thickness, points, for the drawn size. */
  underline(style: RunStyle): { offset: number; thickness: number };
}

/**
 * A fake font for tests: every character is `advance` em wide (spaces `space` em), single line height
 * 1.15 em with the baseline at 0.9 em. Sub/superscript at 60 %.
 */
export function monospaceFonts(advance = 0.5, space = 0.25): LayoutFonts {
  const scale = (s: RunStyle) => (s.vertAlign ? 0.6 : 1);
  return {
    measure(text, style) {
      let w = 0;
      for (const ch of text) w += ch === " " || ch === "\u00a0" ? space : /\p{M}/u.test(ch) ? 0 : advance;
      return w * style.size * scale(style);
    },
    lineMetrics(style) {
      return { height: style.size * 1.15, ascent: style.size * 0.9, descent: style.size * 0.25 };
    },
    script(style) {
      const size = style.size * scale(style);
      const rise = style.vertAlign === "super" ? style.size * 0.35 : style.vertAlign === "sub" ? -style.size * 0.075 : 0;
      return { size, rise };
    },
    underline(style) {
      return { offset: style.size * 0.1, thickness: style.size * 0.05 };
    },
  };
}
