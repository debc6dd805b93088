/**
 * Text measurement and line metrics from TrueType tables, as Word computes them.
 *
 * - Width: sum of `hmtx` advances of the glyphs `cmap` gives for each code point of the NFC text, plus
 *   legacy `kern` pairs when the font set enables kerning. No shaping (ligatures, GPOS): Word applies
 *   none by default.
 * - "Single" line height: Word uses the Windows (GDI) text metrics: tmHeight = usWinAscent +
 *   usWinDescent, plus tmExternalLeading = max(0, hhea.lineGap − ((winAscent + winDescent) −
 *   (hhea.ascender − hhea.descender))). For Times New Roman and Tinos that is (1825 + 443 + 87) / 2048 =
 *   1.1499 em, the well-known 13.8 pt for 12 pt text. The external leading sits above the ascent.
 * - Sub/superscript: drawn at the OS/2 ySubscriptYSize / ySuperscriptYSize (60 % for Tinos and Times New
 *   Roman) and shifted by the OS/2 offsets; 2/3 size and ±1/3 em shift when the font has no values.
 */
import { eachCodePoint } from "./codepoints.js";
import type { MeasureText, RunStyle } from "../document/model.js";
import type { LayoutFonts, LineMetrics, ScriptMetrics } from "../layout/fonts.js";
import { faceKey, type FontSet } from "./fontset.js";
import type { TrueTypeFont } from "./truetype.js";

/** Single-spacing metrics of a face in em (multiply by the size). */
export function singleLineEm(font: TrueTypeFont): { height: number; ascent: number; descent: number } {
  const m = font.metrics;
  const upm = m.unitsPerEm;
  const gdiHeight = m.winAscent + m.winDescent;
  const externalLeading = Math.max(0, m.hheaLineGap - (gdiHeight - (m.hheaAscender - m.hheaDescender)));
  return {
    height: (gdiHeight + externalLeading) / upm,
    ascent: (m.winAscent + externalLeading) / upm,
    descent: m.winDescent / upm,
  };
}

/** Size factor and baseline shift (em of the nominal size) of sub/superscript text. */
export function scriptEm(font: TrueTypeFont, vertAlign: RunStyle["vertAlign"]): { scale: number; rise: number } {
  if (!vertAlign) return { scale: 1, rise: 0 };
  const m = font.metrics;
  const upm = m.unitsPerEm;
  if (vertAlign === "super") {
    return m.superscriptYSize > 0 ? { scale: m.superscriptYSize / upm, rise: m.superscriptYOffset / upm } : { scale: 2 / 3, rise: 1 / 3 };
  }
  return m.subscriptYSize > 0 ? { scale: m.subscriptYSize / upm, rise: -m.subscriptYOffset / upm } : { scale: 2 / 3, rise: -1 / 6 };
}

/** Advance width of `text` in font units (no normalisation; pass NFC text). */
export function advanceUnits(font: TrueTypeFont, text: string, kerning: boolean): number {
  const adv = font.advances;
  let total = 0;
  let prev = -1;
  const kern = kerning && font.hasKerning;
  eachCodePoint(text, (cp) => {
    const gid = glyphFor(font, cp);
    total += adv[gid]!; // glyphFor returns an id below numGlyphs
    if (kern && prev >= 0) total += font.kerning(prev, gid);
    prev = gid;
  });
  return total;
}

/**
 * Glyph for a code point, with the substitutions Word makes when drawing: a no-break space is drawn
 * with the space glyph if the font lacks one, a tab as a space (chamdiem sets no tab stops).
 */
export function glyphFor(font: TrueTypeFont, cp: number): number {
  const gid = font.glyphId(cp);
  if (gid !== 0) return gid;
  if (cp === 0xa0 || cp === 0x09 || cp === 0x202f) return font.glyphId(0x20);
  return 0;
}

function nfc(text: string): string {
  // normalize() is cheap on ASCII and already-NFC strings, but skip it for pure ASCII anyway.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return text.normalize("NFC");
  return text;
}

/** `MeasureText` (see src/document/model.ts) for a font set: width in points of NFC text. */
export function createMeasurer(fonts: FontSet): MeasureText {
  return (text, style) => {
    const font = fonts.faces[faceKey(style)];
    const { scale } = scriptEm(font, style.vertAlign);
    return (advanceUnits(font, nfc(text), fonts.kerning) * style.size * scale) / font.unitsPerEm;
  };
}

/** Single-spacing line metrics, points, for a run style (nominal size). */
export function lineMetrics(fonts: FontSet, style: RunStyle): LineMetrics {
  const em = singleLineEm(fonts.faces[faceKey(style)]);
  return { height: em.height * style.size, ascent: em.ascent * style.size, descent: em.descent * style.size };
}

const layoutFontsOf = new WeakMap<FontSet, LayoutFonts>();

/**
 * Everything the layout engine needs, from real fonts (per-style results cached by style object).
 * One instance per font set for the life of the process, so that its word-width cache serves every
 * document of a build (the rubric's words and the common syllables recur from unit to unit).
 */
export function createLayoutFonts(fonts: FontSet): LayoutFonts {
  let lf = layoutFontsOf.get(fonts);
  if (!lf) layoutFontsOf.set(fonts, (lf = makeLayoutFonts(fonts)));
  return lf;
}

function makeLayoutFonts(fonts: FontSet): LayoutFonts {
  const plain = createMeasurer(fonts);
  // Words repeat a lot (Vietnamese syllables): widths are cached per style object and text.
  const widths = new WeakMap<RunStyle, Map<string, number>>();
  const measure: MeasureText = (text, style) => {
    let m = widths.get(style);
    if (!m) widths.set(style, (m = new Map()));
    let w = m.get(text);
    if (w === undefined) {
      w = plain(text, style);
      if (m.size < 50_000) m.set(text, w);
    }
    return w;
  };
  const lines = new WeakMap<RunStyle, LineMetrics>();
  const scripts = new WeakMap<RunStyle, ScriptMetrics>();
  return {
    measure,
    lineMetrics(style) {
      let m = lines.get(style);
      if (!m) lines.set(style, (m = lineMetrics(fonts, style)));
      return m;
    },
    script(style): ScriptMetrics {
      let m = scripts.get(style);
      if (!m) {
        const { scale, rise } = scriptEm(fonts.faces[faceKey(style)], style.vertAlign);
        scripts.set(style, (m = { size: style.size * scale, rise: rise * style.size }));
      }
      return m;
    },
    underline(style) {
      const font = fonts.faces[faceKey(style)];
      const { scale } = scriptEm(font, style.vertAlign);
      const size = style.size * scale;
      const m = font.metrics;
      return {
        offset: (-m.underlinePosition / m.unitsPerEm) * size,
        thickness: Math.max(0.25, (m.underlineThickness / m.unitsPerEm) * size),
      };
    },
  };
}
