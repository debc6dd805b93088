/**
 * NĐ 30/2020 conformance, read from the generated WordprocessingML of the example (the rules of
 * docs/nd30.md): page size and margins, Times New Roman, sizes, bold/italic/upper case, the exact
 * national name and motto, the date and "Số:" formats, the page number hidden on page 1, Nơi nhận.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { composeReport, composeScoreTable, MOTTO, NATIONAL_NAME, type ComposeOptions } from "../src/compose/index.js";
import { loadExampleScored } from "./helpers/example.js";
import { writeDocx } from "../src/write/docx/index.js";
import { attr, findX, isBold, isItalic, parts, sizeOf, xParagraphs, type XParagraph } from "./fixtures/compose/docx-parts.js";
import { exampleDocs, exampleOptions } from "./fixtures/compose/example.js";
import { SCORE_TABLE_HEADERS } from "./fixtures/compose/score-table-headers.js";

interface Docx {
  parts: Map<string, string>;
  document: string;
  styles: string;
  ps: XParagraph[];
}

async function open(doc: Parameters<typeof writeDocx>[0]): Promise<Docx> {
  const p = parts(await writeDocx(doc));
  const document = p.get("word/document.xml")!;
  return { parts: p, document, styles: p.get("word/styles.xml")!, ps: xParagraphs(document) };
}

const mm = (tw: string | undefined) => (Number(tw) * 25.4) / 1440;
const size = (d: Docx, p: XParagraph) => sizeOf(p.runs[0]!.rPr, d.styles);
const upper = (s: string) => s === s.toLocaleUpperCase("vi");

/** The header referenced by the section for `type` ("default" | "first"). */
function header(d: Docx, type: string): string {
  const id =
    new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"/>`).exec(d.document)?.[1] ??
    new RegExp(`<w:headerReference r:id="([^"]+)" w:type="${type}"/>`).exec(d.document)?.[1];
  expect(id, `headerReference ${type}`).toBeDefined();
  const rels = d.parts.get("word/_rels/document.xml.rels")!;
  const target =
    new RegExp(`<Relationship[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  return d.parts.get(`word/${target}`)!;
}

/**
 * The same rules for paper and for electronic documents (docs/nd30.md, K): the electronic report leaves
 * its number and date blank (8 no-break spaces each) and its attachment is a file of its own here, so
 * the score table's pages are those of paper.
 */
const BLANK = "\u00a0".repeat(8);
for (const electronic of [false, true]) {
  describe(electronic ? "electronic documents" : "paper documents", () => {
    let report: Docx;
    let table: Docx;
    beforeAll(async () => {
      const docs = electronic ? electronicDocs() : exampleDocs();
      report = await open(docs.report);
      table = await open(docs.scoreTable);
    });

    describe("page (nd30 A, I)", () => {
      it("report: A4 portrait (literal 11906 × 16838), margins in range", () => {
        expect(attr(report.document, "pgSz", "w")).toBe("11906");
        expect(attr(report.document, "pgSz", "h")).toBe("16838");
        expect(attr(report.document, "pgSz", "orient") ?? "portrait").toBe("portrait");
        checkMargins(report.document);
      });

      it("score table: A4 landscape, margins in range", () => {
        expect(attr(table.document, "pgSz", "w")).toBe("16838");
        expect(attr(table.document, "pgSz", "h")).toBe("11906");
        expect(attr(table.document, "pgSz", "orient")).toBe("landscape");
        checkMargins(table.document);
      });

      function checkMargins(xml: string) {
        const m = (side: string) => mm(attr(xml, "pgMar", side));
        for (const side of ["top", "bottom"]) {
          expect(m(side)).toBeGreaterThanOrEqual(20);
          expect(m(side)).toBeLessThanOrEqual(25);
        }
        expect(m("left")).toBeGreaterThanOrEqual(30);
        expect(m("left")).toBeLessThanOrEqual(35);
        expect(m("right")).toBeGreaterThanOrEqual(15);
        expect(m("right")).toBeLessThanOrEqual(20);
      }

      for (const [name, get] of [
        ["report", () => report],
        ["score table", () => table],
      ] as const) {
        it(`${name}: page number centred in the header, hidden on page 1 (titlePg, empty first header)`, () => {
          const d = get();
          expect(d.document).toMatch(/<w:titlePg\/>/);
          const first = header(d, "first");
          expect(first).not.toMatch(/PAGE/);
          expect(
            xParagraphs(first)
              .map((p) => p.text)
              .join(""),
          ).toBe("");
          const def = header(d, "default");
          expect(def).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE\s*"/);
          expect(attr(def, "jc", "val")).toBe("center");
          const pageSize = sizeOf(xParagraphs(def)[0]!.runs[0]!.rPr, d.styles);
          expect(pageSize).toBeGreaterThanOrEqual(13);
          expect(pageSize).toBeLessThanOrEqual(14);
        });
      }
    });

    describe("font (nd30 A)", () => {
      for (const [name, get] of [
        ["report", () => report],
        ["score table", () => table],
      ] as const) {
        it(`${name}: Times New Roman on every script, black, and no other font in the document`, () => {
          const d = get();
          const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(d.styles)![0];
          for (const slot of ["ascii", "hAnsi", "cs", "eastAsia"]) expect(attr(defaults, "rFonts", slot)).toBe("Times New Roman");
          expect(attr(defaults, "color", "val")).toBe("000000");
          for (const part of [d.document, header(d, "default")]) {
            for (const m of part.matchAll(/<w:rFonts\b([^>]*)\/>/g)) expect(m[1]).not.toMatch(/w:(ascii|hAnsi)="(?!Times New Roman")/);
            expect(part).not.toMatch(/<w:color w:val="(?!000000|auto)/);
          }
        });
      }
    });

    describe("report header block (nd30 B)", () => {
      it("national name: exact string, upper case, bold, 12–13 pt", () => {
        const p = findX(report.ps, NATIONAL_NAME);
        expect(p.text).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        expect(isBold(p.runs[0]!.rPr)).toBe(true);
        expect(isItalic(p.runs[0]!.rPr)).toBe(false);
        expect(size(report, p)).toBeGreaterThanOrEqual(12);
        expect(size(report, p)).toBeLessThanOrEqual(13);
      });

      it("motto: exact string (ASCII hyphens, lower-case 'lập'), bold, 13–14 pt, rule exactly its width", () => {
        const i = report.ps.findIndex((p) => p.text === MOTTO);
        const p = report.ps[i]!;
        expect(p.text).toBe("Độc lập - Tự do - Hạnh phúc");
        expect(report.document).not.toContain("Độc Lập");
        expect(isBold(p.runs[0]!.rPr)).toBe(true);
        expect(size(report, p)).toBeGreaterThanOrEqual(13);
        expect(size(report, p)).toBeLessThanOrEqual(14);
        const rule = report.ps[i + 1]!;
        expect(rule.text).toBe("");
        expect(rule.pPr).toMatch(/<w:pBdr><w:bottom w:val="single"/);
        // The cell is the header table's right column; the rule's indents leave exactly the motto's width.
        const cellWidth = Number(/<w:gridCol w:w="(\d+)"\/><w:gridCol w:w="(\d+)"\/>/.exec(report.document)![2]);
        const ruleWidth = cellWidth - Number(attr(rule.pPr, "ind", "left")) - Number(attr(rule.pPr, "ind", "right"));
        const measured = Math.ceil(exampleOptions().measure(MOTTO, { size: 14, bold: true }) * 20);
        expect(ruleWidth).toBe(measured);
        // Centred: the two indents differ by at most one twip.
        expect(Math.abs(Number(attr(rule.pPr, "ind", "left")) - Number(attr(rule.pPr, "ind", "right")))).toBeLessThanOrEqual(1);
      });

      it("agencies: superior upper case regular, issuing upper case bold, its rule 1/3–1/2 of its width", () => {
        const sup = findX(report.ps, "UBND TỈNH QUẢNG NGÃI");
        expect(isBold(sup.runs[0]!.rPr)).toBe(false);
        const i = report.ps.findIndex((p) => p.text === "VĂN PHÒNG");
        const agency = report.ps[i]!;
        expect(upper(agency.text)).toBe(true);
        expect(isBold(agency.runs[0]!.rPr)).toBe(true);
        for (const p of [sup, agency]) {
          expect(size(report, p)).toBeGreaterThanOrEqual(12);
          expect(size(report, p)).toBeLessThanOrEqual(13);
        }
        const rule = report.ps[i + 1]!;
        const cellWidth = Number(/<w:gridCol w:w="(\d+)"\/>/.exec(report.document)![1]);
        const ruleWidth = cellWidth - Number(attr(rule.pPr, "ind", "left")) - Number(attr(rule.pPr, "ind", "right"));
        const text = exampleOptions().measure("VĂN PHÒNG", { size: 13, bold: true }) * 20;
        expect(ruleWidth).toBeGreaterThanOrEqual(text / 3);
        expect(ruleWidth).toBeLessThanOrEqual(text / 2);
      });

      it("'Số:' line: lower-case 'Số', colon, NN/TYPE-AGENCY, 13 pt, upright", () => {
        const p = findX(report.ps, /^Số:/);
        if (electronic) {
          // Electronic (nd30 K): the number is the document system's; its slot is left blank.
          expect(p.text).toBe(`Số: ${BLANK}/BC-VP`);
        } else {
          expect(p.text).toMatch(/^Số: (0[1-9]|[1-9]\d+)\/[A-ZĐ][A-Za-zĐ]*(-[A-ZĐ&]+)+$/u);
          expect(p.text).toBe("Số: 1880/BC-VP");
        }
        expect(size(report, p)).toBe(13);
        expect(isBold(p.runs[0]!.rPr) || isItalic(p.runs[0]!.rPr)).toBe(false);
      });

      it("place and date: italic, 13–14 pt, zero-padded day and months 1–2", () => {
        const p = findX(report.ps, /, ngày/);
        if (electronic) expect(p.text).toBe(`Quảng Ngãi, ngày${BLANK}tháng${BLANK}năm 2021`);
        else {
          expect(p.text).toMatch(/^[^,]+, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/);
          expect(p.text).toBe("Quảng Ngãi, ngày 19 tháng 11 năm 2021");
        }
        expect(isItalic(p.runs[0]!.rPr)).toBe(true);
        expect(size(report, p)).toBeGreaterThanOrEqual(13);
        expect(size(report, p)).toBeLessThanOrEqual(14);
      });
    });

    describe("report title, body, closing (nd30 C, D, E, F)", () => {
      it("BÁO CÁO and the summary: bold, centred, 13–14 pt", () => {
        for (const match of ["BÁO CÁO", /^Tự đánh giá/]) {
          const p = findX(report.ps, match);
          expect(attr(p.pPr, "jc", "val")).toBe("center");
          for (const r of p.runs.filter((x) => x.text.trim())) expect(isBold(r.rPr)).toBe(true);
          expect(size(report, p)).toBeGreaterThanOrEqual(13);
          expect(size(report, p)).toBeLessThanOrEqual(14);
        }
      });

      it("body paragraphs: justified, first line 1 or 1.27 cm, ≥ 6 pt between, 1–1.5 lines, 13–14 pt", () => {
        const body = report.ps.filter((p) => /^(Theo đề nghị|\(Kèm theo Biểu|Kính gửi Sở)/.test(p.text));
        expect(body).toHaveLength(3);
        for (const p of body) {
          expect(attr(p.pPr, "jc", "val")).toBe("both");
          expect(["567", "720"]).toContain(attr(p.pPr, "ind", "firstLine"));
          const before = Number(attr(p.pPr, "spacing", "before") ?? 0);
          const after = Number(attr(p.pPr, "spacing", "after") ?? 0);
          expect(before + after).toBeGreaterThanOrEqual(120);
          expect(before === 0 || after === 0).toBe(true);
          const line = Number(attr(p.pPr, "spacing", "line"));
          expect(attr(p.pPr, "spacing", "lineRule")).toBe("auto");
          expect(line).toBeGreaterThanOrEqual(240);
          expect(line).toBeLessThanOrEqual(360);
          expect(size(report, p)).toBeGreaterThanOrEqual(13);
          expect(size(report, p)).toBeLessThanOrEqual(14);
        }
      });

      it("signer: position upper case bold, name bold, 13–14 pt", () => {
        for (const t of ["CHÁNH VĂN PHÒNG", "Phạm Xuân Duệ"]) {
          const p = findX(report.ps, t);
          expect(isBold(p.runs[0]!.rPr)).toBe(true);
          expect(size(report, p)).toBeGreaterThanOrEqual(13);
          expect(size(report, p)).toBeLessThanOrEqual(14);
        }
        expect(upper(findX(report.ps, "CHÁNH VĂN PHÒNG").text)).toBe(true);
      });

      it("Nơi nhận: heading bold italic 12 pt; items 11 pt, '- …;', last '- Lưu: ….' with a single stop", () => {
        const i = report.ps.findIndex((p) => p.text === "Nơi nhận:");
        const heading = report.ps[i]!;
        expect(isBold(heading.runs[0]!.rPr) && isItalic(heading.runs[0]!.rPr)).toBe(true);
        expect(size(report, heading)).toBe(12);
        const items = report.ps.slice(i + 1).filter((p) => p.text.startsWith("- "));
        expect(items.length).toBe(4);
        items.forEach((p, k) => {
          expect(size(report, p)).toBe(11);
          if (k < items.length - 1) expect(p.text).toMatch(/^- .*[^;];$/);
        });
        const last = items.at(-1)!.text;
        expect(last).toMatch(/^- Lưu: VT, .*[^.]\.$/);
        expect(last).toBe("- Lưu: VT, HCQT_(hnb).");
      });
    });

    describe("score table (nd30 J; issue 3 §3)", () => {
      it("header block without Số/date; title bold; Kèm theo line italic from the report's metadata", () => {
        expect(table.ps.some((p) => p.text.startsWith("Số:"))).toBe(false);
        expect(findX(table.ps, NATIONAL_NAME)).toBeDefined();
        const title = findX(table.ps, "BIỂU CHẤM ĐIỂM CHỈ SỐ CÔNG TÁC DÂN VẬN NĂM 2021");
        expect(isBold(title.runs[0]!.rPr)).toBe(true);
        const k = findX(table.ps, /^\(Kèm theo/);
        expect(k.text.replace(/\n/g, " ")).toBe(
          electronic
            ? `(Kèm theo Báo cáo số ${BLANK}/BC-VP ngày${BLANK}tháng${BLANK}năm 2021 của Văn phòng UBND tỉnh)`
            : "(Kèm theo Báo cáo số 1880/BC-VP ngày 19 tháng 11 năm 2021 của Văn phòng UBND tỉnh)",
        );
        for (const r of k.runs.filter((x) => x.text.trim())) expect(isItalic(r.rPr)).toBe(true);
      });

      it("seven fixed columns, the header row repeated on every page, rows kept whole unless long", () => {
        const t = [...table.document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!)[1]!;
        expect(t).toContain('<w:tblLayout w:type="fixed"/>');
        expect([...t.matchAll(/<w:gridCol /g)]).toHaveLength(7);
        const rows = [...t.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
        expect(rows[0]).toContain("<w:tblHeader/>");
        expect(rows.slice(1).some((r) => r.includes("<w:tblHeader/>"))).toBe(false);
        const kept = rows.filter((r) => r.includes("<w:cantSplit/>")).length;
        expect(kept).toBeGreaterThan(rows.length * 0.8);
        expect(kept).toBeLessThan(rows.length);
        for (const label of SCORE_TABLE_HEADERS) {
          expect(isBold(findX(table.ps, label).runs[0]!.rPr)).toBe(true);
        }
      });

      it("scores in Vietnamese notation; TỔNG ĐIỂM 100,00", () => {
        const i = table.ps.findIndex((p) => p.text === "TỔNG ĐIỂM");
        expect(table.ps.slice(i + 1, i + 3).map((p) => p.text)).toEqual(["100,00", "100,00"]);
        expect(table.document).not.toMatch(/>\d+\.\d\d</);
      });
    });
  });
}

function electronicDocs() {
  const scored = loadExampleScored();
  const opts: ComposeOptions = { ...exampleOptions(), mode: "electronic", attachments: "separate" };
  return { report: composeReport(scored, opts).doc, scoreTable: composeScoreTable(scored, opts).doc };
}
