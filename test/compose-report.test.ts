/** The cover report's structure, against the rules of docs/nd30.md, on a hand-built scored assessment. */
import { describe, expect, it } from "vitest";
import { composeReport, MOTTO, NATIONAL_NAME } from "../src/compose/index.js";
import { widthTwips } from "../src/compose/text-fit.js";
import { textWidth } from "../src/compose/page-setup.js";
import type { Paragraph, Table } from "../src/document/model.js";
import { findParagraph, paragraphs, tables, text } from "./fixtures/compose/model-query.js";
import { COMPOSE_OPTIONS, fakeMeasure, smallScored } from "./fixtures/compose/scored.js";
import { codes } from "./helpers/diagnostics.js";

const compose = (report = {}) => composeReport(smallScored(report), COMPOSE_OPTIONS);

describe("cover report", () => {
  const { doc, diagnostics } = compose();
  const section = doc.sections[0]!;

  it("composes without diagnostics, with meta from the options", () => {
    expect(diagnostics).toEqual([]);
    expect(doc.meta).toMatchObject({ date: "2021-11-19T00:00:00Z", language: "vi-VN", font: "Times New Roman", author: "Văn phòng UBND tỉnh" });
  });

  it("A4 portrait, margins inside the decree's ranges, page numbers hidden on page 1", () => {
    expect(section.page).toMatchObject({ width: 11906, height: 16838, orientation: "portrait" });
    const m = section.page.margin;
    const mm = (tw: number) => (tw * 25.4) / 1440;
    expect(mm(m.top)).toBeGreaterThanOrEqual(20);
    expect(mm(m.top)).toBeLessThanOrEqual(25);
    expect(mm(m.bottom)).toBeGreaterThanOrEqual(20);
    expect(mm(m.bottom)).toBeLessThanOrEqual(25);
    expect(mm(m.left)).toBeGreaterThanOrEqual(30);
    expect(mm(m.left)).toBeLessThanOrEqual(35);
    expect(mm(m.right)).toBeGreaterThanOrEqual(15);
    expect(mm(m.right)).toBeLessThanOrEqual(20);
    expect(section.pageNumber).toEqual({ size: 14, align: "center", hideOnFirstPage: true });
  });

  it("header block: borderless two columns over the text width", () => {
    const header = section.blocks[0] as Table;
    expect(header.kind).toBe("table");
    expect(header.borders).toBeNull();
    expect(header.columns).toHaveLength(2);
    expect(header.columns[0]! + header.columns[1]!).toBe(textWidth(section.page));
    // The national name fits its column on one line.
    expect(widthTwips(fakeMeasure, NATIONAL_NAME, { size: 13, bold: true })).toBeLessThanOrEqual(header.columns[1]!);
  });

  it("superior agency upper case regular; issuing agency upper case bold with a rule of 1/3–1/2 of it", () => {
    const sup = findParagraph(doc, "UBND TỈNH QUẢNG NGÃI");
    expect(sup.runs[0]!.style).toEqual({ size: 13 });
    const agency = findParagraph(doc, "VĂN PHÒNG");
    expect(agency.runs[0]!.style).toEqual({ size: 13, bold: true });
    const w = widthTwips(fakeMeasure, "VĂN PHÒNG", { size: 13, bold: true });
    expect(agency.rule!.width).toBeGreaterThanOrEqual(w / 3);
    expect(agency.rule!.width).toBeLessThanOrEqual(w / 2);
  });

  it("national name and motto are the exact constants, bold, the motto's rule exactly its width", () => {
    expect(NATIONAL_NAME).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(MOTTO).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(findParagraph(doc, NATIONAL_NAME).runs[0]!.style).toEqual({ size: 13, bold: true });
    const motto = findParagraph(doc, MOTTO);
    expect(motto.runs[0]!.style).toEqual({ size: 14, bold: true });
    expect(motto.rule!.width).toBe(widthTwips(fakeMeasure, MOTTO, { size: 14, bold: true }));
  });

  it("'Số:' and the italic place and date share the second header row", () => {
    const header = section.blocks[0] as Table;
    const [left, right] = header.rows[1]!.cells.map((c) => c.blocks[0] as Paragraph);
    expect(text(left!)).toBe("Số: 1880/BC-VP");
    expect(left!.runs[0]!.style).toEqual({ size: 13 });
    expect(text(right!)).toBe("Quảng Ngãi, ngày 19 tháng 11 năm 2021");
    expect(right!.runs[0]!.style).toEqual({ size: 14, italic: true });
  });

  it("numbers below 10 are zero-padded", () => {
    findParagraph(compose({ number: 7 }).doc, "Số: 07/BC-VP");
    findParagraph(compose({ date: "2021-02-03" }).doc, "Quảng Ngãi, ngày 03 tháng 02 năm 2021");
  });

  it("BÁO CÁO and the summary: bold, centred, a short rule under the summary", () => {
    const title = findParagraph(doc, "BÁO CÁO");
    expect(title.style.align).toBe("center");
    expect(title.runs[0]!.style).toEqual({ size: 14, bold: true });
    const summary = findParagraph(doc, /^Tự đánh giá/);
    expect(summary.style.align).toBe("center");
    expect(summary.runs.every((r) => r.style.bold)).toBe(true);
    const lines = text(summary).split("\n");
    const longest = Math.max(...lines.map((l) => widthTwips(fakeMeasure, l, { size: 14, bold: true })));
    expect(summary.rule!.width).toBeGreaterThanOrEqual(longest / 3);
    expect(summary.rule!.width).toBeLessThanOrEqual(longest / 2);
  });

  it("body: justified, first line 1.27 cm, 6 pt after (none before), 1–1.5 lines, 14 pt", () => {
    const p = findParagraph(doc, /^Văn phòng UBND tỉnh tự đánh giá/);
    expect(p.style).toMatchObject({ align: "justify", indentFirstLine: 720, spaceAfter: 120, spaceBefore: 0, size: 14 });
    expect(p.style.lineSpacing).toBeGreaterThanOrEqual(1);
    expect(p.style.lineSpacing).toBeLessThanOrEqual(1.5);
    expect(p.source).toMatchObject({ file: "assessment.yaml", line: 12 });
  });

  it("Nơi nhận: bold italic 12 pt heading, 11 pt items, ';' then '- Lưu: ….'", () => {
    const heading = findParagraph(doc, "Nơi nhận:");
    expect(heading.runs[0]!.style).toEqual({ size: 12, bold: true, italic: true });
    const sig = section.blocks[section.blocks.length - 1] as Table;
    const items = paragraphs(sig.rows[0]!.cells[0]!.blocks).slice(1);
    expect(items.map(text)).toEqual(["- CT, các PCT UBND tỉnh (b/cáo);", "- Sở Nội vụ;", "- Lưu: VT, HCQT_(hnb)."]);
    for (const p of items) expect(p.runs[0]!.style).toEqual({ size: 11 });
  });

  it("signer: position upper case bold, room for the signature, name bold; level with Nơi nhận", () => {
    const sig = section.blocks[section.blocks.length - 1] as Table;
    expect(sig.borders).toBeNull();
    const right = paragraphs(sig.rows[0]!.cells[1]!.blocks);
    expect(right.map(text)).toEqual(["CHÁNH VĂN PHÒNG", "Phạm Xuân Duệ"]);
    for (const p of right) expect(p.runs[0]!.style).toEqual({ size: 14, bold: true });
    expect(right[1]!.style.spaceBefore).toBeGreaterThanOrEqual(1134);
    const heading = paragraphs(sig.rows[0]!.cells[0]!.blocks)[0]!;
    expect(right[0]!.style.spaceBefore).toBe(heading.style.spaceBefore);
  });

  it("KT. prefix: authority line, then the signer's own position", () => {
    const { doc: d } = compose({ signer: { prefix: "KT.", authority: "Chánh Văn phòng", title: "Phó Chánh Văn phòng", name: "Nguyễn Văn A" } });
    const sig = d.sections[0]!.blocks.at(-1) as Table;
    expect(paragraphs(sig.rows[0]!.cells[1]!.blocks).map(text)).toEqual(["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Văn A"]);
  });

  it("Kính gửi: printed after the title; 'Như trên' becomes the first recipient", () => {
    const { doc: d, diagnostics: ds } = compose({ to: ["Sở Nội vụ"] });
    const ps = paragraphs(d.sections[0]!.blocks).map(text);
    const at = ps.indexOf("Kính gửi: Sở Nội vụ.");
    expect(at).toBeGreaterThan(ps.findIndex((t) => t.startsWith("Tự đánh giá")));
    expect(at).toBeLessThan(ps.findIndex((t) => t.startsWith("Văn phòng UBND tỉnh tự đánh giá")));
    expect(ps).toContain("- Như trên;");
    expect(codes(ds)).toEqual(["CD609"]);
    expect(codes(compose({ to: ["Sở Nội vụ"], recipients: ["Như trên", "Sở Nội vụ"] }).diagnostics)).toEqual([]);
  });

  it("the motto and national name never come from the input", () => {
    const s = smallScored();
    s.assessment.unit.agency = "Độc Lập - Tự do - Hạnh phúc";
    const { doc: d } = composeReport(s, COMPOSE_OPTIONS);
    expect(tables(d)[0]!.rows[0]!.cells[1]!.blocks.map((b) => text(b as Paragraph))).toEqual([NATIONAL_NAME, MOTTO]);
  });

  it("is pure: the same input composes to the same model", () => {
    expect(compose().doc).toEqual(doc);
  });
});
