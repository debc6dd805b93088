/**
 * The PDF writer, read back with pdfjs-dist: page sizes and orientation, every text item inside the
 * margins, fonts embedded as subsets, NFC text present, page numbers from page 2, metadata, rules,
 * reproducible bytes. Inputs: hand-built models that mimic the two documents (test/helpers/pdf-docs.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { DocModel, Paragraph, Table } from "../src/document/model.js";
import { createMeasurer, loadFontSet } from "../src/fonts/index.js";
import { renderPdf, writePdf, type PdfResult } from "../src/write/pdf/index.js";
import { loadExampleScored } from "./helpers/example.js";
import { readPdf, type PdfInfo } from "./helpers/pdf-read.js";
import { MARGINS, reportDoc, scoreTableDoc } from "./helpers/pdf-docs.js";

const fonts = loadFontSet();
const measure = createMeasurer(fonts);
const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");

interface Built {
  doc: DocModel;
  result: PdfResult;
  pdf: PdfInfo;
}
const built: Record<"report" | "table", Built> = {} as never;

beforeAll(async () => {
  for (const [key, doc] of [["report", reportDoc(measure, 4)], ["table", scoreTableDoc(measure)]] as const) {
    const result = await renderPdf(doc, fonts);
    built[key] = { doc, result, pdf: await readPdf(result.bytes) };
  }
});

const mm = (twips: number) => twips / 20;

describe("PDF pages", () => {
  it("are A4, portrait for the report and landscape for the score table", () => {
    for (const p of built.report.pdf.pages) {
      expect(p.width).toBeCloseTo(595.3, 1);
      expect(p.height).toBeCloseTo(841.9, 1);
    }
    expect(built.table.pdf.pages.length).toBeGreaterThan(3);
    for (const p of built.table.pdf.pages) {
      expect(p.width).toBeCloseTo(841.9, 1);
      expect(p.height).toBeCloseTo(595.3, 1);
    }
    expect(built.report.pdf.pages.length).toBe(built.report.result.layout.pages.length);
  });

  it("keep every text item inside the margins (page numbers in the top margin)", () => {
    for (const b of Object.values(built)) {
      for (const p of b.pdf.pages) {
        const left = mm(MARGINS.left);
        const right = p.width - mm(MARGINS.right);
        const bottom = p.height - mm(MARGINS.bottom);
        for (const i of p.items) {
          expect(i.x, i.str).toBeGreaterThanOrEqual(left - 0.01);
          expect(i.x + i.width, i.str).toBeLessThanOrEqual(right + 0.01);
          expect(i.y, i.str).toBeLessThanOrEqual(bottom + 0.01);
          if (i.y < mm(MARGINS.top)) expect(i.str).toMatch(/^\d+$/); // only the page number up there
          expect(i.y - i.size * 0.9).toBeGreaterThan(0);
        }
      }
    }
  });

  it("number pages centred in the top margin from page 2, never on page 1", () => {
    for (const b of Object.values(built)) {
      b.pdf.pages.forEach((p, n) => {
        const top = p.items.filter((i) => i.y < mm(MARGINS.top));
        if (n === 0) expect(top).toEqual([]);
        else {
          expect(top.map((i) => i.str)).toEqual([String(n + 1)]);
          const mid = mm(MARGINS.left) + (p.width - mm(MARGINS.left) - mm(MARGINS.right)) / 2;
          expect(top[0].x + top[0].width / 2).toBeCloseTo(mid, 1);
          expect(top[0].size).toBe(14);
        }
      });
    }
  });

  it("embed all four faces as subsets, and pdfjs loads them from the file", () => {
    const names = new Set<string>();
    for (const b of Object.values(built)) {
      for (const p of b.pdf.pages) {
        for (const f of p.fonts.values()) {
          expect(f.embedded).toBe(true);
          expect(f.name).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
          names.add(f.name.slice(7));
        }
      }
    }
    expect([...names].sort()).toEqual(["Tinos-Bold", "Tinos-BoldItalic", "Tinos-Italic", "Tinos-Regular"]);
  });
});

describe("PDF text", () => {
  it("contains the titles and header block exactly, in NFC", () => {
    const text = built.report.pdf.pages.map((p) => p.items.map((i) => i.str).join(" ")).join("\n");
    for (const s of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 1880/BC-VP", "Quảng Ngãi, ngày 19 tháng 11 năm 2021", "BÁO CÁO", "Nơi nhận:", "Phạm Xuân Duệ"]) {
      expect(text).toContain(s.normalize("NFC"));
    }
    expect(text.normalize("NFC")).toBe(text);
    const table = built.table.pdf.pages[0].items.map((i) => i.str).join(" ");
    expect(table).toContain("BIỂU CHẤM ĐIỂM CHỈ SỐ CÔNG TÁC DÂN VẬN NĂM 2021");
    expect(table).toContain("(Kèm theo Báo cáo số 1880/BC-VP ngày 19 tháng 11 năm 2021 của Văn phòng UBND tỉnh)");
  });

  it("contains every criterion title and justification of the example, across page breaks", () => {
    const t = built.table;
    const cols = (t.doc.sections[0].blocks.find((b) => b.kind === "table" && b.columns.length === 7) as Table).columns.map(mm);
    const x0 = mm(MARGINS.left);
    const colX = (k: number) => x0 + cols.slice(0, k).reduce((a, b) => a + b, 0);
    const column = (k: number) =>
      squash(
        t.pdf.pages
          .flatMap((p) => p.items.filter((i) => i.x >= colX(k) && i.x < colX(k + 1) && i.y > 100).sort((a, b) => a.y - b.y || a.x - b.x))
          .map((i) => i.str)
          .join(""),
      );
    const titles = column(1);
    const justifications = column(4);
    const scored = loadExampleScored();
    let n = 0;
    const visit = (nodes: typeof scored.items) => {
      for (const node of nodes) {
        expect(titles).toContain(squash(node.node.title));
        if (node.justification) {
          const j = squash(node.justification.text.replace(/<\/?i>/g, "").replace(/\*\*/g, ""));
          expect(justifications).toContain(j);
          n++;
        }
        if (node.children) visit(node.children);
      }
    };
    visit(scored.items);
    expect(n).toBeGreaterThan(10);
  });

  it("repeats the header row on every page of the score table", () => {
    // every later page the table runs onto (it has borders); a last page may hold only the notes
    const continued = built.table.pdf.pages.slice(1).filter((p) => p.lines.length > 0);
    expect(continued.length).toBeGreaterThan(5);
    for (const p of continued) expect(p.items.some((i) => i.str === "Giải trình của đơn vị")).toBe(true);
  });

  it("draws the header rules at the model's widths", () => {
    const rules = (built.report.doc.sections[0].blocks[0] as Table).rows[0].cells.flatMap((c) => c.blocks.filter((b): b is Paragraph => b.kind === "paragraph" && !!b.rule).map((b) => mm(b.rule!.width)));
    const drawn = built.report.pdf.pages[0].lines.filter((l) => l.y1 === l.y2 && l.y1 < 150).map((l) => l.x2 - l.x1);
    for (const w of rules) expect(drawn.some((d) => Math.abs(d - w) < 0.01)).toBe(true);
    // the motto rule is as long as the motto
    const motto = built.report.pdf.pages[0].items.find((i) => i.str === "Độc lập - Tự do - Hạnh phúc")!;
    expect(drawn.some((d) => Math.abs(d - motto.width) < 0.05)).toBe(true);
  });
});

