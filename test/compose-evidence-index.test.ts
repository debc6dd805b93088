/**
 * The evidence index (danh mục hồ sơ kiểm chứng) and the pack's cover, on the real example with a
 * hand-built plan (test/fixtures/compose/evidence-plan.ts): the model's text, then both laid out and
 * written through the real writers with the real fonts. CHAMDIEM_KEEP_RENDERS=<dir> keeps the PDFs and
 * their pages as PNGs (pdftoppm) to look at.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { attachmentHead } from "../src/compose/attachment.js";
import { aboutSummary, composeEvidenceCover, coverCounts, coverReference, estimateHeight } from "../src/compose/evidence-cover.js";
import { citedPages, composeEvidenceIndex, criterionHeading, documentText, EVIDENCE_INDEX_TITLE, NO_EVIDENCE } from "../src/compose/evidence-index.js";
import { composeScoreTable } from "../src/compose/index.js";
import { textWidth } from "../src/compose/page-setup.js";
import { balancedLines, balancedLinesKeeping, widthTwips } from "../src/compose/text-fit.js";
import { inlineText, type DocModel, type Paragraph, type Row, type Table } from "../src/document/model.js";
import { createLayoutFonts, loadFontSet } from "../src/fonts/index.js";
import { layoutDocument, type TextFrame } from "../src/layout/index.js";
import { writeDocx } from "../src/write/docx/index.js";
import { renderPdf } from "../src/write/pdf/index.js";
import { allParagraphs, findParagraph, paragraphs, tables, text } from "./fixtures/compose/model-query.js";
import { exampleOptions } from "./fixtures/compose/example.js";
import { fakeMeasure } from "./fixtures/compose/scored.js";
import { emptyPlan, examplePlan, smallPlan } from "./fixtures/compose/evidence-plan.js";
import { loadExampleScored } from "./helpers/example.js";

const cellText = (r: Row, i: number) => paragraphs(r.cells[i]!.blocks).map(text).join("\n");
const rowTexts = (r: Row) => r.cells.map((_, i) => cellText(r, i));
const indexTable = (doc: DocModel): Table => tables(doc)[1]!;

describe("evidence index: the model", () => {
  const scored = loadExampleScored();
  const opts = exampleOptions();
  const { doc, diagnostics } = composeEvidenceIndex(scored, smallPlan(), opts);
  const rows = indexTable(doc).rows;

  it("A4 portrait, page numbers from page 2, no diagnostics", () => {
    expect(diagnostics).toEqual([]);
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]!.page).toMatchObject({ width: 11906, height: 16838, orientation: "portrait" });
    expect(doc.sections[0]!.pageNumber?.hideOnFirstPage).toBe(true);
  });

  it("the score table's head: agency block without Số and date, the title, the Kèm theo line", () => {
    const a = scored.assessment;
    const width = textWidth(doc.sections[0]!.page);
    // The same blocks attachmentHead gives, which the score table's head is made by too.
    expect(doc.sections[0]!.blocks.slice(0, 3)).toEqual(attachmentHead(a, EVIDENCE_INDEX_TITLE, a.report.source, opts.measure, width));
    const header = tables(doc)[0]!;
    expect(header.rows).toHaveLength(1);
    expect(paragraphs(header.rows[0]!.cells[0]!.blocks).map(text)).toEqual(["UBND TỈNH QUẢNG NGÃI", "VĂN PHÒNG"]);
    expect(text(findParagraph(doc, EVIDENCE_INDEX_TITLE)).length).toBeGreaterThan(0);
    const attached = findParagraph(doc, /^\(Kèm theo/);
    expect(text(attached).replace(/\n/g, " ")).toBe("(Kèm theo Báo cáo số 1880/BC-VP ngày 19 tháng 11 năm 2021 của Văn phòng UBND tỉnh)");
    expect(attached.runs.every((r) => r.style.italic)).toBe(true);
    // The score table's Kèm theo line is the same text.
    const table = composeScoreTable(scored, opts).doc;
    expect(text(findParagraph(table, /^\(Kèm theo/)).replace(/\n/g, " ")).toBe(text(attached).replace(/\n/g, " "));
  });

  it("rows: the header, then per criterion in rubric order a group row and its documents, STT running on", () => {
    expect(rows.map(rowTexts)).toEqual([
      ["STT", "Văn bản", "Tệp", "Số trang", "Trang trong hồ sơ"],
      ["Tiêu chí 1.1.1: Ban hành Kế hoạch thực hiện công tác dân vận hàng năm"],
      [
        "1",
        "Nghị quyết số 1785/NQ-VP ngày 31/12/2020 — về Hội nghị cán bộ, công chức và người lao động năm 2020",
        "1785_NQ-VP -- nghi quyet hoi nghi.pdf",
        "3",
        "tr. 1",
      ],
      ["2", "Quyết định số 159/QĐ-UBND ngày 28/01/2020", "159_QĐ-UBND.pdf", "5 (tr. 3–5)", "tr. 4"],
      ["Tiêu chí 1.2.1: Xây dựng Quy chế công tác dân vận"],
      ["3", "Quyết định số 620/QĐ-UBND ngày 29/4/2021", "620_QĐ-UBND.pdf", "12", "tr. 9"],
      ["4", "anh-hoi-nghi.jpg", "anh-hoi-nghi.jpg", "1", "tr. 21"],
      ["Tiêu chí 2.2: Rà soát sửa đổi, bổ sung kịp thời các văn bản liên quan quyền, lợi ích, nguyện vọng của đại bộ phận nhân dân"],
      ["5", "Quyết định số 620/QĐ-UBND ngày 29/4/2021", "620_QĐ-UBND.pdf", "12", "tr. 9"],
      ["6", "Công văn số 971/VP-HCC ngày 07/7/2021", "971_VP-HCC.pdf", "—", "—1"],
    ]);
    expect(rows.map((r) => r.role)).toEqual(["header", "group", "body", "body", "group", "body", "body", "group", "body", "body"]);
  });

  it("the header row repeats on every page; group rows span the table, bold, kept with their first document", () => {
    const t = indexTable(doc);
    expect(t.headerRows).toBe(1);
    expect(t.borders).not.toBeNull();
    expect(t.columns).toHaveLength(5);
    expect(t.columns.reduce((a, b) => a + b, 0)).toBe(textWidth(doc.sections[0]!.page));
    for (const r of rows.filter((x) => x.role === "group")) {
      expect(r.cells).toHaveLength(1);
      expect(r.cells[0]!.colSpan).toBe(5);
      expect(r.keepNext).toBe(true);
      expect((r.cells[0]!.blocks[0] as Paragraph).runs[0]!.style.bold).toBe(true);
    }
    expect(rows[1]!.cells[0]!.blocks[0]).toMatchObject({ source: { file: "content/rubrics/dvcq-qng-2021.yaml" } });
  });

  it("a document not in the pack: '—' with a superscript note mark, and the note under the table", () => {
    const mark = (rows[9]!.cells[4]!.blocks[0] as Paragraph).runs;
    expect(mark.map((r) => [r.kind === "text" ? r.text : "", r.style.vertAlign])).toEqual([
      ["—", undefined],
      ["1", "super"],
    ]);
    const blocks = doc.sections[0]!.blocks;
    const note = blocks[blocks.length - 1] as Paragraph;
    expect(note.kind).toBe("paragraph");
    expect(inlineText(note.runs)).toBe("1 Tệp PDF có mật khẩu hoặc bị hạn chế quyền, không ghép vào hồ sơ được.");
    // A row's text points at its file (layout warnings name it).
    expect(rows[9]!.cells[1]!.blocks[0]).toMatchObject({ source: { file: "content/evidence/2021/van-phong-ubnd-tinh/971_VP-HCC.pdf", line: 1 } });
  });

  it("the empty plan: one sentence instead of the table", () => {
    const empty = composeEvidenceIndex(scored, emptyPlan(), opts).doc;
    expect(tables(empty)).toHaveLength(1); // the header block only
    const last = empty.sections[0]!.blocks.at(-1) as Paragraph;
    expect(text(last)).toBe(NO_EVIDENCE);
    expect(NO_EVIDENCE).toBe("Không có hồ sơ kiểm chứng.");
  });

  it("a criterion the rubric lacks is headed by the plan's id and label", () => {
    expect(criterionHeading(scored, "1.1.1", "ignored")).toBe("Tiêu chí 1.1.1: Ban hành Kế hoạch thực hiện công tác dân vận hàng năm");
    expect(criterionHeading(scored, "9.9.9", "Tiêu chí lạ")).toBe("Tiêu chí 9.9.9: Tiêu chí lạ");
    expect(criterionHeading(scored, "9.9.9", "")).toBe("Tiêu chí 9.9.9");
  });

  it("pages cited and the document's text", () => {
    expect(citedPages("3-5")).toBe("tr. 3–5");
    expect(citedPages(" 12 ")).toBe("tr. 12");
    expect(citedPages("3 - 5,8")).toBe("tr. 3–5, 8");
    expect(citedPages("Điều 4")).toBe("Điều 4");
    expect(documentText(smallPlan().documents[0]!)).toBe("Nghị quyết số 1785/NQ-VP ngày 31/12/2020 — về Hội nghị cán bộ, công chức và người lao động năm 2020");
  });
});

describe("balancedLinesKeeping: a date is never split over two lines", () => {
  const t = "(Kèm theo Báo cáo số 1880/BC-VP ngày 19 tháng 11 năm 2021 của Văn phòng UBND tỉnh)";
  const keep = "ngày 19 tháng 11 năm 2021";
  const style = { size: 14, italic: true };
  const splits = (lines: string[]) => !lines.some((l) => l.includes(keep));

  it("at every width the date fits (3800 twips up), the lines are the text's, the date on one of them, each within the width", () => {
    let plainSplit = 0;
    for (let w = 3800; w <= 12000; w += 100) {
      const lines = balancedLinesKeeping(fakeMeasure, t, style, w, keep);
      expect(lines.join(" ")).toBe(t);
      expect(splits(lines), `width ${w}: ${lines.join(" | ")}`).toBe(false);
      for (const l of lines) expect(widthTwips(fakeMeasure, l, style)).toBeLessThanOrEqual(w);
      if (splits(balancedLines(fakeMeasure, t, style, w))) plainSplit++;
    }
    // Without binding, some widths do split it (the test means something).
    expect(plainSplit).toBeGreaterThan(0);
  });

  it("a date wider than the width, or absent, leaves the lines as balancedLines gives them", () => {
    expect(balancedLinesKeeping(fakeMeasure, t, style, 2000, keep)).toEqual(balancedLines(fakeMeasure, t, style, 2000));
    expect(balancedLinesKeeping(fakeMeasure, t, style, 5000, "ngày 20 tháng 11")).toEqual(balancedLines(fakeMeasure, t, style, 5000));
  });
});

describe("evidence cover: the model", () => {
  const scored = loadExampleScored();
  const opts = exampleOptions();
  const { doc, diagnostics } = composeEvidenceCover(scored, smallPlan(), opts);
  const texts = allParagraphs(doc).map((p) => text(p).replace(/\n/g, " "));

  it("agency block and national name, the title, the reference, the unit, the year, counts, place and year", () => {
    expect(diagnostics).toEqual([]);
    expect(doc.sections[0]!.page.orientation).toBe("portrait");
    expect(doc.sections[0]!.pageNumber).toBeUndefined();
    expect(texts).toEqual([
      "UBND TỈNH QUẢNG NGÃI",
      "VĂN PHÒNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "HỒ SƠ KIỂM CHỨNG",
      "Kèm theo Báo cáo số 1880/BC-VP ngày 19/11/2021 của Văn phòng UBND tỉnh về tự đánh giá, chấm điểm công tác dân vận chính quyền của Văn phòng UBND tỉnh",
      "Cơ quan, đơn vị: Văn phòng UBND tỉnh",
      "Năm đánh giá: 2021",
      "Gồm 4 văn bản, 21 trang (1 văn bản chưa đưa vào hồ sơ: xem Danh mục)",
      "Quảng Ngãi, năm 2021",
    ]);
  });

  it("counts, the summary as it follows 'của …', the reference", () => {
    const plan = smallPlan();
    plan.documents[4]!.start = 22;
    expect(coverCounts(plan)).toBe("Gồm 5 văn bản, 21 trang");
    expect(coverCounts(emptyPlan())).toBe("Không có hồ sơ kiểm chứng.");
    expect(aboutSummary("Tự đánh giá, chấm điểm.")).toBe("về tự đánh giá, chấm điểm");
    expect(aboutSummary("UBND tỉnh tự chấm")).toBe("về UBND tỉnh tự chấm");
    expect(aboutSummary("Về công tác dân vận")).toBe("về công tác dân vận");
    expect(coverReference(scored.assessment)).toMatch(/^Kèm theo Báo cáo số 1880\/BC-VP ngày 19\/11\/2021 của Văn phòng UBND tỉnh về tự/);
  });

  it("the foot line's space fills the page by the estimate, never less than the gap between lines", () => {
    const page = doc.sections[0]!.page;
    const foot = doc.sections[0]!.blocks.at(-1) as Paragraph;
    const est = estimateHeight(doc.sections[0]!.blocks, opts.measure, textWidth(page));
    // Everything, the foot's space included, is estimated to end 400 twips (COVER.footSafety) above the bottom margin.
    expect(est).toBe(page.height - page.margin.top - page.margin.bottom - 400);
    expect(foot.style.spaceBefore).toBeGreaterThan(2000);
  });
});

describe("both laid out and written with the real fonts", () => {
  const scored = loadExampleScored();
  const opts = exampleOptions();
  const fontSet = loadFontSet(readFileSync);
  const fonts = createLayoutFonts(fontSet);
  const keep = process.env.CHAMDIEM_KEEP_RENDERS;
  const lineTexts = (items: readonly { kind: string }[]) => (items.filter((f) => f.kind === "text") as TextFrame[]).map((f) => f.text);

  async function write(name: string, doc: DocModel): Promise<void> {
    const pdf = await renderPdf(doc, fontSet);
    expect(pdf.warnings).toEqual([]);
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe("%PDF-");
    const docx = await writeDocx(doc);
    const xml = strFromU8(unzipSync(docx)["word/document.xml"]!);
    // Word repeats the header row too; the cover has no table header.
    expect(xml.includes("<w:tblHeader/>")).toBe(doc.sections[0]!.pageNumber !== undefined && tables(doc).length > 1);
    if (keep) {
      writeFileSync(join(keep, `${name}.pdf`), pdf.bytes);
      writeFileSync(join(keep, `${name}.docx`), docx);
      execFileSync("pdftoppm", ["-png", "-r", "60", join(keep, `${name}.pdf`), join(keep, name)]);
    }
  }

  it("the small index: one page, no layout warnings", async () => {
    const { doc } = composeEvidenceIndex(scored, smallPlan(), opts);
    const layout = layoutDocument(doc, fonts);
    expect(layout.warnings).toEqual([]);
    expect(layout.pages).toHaveLength(1);
    await write("danh-muc-nho", doc);
  });

  it("the example's index (every cited document): several pages, the header row on each, no warnings", async () => {
    const plan = examplePlan(scored);
    expect(plan.documents.length).toBeGreaterThan(40);
    const { doc } = composeEvidenceIndex(scored, plan, opts);
    const layout = layoutDocument(doc, fonts);
    expect(layout.warnings).toEqual([]);
    expect(layout.pages.length).toBeGreaterThan(1);
    for (const p of layout.pages) expect(lineTexts(p.items)).toContain("STT");
    // No page ends on a criterion's group row.
    for (const p of layout.pages.slice(0, -1)) {
      const last = (p.items.filter((f) => f.kind === "text") as TextFrame[]).sort((a, b) => a.y - b.y).at(-1)!;
      expect(last.text.startsWith("Tiêu chí"), `page ${p.number} ends on ${last.text}`).toBe(false);
    }
    await write("danh-muc-vi-du", doc);
  });

  it("the empty index: one page, no warnings", async () => {
    const { doc } = composeEvidenceIndex(scored, emptyPlan(), opts);
    const layout = layoutDocument(doc, fonts);
    expect(layout.warnings).toEqual([]);
    expect(layout.pages).toHaveLength(1);
    await write("danh-muc-trong", doc);
  });

  it("the cover: one page, the place and year in the bottom tenth of the page", async () => {
    const { doc } = composeEvidenceCover(scored, examplePlan(scored), opts);
    const layout = layoutDocument(doc, fonts);
    expect(layout.warnings).toEqual([]);
    expect(layout.pages).toHaveLength(1);
    const page = layout.pages[0]!;
    const foot = (page.items.filter((f) => f.kind === "text") as TextFrame[]).find((f) => f.text === "Quảng Ngãi, năm 2021")!;
    expect(foot).toBeDefined();
    expect(foot.y).toBeLessThanOrEqual(page.body.bottom);
    expect(foot.y).toBeGreaterThan(page.body.bottom - (page.body.bottom - page.body.top) / 10);
    await write("bia", doc);
  });
});
