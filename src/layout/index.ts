/**
 * The layout engine: DocModel → pages of positioned frames. Independent of any PDF library; fonts are
 * injected (`LayoutFonts`, see src/fonts/metrics.ts `createLayoutFonts` for real fonts).
 *
 * Stages (as in typst): inline (collect → linebreak → finalize) → flow (blocks → slices, tables →
 * row slices) → pages (paginate, repeat headers, page numbers).
 */
export { layoutDocument, DEFAULT_OPTIONS } from "./pages.js";
export { dumpLayout, dumpPage, pageText } from "./dump.js";
export { monospaceFonts } from "./fonts.js";
export type { LayoutFonts, LineMetrics, ScriptMetrics } from "./fonts.js";
export type { Face, Frame, LayoutOptions, LayoutResult, LayoutSlot, LayoutWarning, LineFrame, PageFrame, Rect, TextFrame } from "./types.js";
