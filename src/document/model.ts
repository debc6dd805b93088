/**
 * The format-neutral document model. `compose` produces it; the docx and pdf writers consume it and
 * nothing else. It knows nothing of docx or pdf-lib: plain, JSON-serialisable data.
 *
 * Units: lengths are in twips (1/20 pt, 1/1440 inch; A4 = 11906 × 16838), font sizes in points.
 * Twips are integers, so both writers see exactly the same geometry (docx uses twips natively,
 * the PDF writer divides by 20).
 */
import type { SourcePos } from "../model/source.js";

export type Twips = number;

export interface DocModel {
  meta: DocMeta;
  sections: Section[];
}

export interface DocMeta {
  title: string;
  subject: string;
  /** The issuing unit. */
  author: string;
  language: string;
  /** ISO 8601 timestamp used for every date inside the files (reproducible builds). */
  date: string;
  /** Default font family for the whole document. */
  font: string;
}

export interface PageSetup {
  /** Portrait width and height; landscape swaps them when drawing. */
  width: Twips;
  height: Twips;
  orientation: "portrait" | "landscape";
  margin: { top: Twips; bottom: Twips; left: Twips; right: Twips };
  /** Distance from the page's top edge to the header text. */
  headerDistance: Twips;
}

export interface Section {
  page: PageSetup;
  /** Page number centred in the top margin; hidden on the section's first page when requested. */
  pageNumber?: { size: number; align: "center"; hideOnFirstPage: boolean };
  /**
   * The section's pages are numbered from 1 again (an appendix in the same file as its document, NĐ 30:
   * appendix pages are numbered separately from the main document). Default: numbering goes on.
   */
  restartPageNumbers?: boolean;
  /**
   * An attachment in a file of its own, signed electronically: its first page carries the organisation's
   * signature at the top right (no image; number, symbol and signing time, Times New Roman 10 pt).
   * The PDF writer reserves that box (slot "attachment-signature") on the section's first page.
   */
  attachmentSignature?: boolean;
  blocks: Block[];
}

/**
 * The places of an electronic document that the document system and the signing step fill
 * (NĐ 30/2020 Phụ lục I): the number slot (ô 2), the date slot (ô 4), the signer's position lines above
 * the signature (ô 7a/7b) and the signer's name below it (ô 7b): the signature image (ô 7c) goes
 * between the last two, the seal (ô 8) over its left third.
 */
export type SlotKind = "number" | "date" | "signer-title" | "signer-name";

export type Block = Paragraph | Table;

export type Align = "left" | "center" | "right" | "justify";

export interface ParagraphStyle {
  align: Align;
  /** Twips. */
  indentFirstLine?: Twips;
  indentLeft?: Twips;
  indentRight?: Twips;
  spaceBefore?: Twips;
  spaceAfter?: Twips;
  /** Multiple of single line spacing (1 = single, 1.5 = one and a half), as Word's "auto" rule. */
  lineSpacing?: number;
  /** Keep with the next paragraph on one page. */
  keepNext?: boolean;
  /** Default run size for empty paragraphs and rules (points). */
  size: number;
}

export interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  vertAlign?: "sub" | "super";
}

export type Inline = { kind: "text"; text: string; style: RunStyle } | { kind: "break"; style: RunStyle } | { kind: "pageNumber"; style: RunStyle };

export interface Paragraph {
  kind: "paragraph";
  style: ParagraphStyle;
  runs: Inline[];
  /**
   * A horizontal rule drawn under this paragraph's last line: `width` twips long, centred on the
   * paragraph's text area. Used for the NĐ 30 rules under the agency, motto and title, sized by compose
   * from the measured text so both writers draw the same length. A paragraph with no runs and a rule
   * is a rule on its own. The paragraph's `spaceAfter` comes after the rule (compose puts the gap below
   * a title's rule there; the docx writer moves it onto the separate rule paragraph it emits).
   */
  rule?: { width: Twips; thickness: number };
  /** This paragraph is a signing slot (electronic documents): the layout reports where it is. */
  slot?: SlotKind;
  source?: SourcePos;
}

export interface Border {
  /** Line width in points (0.5 = Word's "½ pt"). */
  width: number;
}

export interface Table {
  kind: "table";
  /** Fixed column widths, left to right. */
  columns: Twips[];
  /** null = no borders (layout tables such as the header block). */
  borders: Border | null;
  /** The first `headerRows` rows repeat at the top of every page the table runs onto. */
  headerRows: number;
  rows: Row[];
  /** Cell padding. */
  padding: { top: Twips; bottom: Twips; left: Twips; right: Twips };
  source?: SourcePos;
}

export interface Row {
  cells: Cell[];
  /** The row must not be split across pages. */
  cantSplit: boolean;
  /**
   * Optional (added with the score table): keep this row on the same page as the next row, so a
   * criterion's heading row never ends a page without its first option. Absent = false.
   */
  keepNext?: boolean;
  /** Emphasis of the whole row is expressed in the runs; this only records what kind of row it is. */
  role?: "header" | "criterion" | "group" | "leaf" | "option" | "total" | "body";
}

export interface Cell {
  blocks: Block[];
  /** Number of grid columns this cell spans (default 1). */
  colSpan?: number;
  /** Number of rows this cell spans (default 1); covered cells are omitted from the following rows. */
  rowSpan?: number;
  vAlign: "top" | "center" | "bottom";
}

// ---- helpers shared by compose and the writers ----

export const A4: { width: Twips; height: Twips } = { width: 11906, height: 16838 };

export function mmToTwips(mm: number): Twips {
  return Math.round((mm * 1440) / 25.4);
}

/** The plain text of a run sequence, breaks as "\n" (page numbers as "#"). */
export function inlineText(runs: readonly Inline[]): string {
  return runs.map((r) => (r.kind === "text" ? r.text : r.kind === "break" ? "\n" : "#")).join("");
}

/**
 * Text measurement, injected into compose (rule lengths) and the PDF layout engine (line breaking), so
 * both are testable without fonts. Returns the advance width of `text` set in `style`, in points.
 */
export type MeasureText = (text: string, style: RunStyle) => number;
