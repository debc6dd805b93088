/**
 * The layout engine's output: pages of positioned frames, in points, origin at the page's top-left
 * corner, y growing downwards. The PDF writer flips y; tests read the frames or their text dump.
 */
import type { Row, SlotKind } from "../document/model.js";
import type { SourcePos } from "../model/source.js";
import type { LayoutFonts } from "./fonts.js";

export type Face = "regular" | "bold" | "italic" | "boldItalic";

export interface TextFrame {
  kind: "text";
  /** Left end of the text. */
  x: number;
  /** Baseline. */
  y: number;
  face: Face;
  /** Drawn size (already reduced for sub/superscript; `y` already shifted). */
  size: number;
  /** NFC text; interior spaces are real space glyphs. */
  text: string;
  /** Extra width added after every space (U+0020) of `text`, for justification. */
  wordSpacing: number;
  /** The text is the current page number (set when the frame is placed). */
  pageNumber?: boolean;
}

export interface LineFrame {
  kind: "line";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width, points. */
  width: number;
  /** What it is, for tests and the dump. */
  role: "border" | "rule" | "underline";
}

export type Frame = TextFrame | LineFrame;

export interface PageFrame {
  /** 1-based page number in the whole document. */
  number: number;
  /**
   * The number printed on the page when it is not `number`: the pages of a section that restarts the
   * numbering (Section.restartPageNumbers) and of the sections after it count from that section's first.
   */
  printedNumber?: number;
  /** 0-based index of the model section the page belongs to. */
  section: number;
  /** 0-based index of the page within its section. */
  pageInSection: number;
  width: number;
  height: number;
  orientation: "portrait" | "landscape";
  /** The body area: top/left/right/bottom page coordinates, points. */
  body: { top: number; left: number; right: number; bottom: number };
  items: Frame[];
}

export interface LayoutWarning {
  code: "overflow" | "missing-glyph" | "unsupported";
  /**
   * What exactly (src/pipeline/layout-diagnostics.ts gives each its diagnostic): a line narrower than one
   * character ("line"), content taller than a page ("page"), a table row with more cells than columns
   * ("cells"), merged cells laid out unmerged ("merge"), characters the font lacks ("glyph").
   */
  kind: "line" | "page" | "cells" | "merge" | "glyph";
  message: string;
  page?: number;
  /** Where the content came from, when the document model says (a paragraph's `source`). */
  source?: SourcePos;
  /** "cells": the 1-based row. */
  row?: number;
  /** "glyph": the face and the code points it lacks, in the order first drawn. */
  face?: Face;
  codePoints?: number[];
}

export interface LayoutResult {
  pages: PageFrame[];
  warnings: LayoutWarning[];
  /**
   * Rows marked cantSplit that the pagination split all the same, so that a keep-with-next chain
   * would not leave a page more than KEEP_MAX_GAP empty (src/layout/pages.ts). The .docx must let
   * them split too (src/pipeline/render.ts), or Word would move the chain the PDF did not.
   */
  splitRows: Row[];
  /**
   * Where the signing slots are (paragraphs with `slot`, electronic documents): the box of the slot
   * paragraph's laid-out text on its page, united over its lines (left end of the leftmost frame to the
   * measured right end of the rightmost, first line's ascent to last line's descent). Empty on paper.
   */
  slots: LayoutSlot[];
  /** 0-based indexes of the first pages of the sections with `attachmentSignature`. */
  attachmentPages: number[];
}

export interface LayoutSlot {
  slot: SlotKind;
  /** 0-based page index in the document. */
  page: number;
  /** Points, y from the page's top edge. */
  rect: Rect;
}

/** A rectangle in points: top-left corner (y from the page's top edge), width, height. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutOptions {
  /**
   * Widow/orphan control (Word's "Widow/Orphan control"). Off by default: the .docx sets no
   * `w:widowControl`, which OOXML reads as off, and both Word and LibreOffice then break paragraphs
   * at any line.
   */
  widowControl?: boolean;
  /**
   * Height of the line a rule is drawn under, twips: the .docx emits a rule as a separate paragraph
   * with this exact line height and the rule as its bottom border (80 twips = 4 pt).
   */
  ruleLine?: number;
  /**
   * Where a table's left edge sits: "border" = the left border on the text margin (Word 2013+,
   * compatibilityMode 15, which the .docx declares); "text" = the first cell's text on the margin and
   * the border in the margin by the left cell padding (Word 2010 and earlier).
   */
  tableEdge?: "border" | "text";
}

/** What laying out blocks needs besides the blocks (src/layout/flow.ts, table.ts). */
export interface FlowContext {
  fonts: LayoutFonts;
  options: Required<LayoutOptions>;
  warnings: LayoutWarning[];
  /** Height of the body area of a page, to decide whether a row must split even if it should not. */
  pageHeight: number;
}
