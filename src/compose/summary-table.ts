/**
 * The consolidated table (Biểu tổng hợp) of `chamdiem summary`: A4 landscape; the NĐ 30 header block
 * of the appraising agency (e.g. UBND TỈNH QUẢNG NGÃI / SỞ NỘI VỤ beside the national name and motto,
 * without Số and date, as the attached score table); the title derived from the rubric's
 * ("BIỂU CHẤM ĐIỂM …" → "BIỂU TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM …"); one ruled row per unit with its rank,
 * header row repeated on every page; the counts per class below. Built from the same blocks, profile
 * and header as the score table, so both writers print it the same way. Pure.
 */
import type { Block, Cell, DocMeta, DocModel, MeasureText, Row, RunStyle, Twips } from "../document/model.js";
import type { Assessment } from "../model/assessment.js";
import type { NumberFormat } from "../model/points.js";
import type { SummaryGroup } from "../score/consolidate.js";
import { labels, rowNote } from "./labels.js";
import { SUMMARY_SCORE_KEYS, summaryColumns, type SummaryColumn, type SummaryColumnKey } from "./summary-columns.js";
import { cell, line, linesParagraph, row, table } from "./blocks.js";
import { headerBlock } from "./header-block.js";
import { balancedLines, widthTwips } from "./text-fit.js";
import { a4, PAGE_NUMBER, textWidth } from "./page-setup.js";
import { CELL_PADDING, FONT, GAP, LANGUAGE, RULE, SIZE, TABLE_BORDER } from "./profile.js";
import { maximumText, tableScore } from "./vi-format.js";

export interface SummaryIssuer {
  /** The issuing agency, e.g. "Sở Nội vụ". */
  agency: string;
  superior?: string;
}

export interface SummaryComposeOptions {
  measure: MeasureText;
  numbers: NumberFormat;
  /** ISO timestamp for the document's metadata (never the clock). */
  date: string;
  issuer: SummaryIssuer;
}

const S = {
  regular: { size: SIZE.table } satisfies RunStyle,
  bold: { size: SIZE.table, bold: true } satisfies RunStyle,
  italic: { size: SIZE.table, italic: true } satisfies RunStyle,
  title: { size: SIZE.tableTitle, bold: true } satisfies RunStyle,
  subtitle: { size: SIZE.attachedTo, italic: true } satisfies RunStyle,
};
const CELL_PARA = { spaceBefore: 0, spaceAfter: 0, lineSpacing: 1 };

export function summaryTitleText(group: SummaryGroup): string {
  const t = group.rubric.title.replaceAll("{year}", String(group.year));
  // "BIỂU CHẤM ĐIỂM …" → "BIỂU TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM …"; "BẢNG ĐIỂM …" → "BẢNG TỔNG HỢP KẾT QUẢ ĐIỂM …".
  const m = /^(BIỂU|BẢNG)\s+/u.exec(t);
  return m ? `${m[1]} TỔNG HỢP KẾT QUẢ ${t.slice(m[0].length)}` : `BIỂU TỔNG HỢP KẾT QUẢ ${t}`;
}

export function composeSummaryTable(group: SummaryGroup, opts: SummaryComposeOptions): DocModel {
  const L = labels("vi");
  const page = a4("landscape");
  const width = textWidth(page);
  // headerBlock reads only the unit's agency names (and the report's position) when the Số/date row is off.
  const issuer = {
    unit: { name: opts.issuer.agency, agency: opts.issuer.agency, ...(opts.issuer.superior ? { superior: opts.issuer.superior } : {}) },
    report: { source: group.rubric.source, place: "", date: "" },
  } as unknown as Assessment;

  const columns = summaryColumnWidths(summaryColumns(group, L), width);
  const cols = summaryColumns(group, L);
  const center = { ...CELL_PARA, align: "center" as const };
  const left = { ...CELL_PARA, align: "left" as const };
  const num = (v: number | undefined) => (v === undefined ? "" : tableScore(v, opts.numbers));
  const c = (text: string, style: RunStyle, align: typeof center | typeof left): Cell => cell([line(text, style, align)], "center");
  const rows: Row[] = [
    row(
      cols.map((h) => c(h.label, S.bold, center)),
      true,
      "header",
    ),
  ];
  group.rows.forEach((r, i) => {
    rows.push(
      row(
        cols.map((col) => {
          switch (col.key) {
            case "stt":
              return c(String(i + 1), S.regular, center);
            case "unit":
              return c(r.unit, S.regular, left);
            case "self":
              return c(num(r.self), S.regular, center);
            case "appraised":
              return c(num(r.appraised), S.regular, center);
            case "used":
              return c(num(r.used), S.bold, center);
            case "percent":
              return c(num(r.percent), S.regular, center);
            case "classification":
              return c(r.classification ?? "", S.regular, center);
            case "rank":
              return c(r.rank === undefined ? "" : String(r.rank), S.bold, center);
            case "note":
              return c(rowNote(r, L), S.italic, left);
          }
        }),
        true,
        "body",
      ),
    );
  });

  const title = summaryTitleText(group);
  const titleLines = balancedLines(opts.measure, title, S.title, width);
  const titleLine = Math.max(0, ...titleLines.map((l) => widthTwips(opts.measure, l, S.title)));
  const blocks: Block[] = [
    headerBlock(issuer, { measure: opts.measure, textWidth: width, numberAndDate: false }),
    linesParagraph(
      titleLines,
      S.title,
      { align: "center", spaceBefore: GAP.title, spaceAfter: 0, lineSpacing: 1, keepNext: true },
      { source: group.rubric.source },
    ),
    line(
      `(${L.unitsCount(group.rows.length)}; điểm tối đa ${maximumText(group.max, group.rubric.bonusMax, opts.numbers)})`,
      S.subtitle,
      { align: "center", spaceAfter: GAP.afterSummary, lineSpacing: 1, keepNext: true },
      {
        rule: { width: Math.round(titleLine * RULE.attachedRatio), thickness: RULE.thickness },
      },
    ),
    table(columns, rows, { borders: { width: TABLE_BORDER }, headerRows: 1, padding: { ...CELL_PADDING }, source: group.rubric.source }),
  ];
  if (group.counts.length) {
    const counts = group.counts.map((k) => `${k.label}: ${k.count}`).join("; ");
    blocks.push(line(`${L.counts}: ${counts}.`, { size: SIZE.notes }, { align: "justify", spaceBefore: GAP.numberRow, spaceAfter: 0, lineSpacing: 1 }));
  }
  const meta: DocMeta = {
    title,
    subject: `${L.summaryTitle(group.rubric.id, group.year)}`,
    author: opts.issuer.agency,
    language: LANGUAGE,
    date: opts.date,
    font: FONT,
  };
  return { meta, sections: [{ page, pageNumber: { ...PAGE_NUMBER }, blocks }] };
}

/** STT and scores narrow, the unit name and the note wide; all columns fill the text width. */
function summaryColumnWidths(cols: readonly SummaryColumn[], width: Twips): Twips[] {
  const fixed: Partial<Record<SummaryColumnKey, number>> = { stt: 0.05, classification: 0.12, rank: 0.07 };
  const widths = cols.map((c) => Math.round(width * (SUMMARY_SCORE_KEYS.has(c.key) ? 0.1 : (fixed[c.key] ?? 0))));
  const rest = width - widths.reduce((s, w) => s + w, 0);
  const unit = Math.round(rest * 0.62);
  return cols.map((c, i) => (c.key === "unit" ? unit : c.key === "note" ? rest - unit : widths[i]!));
}
