/** The score table's structure, on a hand-built scored assessment. */
import { describe, expect, it } from "vitest";
import { composeScoreTable } from "../src/compose/index.js";
import { widthTwips } from "../src/compose/text-fit.js";
import { textWidth } from "../src/compose/page-setup.js";
import { CELL_PADDING } from "../src/compose/profile.js";
import type { Paragraph, Row } from "../src/document/model.js";
import { findParagraph, paragraphs, tables, text } from "./fixtures/compose/model-query.js";
import { COMPOSE_OPTIONS, fakeMeasure, md, smallScored } from "./fixtures/compose/scored.js";
import { SCORE_TABLE_HEADERS } from "./fixtures/compose/score-table-headers.js";

const cellText = (r: Row, i: number) => paragraphs(r.cells[i]!.blocks).map(text).join("\n");
const rowTexts = (r: Row) => r.cells.map((_, i) => cellText(r, i));

describe("score table", () => {
  const scored = smallScored();
  const { doc, diagnostics } = composeScoreTable(scored, COMPOSE_OPTIONS);
  const section = doc.sections[0]!;
  const table = tables(doc)[1]!;
  const rows = table.rows;

  it("A4 landscape, page numbers from page 2, no diagnostics", () => {
    expect(diagnostics).toEqual([]);
    expect(section.page).toMatchObject({ width: 11906, height: 16838, orientation: "landscape" });
    expect(section.pageNumber?.hideOnFirstPage).toBe(true);
  });

  it("the header block has no Số and no date", () => {
    const header = tables(doc)[0]!;
    expect(header.rows).toHaveLength(1);
    expect(paragraphs(header.rows[0]!.cells[0]!.blocks).map(text)).toEqual(["UBND TỈNH QUẢNG NGÃI", "VĂN PHÒNG"]);
  });

  it("title from the rubric with the year, then the italic Kèm theo line from the report's metadata", () => {
    const title = findParagraph(doc, "BIỂU CHẤM ĐIỂM CHỈ SỐ CÔNG TÁC DÂN VẬN NĂM 2021");
    expect(title.runs[0]!.style).toEqual({ size: 14, bold: true });
    const attached = findParagraph(doc, /^\(Kèm theo/);
    expect(text(attached).replace(/\n/g, " ")).toBe("(Kèm theo Báo cáo số 1880/BC-VP ngày 19 tháng 11 năm 2021 của Văn phòng UBND tỉnh)");
    expect(attached.runs.every((r) => r.style.italic)).toBe(true);
  });

  it("seven ruled columns over the text width; the header row repeats, bold and centred", () => {
    expect(table.columns).toHaveLength(7);
    expect(table.columns.reduce((a, b) => a + b, 0)).toBe(textWidth(section.page));
    expect(table.borders).not.toBeNull();
    expect(table.headerRows).toBe(1);
    expect(rowTexts(rows[0]!)).toEqual([...SCORE_TABLE_HEADERS]);
    for (const c of rows[0]!.cells) {
      const p = c.blocks[0] as Paragraph;
      expect(p.style.align).toBe("center");
      expect(p.runs[0]!.style.bold).toBe(true);
    }
    expect(rows[0]!.cantSplit).toBe(true);
  });

  it("'3.1.2' and '10,00' fit their columns without wrapping", () => {
    const pad = CELL_PADDING.left + CELL_PADDING.right;
    for (const style of [{ size: 12 }, { size: 12, bold: true }, { size: 12, bold: true, italic: true }]) {
      expect(widthTwips(fakeMeasure, "3.1.2", style) + pad).toBeLessThanOrEqual(table.columns[0]!);
      for (const col of [2, 3, 5]) expect(widthTwips(fakeMeasure, "10,00", style) + pad).toBeLessThanOrEqual(table.columns[col]!);
    }
  });

  it("rows: criterion bold, group bold italic, leaf regular, options italic", () => {
    const roles = rows.map((r) => r.role);
    expect(roles).toEqual([
      "header",
      "criterion",
      "group",
      "leaf",
      "option",
      "option",
      "option",
      "leaf",
      "option",
      "option",
      "criterion",
      "leaf",
      "option",
      "option",
      "total",
    ]);
    const style = (r: Row, i: number) => (r.cells[i]!.blocks[0] as Paragraph).runs[0]!.style;
    expect(rowTexts(rows[1]!).slice(0, 4)).toEqual(["1", "TIÊU CHÍ 1", "5,00", "5,00"]);
    expect(style(rows[1]!, 1)).toEqual({ size: 12, bold: true });
    expect(style(rows[2]!, 1)).toEqual({ size: 12, bold: true, italic: true });
    expect(style(rows[3]!, 1)).toEqual({ size: 12 });
    expect(style(rows[4]!, 1)).toEqual({ size: 12, italic: true });
  });

  it("heading rows stay with the row after them: groups, and criteria with their first option", () => {
    expect(rows.filter((r) => r.keepNext).map((r) => r.role)).toEqual(["criterion", "group", "leaf", "leaf", "criterion", "leaf"]);
    expect(rows.filter((r) => r.role === "option").some((r) => r.keepNext)).toBe(false);
  });

  it("choice: the chosen option shows its points and the answer's justification beside it", () => {
    expect(rowTexts(rows[3]!)).toEqual(["1.1.1", "Ban hành Kế hoạch thực hiện công tác dân vận hàng năm", "3,00", "3,00", "", "", ""]);
    expect(rowTexts(rows[4]!)).toEqual([
      "",
      "Ban hành kịp thời và đủ các nội dung: 3,00",
      "",
      "3,00",
      "Công văn số 1562/VP-HCTC ngày 21/11/2020 (Quyết định số 159/QĐ-UBND).",
      "",
      "",
    ]);
    expect(rowTexts(rows[5]!)[3]).toBe("");
  });

  it("measure: the measured value is printed with the chosen option", () => {
    expect(cellText(rows[8]!, 4)).toBe("Tỷ lệ % hoàn thành kế hoạch: 100%\nKế hoạch số 29/KH-UBND ngày 09/02/2021.");
    expect(cellText(rows[8]!, 3)).toBe("2,00");
  });

  it("checklist: every ticked option shows its points and its own justification", () => {
    expect(rowTexts(rows[12]!).slice(1, 5)).toEqual(["Có văn bản công khai tài chính: 0,5", "", "0,50", "Quyết định số 161/QĐ-VP ngày 31/12/2020."]);
    expect(rowTexts(rows[13]!).slice(3, 5)).toEqual(["0,50", "Báo cáo tại Hội nghị cán bộ, công chức."]);
  });

  it("TỔNG ĐIỂM row spans STT and title, then the notes follow the table", () => {
    const total = rows.at(-1)!;
    expect(total.cells[0]!.colSpan).toBe(2);
    expect(rowTexts(total).slice(0, 3)).toEqual(["TỔNG ĐIỂM", "6,00", "6,00"]);
    const after = section.blocks.slice(section.blocks.indexOf(table) + 1) as Paragraph[];
    expect(after.map(text)).toEqual(scored.rubric.notes);
  });

  it("appraisal columns are filled from the scored model when present", () => {
    const s = smallScored();
    s.items[0]!.appraisal = { score: 450, opinion: md("Thiếu hồ sơ kiểm chứng.") };
    s.appraised = { total: 550 };
    const t = tables(composeScoreTable(s, COMPOSE_OPTIONS).doc)[1]!;
    expect(rowTexts(t.rows[1]!).slice(5)).toEqual(["4,50", "Thiếu hồ sơ kiểm chứng."]);
    expect(rowTexts(t.rows.at(-1)!)[4]).toBe("5,50");
  });

  it("short rows are kept whole; a row with a long justification may break", () => {
    expect(rows.every((r) => r.cantSplit)).toBe(true);
    const s = smallScored();
    const long = Array.from({ length: 40 }, (_, i) => `Văn bản số ${i + 1}/QĐ-VP ngày 01/01/2021 về việc triển khai.`).join(" ");
    s.items[0]!.children![0]!.children![0]!.justification = md(long);
    const t = tables(composeScoreTable(s, COMPOSE_OPTIONS).doc)[1]!;
    expect(t.rows[4]!.cantSplit).toBe(false);
    expect(t.rows[3]!.cantSplit).toBe(true);
  });

  it("justifications keep their Markdown, without report placeholders", () => {
    const s = smallScored();
    s.items[1]!.children![0]!.options![0]!.justification = md("Đạt **{{total}}** điểm");
    const { doc: d, diagnostics: ds } = composeScoreTable(s, COMPOSE_OPTIONS);
    expect(ds).toEqual([]);
    const p = findParagraph(d, "Đạt {{total}} điểm");
    expect(p.runs[1]).toMatchObject({ text: "{{total}}", style: { bold: true } });
  });
});
