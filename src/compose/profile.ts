/**
 * The layout profile: every size, margin and spacing the composed documents use, in one place.
 * Values follow the rules of docs/nd30.md ("nd30 X" below is its section X), each chosen strictly
 * inside the decree's ranges so that rounding can never push one out. Lengths in twips, sizes in
 * points. Changing a value here changes both the .docx and the PDF, which read the same DocModel.
 */
import { mmToTwips, type Twips } from "../document/model.js";

export const FONT = "Times New Roman";
export const LANGUAGE = "vi-VN";

/** Quốc hiệu and Tiêu ngữ: generated from these constants, never from the input (nd30 B). */
export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/**
 * Margins (nd30 A: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm). The right margin is 16 mm, not
 * 15: 15 mm is 850.39 twips and 850 twips would be 14.99 mm, a hair outside the range.
 */
export const MARGIN = {
  top: mmToTwips(20),
  bottom: mmToTwips(20),
  left: mmToTwips(30),
  right: mmToTwips(16),
} as const;

/** Distance from the top edge to the page-number header (inside the 20 mm top margin). */
export const HEADER_DISTANCE: Twips = mmToTwips(10);

/** Font sizes in points (nd30 B–F, I; the fixed ones are fixed by the decree). */
export const SIZE = {
  nationalName: 13, // 12–13
  motto: 14, // 13–14
  superior: 13, // 12–13
  agency: 13, // 12–13
  number: 13, // fixed 13
  placeDate: 14, // 13–14
  docType: 14, // 13–14
  summary: 14, // 13–14
  addressee: 14, // 13–14
  body: 14, // 13–14
  signer: 14, // 13–14
  recipientsHeading: 12, // fixed 12
  recipients: 11, // fixed 11
  pageNumber: 14, // 13–14
  tableTitle: 14, // 13–14
  attachedTo: 14, // 13–14 ("Kèm theo" line)
  table: 12, // not regulated; 12 keeps the long justifications readable in landscape
  notes: 13,
} as const;

/** Body paragraphs (nd30 D): justified, first line 1.27 cm, 6 pt after (never split over before/after), 1–1.5 lines. */
export const BODY = {
  firstLine: 720 as Twips,
  spaceAfter: 120 as Twips,
  lineSpacing: 1.2,
  /** Extra first-line indent per nested Markdown list level. */
  listIndent: 360 as Twips,
  /** Left indent of a Markdown block quote. */
  quoteIndent: 567 as Twips,
} as const;

/**
 * Horizontal rules (nd30 B, C): the agency rule and the summary rule are 40 % of the measured text line
 * (the decree says 1/3–1/2); the motto rule is exactly the motto's measured width. Thickness is not
 * regulated: ¾ pt, Word's usual thin line.
 */
export const RULE = {
  thickness: 0.75,
  agencyRatio: 0.4,
  summaryRatio: 0.4,
  /** The short rule under the score table's "Kèm theo" line, relative to the title line. */
  attachedRatio: 0.4,
  /** A Markdown thematic break: a third of the available width. */
  thematicRatio: 1 / 3,
} as const;

/** Vertical gaps (not regulated, nd30 N): each gap sits in one paragraph's before or after, never both. */
export const GAP = {
  /** Between the header's agency/motto rows and the "Số"/date row. */
  numberRow: 120 as Twips,
  /** Above "BÁO CÁO" / the score table title. */
  title: 360 as Twips,
  /** After the summary rule, before "Kính gửi" or the body. */
  afterSummary: 240 as Twips,
  /** Above the signature / Nơi nhận block. */
  signature: 120 as Twips,
  /** Room for the handwritten signature and the seal, between the signer's position and name. */
  signatureRoom: mmToTwips(28),
  /** Between paragraphs inside a table cell. */
  cellParagraph: 60 as Twips,
} as const;

/** Cell padding of ruled tables (the score table and Markdown tables). Layout tables have none. */
export const CELL_PADDING = { top: 40, bottom: 40, left: 85, right: 85 } as const;
export const NO_PADDING = { top: 0, bottom: 0, left: 0, right: 0 } as const;
/** Line width of ruled tables, in points (Word's "½ pt"). */
export const TABLE_BORDER = 0.5;

/**
 * The evidence pack's cover (not regulated: a cover is no NĐ 30 document). Sizes in points, gaps in
 * twips; `lineEm` is the height of a line as a multiple of its size used to place the place-and-year
 * line at the foot of the page (a little more than Times New Roman's 1,15, so the estimate errs high and
 * the line stays on the page).
 */
export const COVER = {
  title: 20,
  text: 14,
  /** From the header block down to "HỒ SƠ KIỂM CHỨNG". */
  aboveTitle: mmToTwips(55),
  /** From the title down to the "Kèm theo" line. */
  belowTitle: 240 as Twips,
  /** From the "Kèm theo" line's rule down to the unit. */
  aboveFacts: mmToTwips(25),
  /** Between the unit, the year and the counts. */
  betweenFacts: 120 as Twips,
  /** The "Kèm theo" line is set narrower than the text width, as a centred block. */
  attachedRatio: 0.85,
  lineEm: 1.25,
  /** Kept free under the estimated content, so a renderer's taller lines never push the foot line over. */
  footSafety: 400 as Twips,
} as const;
