/**
 * Title blocks. The report: "BÁO CÁO" (ô 5a) over the summary (trích yếu), both bold and centred,
 * with a short rule of 40 % of the summary's longest line. The score table: its title from the rubric
 * ("{year}" replaced) and the italic "(Kèm theo Báo cáo số … ngày … của …)" line, with a short rule
 * (attachmentTitle, which the evidence index uses too).
 */
import type { Block, MeasureText, RunStyle, Twips } from "../document/model.js";
import type { Assessment } from "../model/assessment.js";
import type { Rubric } from "../model/rubric.js";
import type { SourcePos } from "../model/source.js";
import { line, linesParagraph } from "./blocks.js";
import { balancedLines, balancedLinesKeeping, widthTwips } from "./text-fit.js";
import { GAP, RULE, SIZE } from "./profile.js";
import { documentDate, documentNumber } from "./vi-format.js";

const DOC_TYPE: RunStyle = { size: SIZE.docType, bold: true };
const SUMMARY: RunStyle = { size: SIZE.summary, bold: true };
const TABLE_TITLE: RunStyle = { size: SIZE.tableTitle, bold: true };
const ATTACHED: RunStyle = { size: SIZE.attachedTo, italic: true };

export const REPORT_TYPE = "BÁO CÁO";

/** A centred title over balanced lines, and the width of its longest line. */
function titleLines(measure: MeasureText, text: string, style: RunStyle, width: Twips, keep?: string): { lines: string[]; longest: Twips } {
  const lines = keep === undefined ? balancedLines(measure, text, style, width) : balancedLinesKeeping(measure, text, style, width, keep);
  return { lines, longest: Math.max(0, ...lines.map((l) => widthTwips(measure, l, style))) };
}

export function reportTitle(a: Assessment, measure: MeasureText, width: Twips): Block[] {
  const source = a.report.source;
  const summary = titleLines(measure, a.report.summary, SUMMARY, width);
  return [
    line(REPORT_TYPE, DOC_TYPE, { align: "center", spaceBefore: GAP.title, spaceAfter: 0, lineSpacing: 1, keepNext: true }, { source }),
    linesParagraph(
      summary.lines,
      SUMMARY,
      { align: "center", spaceAfter: GAP.afterSummary, lineSpacing: 1, keepNext: true },
      {
        rule: { width: Math.round(summary.longest * RULE.summaryRatio), thickness: RULE.thickness },
        source,
      },
    ),
  ];
}

/**
 * "Báo cáo số 1880/BC-VP ngày 19 tháng 11 năm 2021 của Văn phòng UBND tỉnh" (nd30 J). Electronic: the
 * number and the date left unfilled, "Báo cáo số         /BC-VP ngày         tháng         năm 2021 của …"
 * (an electronic appendix does not fill in its document's number and date: the system gives them).
 */
export function reportReference(a: Assessment, electronic = false): string {
  const r = a.report;
  return `Báo cáo số ${documentNumber(r.number, r.symbol, electronic)} ${documentDate(r.date, electronic)} của ${a.unit.name}`;
}

export function scoreTableTitleText(rubric: Rubric, year: number): string {
  return rubric.title.replaceAll("{year}", String(year));
}

/**
 * The title of a document attached to the report (nd30 J): `title` bold and centred over balanced
 * lines, then the italic "(Kèm theo Báo cáo số … ngày … của …)" line with a short rule sized from the
 * title. The score table and the evidence index share it.
 */
export function attachmentTitle(a: Assessment, titleText: string, source: SourcePos, measure: MeasureText, width: Twips, electronic = false): Block[] {
  const title = titleLines(measure, titleText, TABLE_TITLE, width);
  // The report's date is never split over two lines ("ngày 19 | tháng 11 năm 2021").
  const attached = titleLines(measure, `(Kèm theo ${reportReference(a, electronic)})`, ATTACHED, width, documentDate(a.report.date, electronic));
  return [
    linesParagraph(title.lines, TABLE_TITLE, { align: "center", spaceBefore: GAP.title, spaceAfter: 0, lineSpacing: 1, keepNext: true }, { source }),
    linesParagraph(
      attached.lines,
      ATTACHED,
      { align: "center", spaceAfter: GAP.afterSummary, lineSpacing: 1, keepNext: true },
      {
        rule: { width: Math.round(title.longest * RULE.attachedRatio), thickness: RULE.thickness },
        source: a.report.source,
      },
    ),
  ];
}
