/**
 * The NĐ 30 header block (ô 1–4) as a borderless two-column table:
 *
 *   UBND TỈNH QUẢNG NGÃI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *        VĂN PHÒNG                    Độc lập - Tự do - Hạnh phúc
 *        ───────                      ───────────────────────────
 *     Số: 1880/BC-VP             Quảng Ngãi, ngày 19 tháng 11 năm 2021
 *
 * Electronic (NĐ 30 Phụ lục I): "Số:         /BC-VP" and "Quảng Ngãi, ngày         tháng         năm 2021",
 * the number, the day and the month left blank (no-break spaces, vi-format.ts HAND_BLANK) for the
 * document system, the two paragraphs marked as the "number" and "date" slots.
 *
 * Two rows, so "Số" and the date share a line however many lines the agency names take. The right
 * column is as wide as its widest line needs (measured) and at least 55 % of the text width; the left
 * column gets the rest. The rules are sized from the measured text: 40 % of the issuing agency's
 * (longest) line, and exactly the motto's width. The Số/date row is left out for the score table,
 * as the seed's attached table has none.
 */
import type { Block, MeasureText, RunStyle, Table, Twips } from "../document/model.js";
import type { Assessment } from "../model/assessment.js";
import { cell, line, linesParagraph, row, table } from "./blocks.js";
import { balancedLines, widthTwips } from "./text-fit.js";
import { GAP, MOTTO, NATIONAL_NAME, NO_PADDING, RULE, SIZE } from "./profile.js";
import { documentNumber, placeAndDate, upper } from "./vi-format.js";

export interface HeaderBlockOptions {
  measure: MeasureText;
  textWidth: Twips;
  /** Print "Số: …" and the place and date (the report), or not (the attached score table). */
  numberAndDate: boolean;
  /** An electronic document: number and date blank, their paragraphs marked as slots. */
  electronic?: boolean;
}

const STYLE = {
  superior: { size: SIZE.superior } satisfies RunStyle,
  agency: { size: SIZE.agency, bold: true } satisfies RunStyle,
  nationalName: { size: SIZE.nationalName, bold: true } satisfies RunStyle,
  motto: { size: SIZE.motto, bold: true } satisfies RunStyle,
  number: { size: SIZE.number } satisfies RunStyle,
  placeDate: { size: SIZE.placeDate, italic: true } satisfies RunStyle,
};

/** Slack added to measured widths so a line never wraps on a rounding difference between renderers. */
const SLACK: Twips = 160;

export function headerColumns(a: Assessment, opts: HeaderBlockOptions): [Twips, Twips] {
  const m = opts.measure;
  let right = Math.max(widthTwips(m, NATIONAL_NAME, STYLE.nationalName), widthTwips(m, MOTTO, STYLE.motto));
  if (opts.numberAndDate) right = Math.max(right, widthTwips(m, placeAndDate(a.report.place, a.report.date, !!opts.electronic), STYLE.placeDate));
  right = Math.max(right + SLACK, Math.ceil(opts.textWidth * 0.55));
  right = Math.min(right, opts.textWidth - Math.ceil(opts.textWidth * 0.3));
  return [opts.textWidth - right, right];
}

export function headerBlock(a: Assessment, opts: HeaderBlockOptions): Table {
  const m = opts.measure;
  const [left, right] = headerColumns(a, opts);
  const source = a.report.source;
  const centred = { align: "center" as const, spaceBefore: 0, spaceAfter: 0, lineSpacing: 1 };

  // Long agency names wrap in their column (nd30 B allows it): over balanced lines, the rule sized
  // from the longest of them.
  const agencyLines = balancedLines(m, upper(a.unit.agency), STYLE.agency, left);
  const agencyLine = Math.max(0, ...agencyLines.map((l) => widthTwips(m, l, STYLE.agency)));
  const leftTop: Block[] = [];
  if (a.unit.superior) leftTop.push(linesParagraph(balancedLines(m, upper(a.unit.superior), STYLE.superior, left), STYLE.superior, centred, { source }));
  leftTop.push(
    linesParagraph(agencyLines, STYLE.agency, centred, {
      rule: { width: Math.round(agencyLine * RULE.agencyRatio), thickness: RULE.thickness },
      source,
    }),
  );

  const rightTop: Block[] = [
    line(NATIONAL_NAME, STYLE.nationalName, centred),
    line(MOTTO, STYLE.motto, centred, { rule: { width: widthTwips(m, MOTTO, STYLE.motto), thickness: RULE.thickness } }),
  ];

  const rows = [row([cell(leftTop), cell(rightTop)], true)];
  if (opts.numberAndDate) {
    const r = a.report;
    const below = { ...centred, spaceBefore: GAP.numberRow };
    const e = !!opts.electronic;
    // Slots only in electronic mode: a paper document's model stays as it was.
    const number = e ? { source, slot: "number" as const } : { source };
    const date = e ? { source, slot: "date" as const } : { source };
    rows.push(
      row(
        [
          cell([line(`Số: ${documentNumber(r.number, r.symbol, e)}`, STYLE.number, below, number)]),
          cell([line(placeAndDate(r.place, r.date, e), STYLE.placeDate, below, date)]),
        ],
        true,
      ),
    );
  }
  return table([left, right], rows, { borders: null, headerRows: 0, padding: { ...NO_PADDING }, source });
}
