/**
 * Fonts for the PDF: locating and parsing TrueType files (no fontkit at run time), measuring text as
 * Word does, and subsetting for embedding.
 *
 *   const fonts = loadFontSet(read);             // Tinos, read (src/cli/world.ts) and parsed once per process
 *   const measure = createMeasurer(fonts);       // MeasureText for compose (rule lengths)
 *   lineMetrics(fonts, { size: 14 }).height      // 16.10 pt: Word's "single" line for 14 pt
 */
export { FontFormatError, TrueTypeFont } from "./truetype.js";
export type { VerticalMetrics } from "./truetype.js";
export { FACE_KEYS, faceKey, loadFont, loadFontSet, tinosPaths } from "./fontset.js";
export type { FaceKey, FontPaths, FontSet, FontSetOptions, ReadFontFile } from "./fontset.js";
export { advanceUnits, createLayoutFonts, createMeasurer, glyphFor, lineMetrics, scriptEm, singleLineEm } from "./metrics.js";