describe("PDF metadata and reproducibility", () => {
  it("sets title, author = unit, subject, creator, language and fixed dates", () => {
    const info = built.report.pdf.info;
    expect(info.Title).toBe(built.report.doc.meta.title);
    expect(info.Author).toBe("Văn phòng UBND tỉnh");
    expect(info.Subject).toBe(built.report.doc.meta.subject);
    expect(info.Creator).toBe("chamdiem");
    expect(info.Language).toBe("vi-VN");
    expect(info.CreationDate).toBe("D:20211119000000Z");
    expect(info.ModDate).toBe("D:20211119000000Z");
  });

  it("gives identical bytes for the same input", async () => {
    const again = await writePdf(reportDoc(measure, 4), fonts);
    expect(Buffer.from(again).equals(Buffer.from(built.report.result.bytes))).toBe(true);
  });

  it("reports no warnings for the example documents and stays small", () => {
    expect(built.report.result.warnings).toEqual([]);
    expect(built.table.result.warnings).toEqual([]);
    expect(built.report.result.bytes.length + built.table.result.bytes.length).toBeLessThan(150_000);
  });
});

describe("PDF writer edge cases", () => {
  it("warns about characters the font lacks and still writes the page", async () => {
    const { doc, p, section } = await import("./helpers/layout-build.js");
    const r = await renderPdf(doc(section([p("Việt Nam 中文")], 300, 100)), fonts);
    expect(r.warnings).toEqual([{ code: "missing-glyph", kind: "glyph", message: "font regular lacks: 中 文", face: "regular", codePoints: [0x4e2d, 0x6587] }]);
    expect((await readPdf(r.bytes)).pages.length).toBe(1);
  });

  it("round-trips every glyph code byte, the escaped ones ( ) \\ LF CR included, through pdfjs", async () => {
    const { doc, p, section } = await import("./helpers/layout-build.js");
    // Over 256 distinct letters: subset glyph ids run past 0x0A, 0x0D, 0x28, 0x29, 0x5C and 0xFF,
    // so the binary literal strings need every escape and both bytes of a code.
    const letters = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY0123456789"];
    const marks = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
    const all = [...new Set(letters.flatMap((l) => marks.map((m) => (l + m).normalize("NFC"))))].filter((c) => [...c].length === 1);
    all.push(..."fjwzFJWZ!#$%&*+,-.:;<=>?@[]^_{|}~'\"`");
    expect(all.length).toBeGreaterThan(256);
    const words: string[] = [];
    for (let i = 0; i < all.length; i += 8) words.push(all.slice(i, i + 8).join(""));
    const text = words.join(" ") + " (ngoặc) \\ / ngắt";
    const r = await renderPdf(doc(section([p(text)], 400, 2000)), fonts);
    expect(r.warnings).toEqual([]);
    const pdf = await readPdf(r.bytes);
    expect(pdf.pages.flatMap((pg) => pg.items.map((i) => i.str)).join("").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
  });
});
