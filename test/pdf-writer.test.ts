/**
 * The PDF writer, read back with pdfjs-dist: page sizes and orientation, every text item inside the
 * margins, page numbers where NĐ 30 wants them, fonts embedded as subsets, every text present exactly
 * (NFC) across page breaks, the header rules' lengths, metadata, size, reproducible bytes.
 *
 * Two pairs of inputs:
 * - the example's two documents as `chamdiem build` makes them (compose → renderPdf);
 * - hand-built models that mimic them (test/helpers/pdf-docs.ts): a 4-page report (the example's report
 *   fits on one page, so only this one numbers portrait pages) and a score table from the example's texts.
 * (This file was test/pdf-writer.test.ts + test/pdf-example.test.ts; the properties both checked are
 * checked once here, on all four documents.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { composeScoreTable } from "../src/compose/index.js";
import { inlineText, type Block, type DocModel, type Paragraph, type Table } from "../src/document/model.js";
import { createMeasurer, loadFontSet } from "../src/fonts/index.js";
import { renderPdf, writePdf, type PdfResult } from "../src/write/pdf/index.js";
import { dumpLayout } from "../src/layout/index.js";
import { exampleDocs, exampleOptions } from "./fixtures/compose/example.js";
import { loadExampleScored } from "./helpers/example.js";
import { expectGolden } from "./helpers/golden.js";
import { readPdf, type PdfInfo } from "./helpers/pdf-read.js";
import { reportDoc, scoreTableDoc } from "./helpers/pdf-docs.js";

const fonts = loadFontSet(readFileSync);
const measure = createMeasurer(fonts);
const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");
/** Twips → points. */
const pt = (twips: number) => twips / 20;

interface Built {
  name: string;
  kind: "report" | "table";
  doc: DocModel;
  result: PdfResult;
  pdf: PdfInfo;
}
/** The example's documents. */
const example = {} as Record<"report" | "table", Built>;
/** The hand-built models. */
const model = {} as Record<"report" | "table", Built>;
const all = (): Built[] => [example.report, example.table, model.report, model.table];

beforeAll(async () => {
  const docs = exampleDocs();
  const inputs = [
    [example, "report", "example report", docs.report],
    [example, "table", "example score table", docs.scoreTable],
    [model, "report", "model report", reportDoc(measure, 4)],
    [model, "table", "model score table", scoreTableDoc(measure)],
  ] as const;
  for (const [into, kind, name, doc] of inputs) {
    const result = await renderPdf(doc, fonts);
    into[kind] = { name, kind, doc, result, pdf: await readPdf(result.bytes) };
  }
});

function paragraphsText(blocks: readonly Block[], out: string[] = []): string[] {
  for (const b of blocks) {
    if (b.kind === "paragraph") out.push(inlineText(b.runs));
    else for (const r of b.rows) for (const c of r.cells) paragraphsText(c.blocks, out);
  }
  return out;
}

/** A justification's plain text as the example states it (its Markdown marks removed). */
const plainJustification = (text: string) => squash(text.replace(/<\/?i>/g, "").replace(/\*\*/g, ""));

describe("PDF pages", () => {
  it("are A4: reports portrait, score tables landscape; one PDF page per laid-out page", () => {
    for (const b of all()) {
      const size = b.kind === "report" ? [5953, 8419] : [8419, 5953];
      for (const p of b.pdf.pages) expect([Math.round(p.width * 10), Math.round(p.height * 10)], b.name).toEqual(size);
      expect(b.pdf.pages.length, b.name).toBe(b.result.layout.pages.length);
    }
    expect(example.table.pdf.pages.length).toBeGreaterThan(10);
    expect(model.table.pdf.pages.length).toBeGreaterThan(3);
    expect(model.report.pdf.pages.length).toBeGreaterThan(1);
  });

  it("of the example are laid out as the golden frame dumps say (test/compose-example.test.ts)", () => {
    const golden = (name: string) => join(import.meta.dirname, "fixtures/compose", name);
    expectGolden(golden("example-bao-cao.frames.txt"), dumpLayout(example.report.result.layout), join(import.meta.dirname, "compose-example.test.ts"));
    expectGolden(golden("example-bieu-cham-diem.frames.txt"), dumpLayout(example.table.result.layout), join(import.meta.dirname, "compose-example.test.ts"));
  });

  it("keep every text item inside the margins; only the page number sits in the top margin", () => {
    for (const b of all()) {
      const m = b.doc.sections[0].page.margin;
      b.pdf.pages.forEach((p, n) => {
        for (const i of p.items) {
          expect(i.x, i.str).toBeGreaterThanOrEqual(pt(m.left) - 0.01);
          expect(i.x + i.width, i.str).toBeLessThanOrEqual(p.width - pt(m.right) + 0.01);
          expect(i.y, i.str).toBeLessThanOrEqual(p.height - pt(m.bottom) + 0.01);
          if (i.y < pt(m.top)) expect(i.str).toBe(String(n + 1));
          expect(i.y - i.size * 0.9, i.str).toBeGreaterThan(0);
        }
      });
    }
  });

  it("number pages from 2 on, centred in the top margin, never on page 1", () => {
    for (const b of all()) {
      const s = b.doc.sections[0];
      expect(s.pageNumber?.size, b.name).toBe(14);
      const mid = (pt(s.page.margin.left) + (b.pdf.pages[0].width - pt(s.page.margin.right))) / 2;
      b.pdf.pages.forEach((p, n) => {
        const top = p.items.filter((i) => i.y < pt(s.page.margin.top));
        if (n === 0) expect(top, b.name).toEqual([]);
        else {
          expect(
            top.map((i) => i.str),
            b.name,
          ).toEqual([String(n + 1)]);
          expect(top[0].x + top[0].width / 2).toBeCloseTo(mid, 1);
          expect(top[0].size).toBe(s.pageNumber!.size);
        }
      });
    }
  });

  it("embed all four faces as subsets, and pdfjs loads them from the file", () => {
    for (const pair of [example, model]) {
      const names = new Set<string>();
      for (const b of Object.values(pair)) {
        for (const p of b.pdf.pages) {
          for (const f of p.fonts.values()) {
            expect(f.embedded).toBe(true);
            expect(f.name).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
            names.add(f.name.slice(7));
          }
        }
      }
      expect([...names].sort()).toEqual(["Tinos-Bold", "Tinos-BoldItalic", "Tinos-Italic", "Tinos-Regular"]);
    }
  });

  it("repeat the score table's header row on every page it runs onto", () => {
    for (const b of [example.table, model.table]) {
      // every later page the table runs onto (it has borders); a last page may hold only the notes
      const continued = b.pdf.pages.slice(1).filter((p) => p.lines.length > 0);
      expect(continued.length, b.name).toBeGreaterThan(5);
      for (const p of continued)
        expect(
          p.items.some((i) => i.str === "Giải trình của đơn vị"),
          b.name,
        ).toBe(true);
    }
  });
});

describe("PDF text", () => {
  it("the model report: the titles and header block exactly, in NFC", () => {
    const text = model.report.pdf.pages.map((p) => p.items.map((i) => i.str).join(" ")).join("\n");
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 1880/BC-VP",
      "Quảng Ngãi, ngày 19 tháng 11 năm 2021",
      "BÁO CÁO",
      "Nơi nhận:",
      "Phạm Xuân Duệ",
    ]) {
      expect(text).toContain(s.normalize("NFC"));
    }
    expect(text.normalize("NFC")).toBe(text);
    const table = model.table.pdf.pages[0].items.map((i) => i.str).join(" ");
    expect(table).toContain("BIỂU CHẤM ĐIỂM CHỈ SỐ CÔNG TÁC DÂN VẬN NĂM 2021");
    expect(table).toContain("(Kèm theo Báo cáo số 1880/BC-VP ngày 19 tháng 11 năm 2021 của Văn phòng UBND tỉnh)");
  });

  it("the example report: every paragraph exactly, in NFC", () => {
    const text = squash(example.report.pdf.pages.map((p) => p.items.map((i) => i.str).join("")).join(""));
    for (const t of paragraphsText(example.report.doc.sections[0].blocks)) expect(text).toContain(squash(t));
    expect(text).toContain(squash("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    expect(text).toContain(squash("Độc lập - Tự do - Hạnh phúc"));
  });

  it("the model score table: every criterion title and justification of the example, across page breaks", () => {
    const t = model.table;
    const sec = t.doc.sections[0];
    const cols = (sec.blocks.find((b) => b.kind === "table" && b.columns.length === 7) as Table).columns.map(pt);
    const x0 = pt(sec.page.margin.left);
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
          expect(justifications).toContain(plainJustification(node.justification.text));
          n++;
        }
        if (node.children) visit(node.children);
      }
    };
    visit(scored.items);
    expect(n).toBeGreaterThan(10);
  });

  it("the example score table: every title, option and justification, column by column across pages", () => {
    const sec = example.table.doc.sections[0];
    const table = sec.blocks.find((b): b is Table => b.kind === "table" && b.borders !== null)!;
    const x0 = pt(sec.page.margin.left);
    const edges = [x0];
    for (const w of table.columns) edges.push(edges[edges.length - 1] + pt(w));
    const columnText = (k: number) =>
      squash(
        example.table.pdf.pages
          .flatMap((p) => p.items.filter((i) => i.x >= edges[k] && i.x < edges[k + 1] && i.y > pt(sec.page.margin.top)).sort((a, b) => a.y - b.y || a.x - b.x))
          .map((i) => i.str)
          .join(""),
      );
    // the header row repeats on every page, between the parts of a row split across pages: drop each
    // column's header text from that column
    const header = table.rows[0].cells.map((c) => squash(paragraphsText(c.blocks).join("")));
    const columns = table.columns.map((_, k) => (header[k] ? columnText(k).split(header[k]).join("") : columnText(k)));
    let checked = 0;
    for (const row of table.rows.slice(table.headerRows)) {
      let col = 0;
      for (const c of row.cells) {
        for (const t of paragraphsText(c.blocks)) {
          if (t.trim()) {
            // a merged cell's (centred) text starts in one of the columns it spans
            const span = columns.slice(col, col + (c.colSpan ?? 1));
            expect(
              span.some((text) => text.includes(squash(t))),
              t.slice(0, 60),
            ).toBe(true);
            checked++;
          }
        }
        col += c.colSpan ?? 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // and the justifications as the example states them (plain text of the Markdown)
    const scored = loadExampleScored();
    const visit = (nodes: typeof scored.items) => {
      for (const n of nodes) {
        if (n.justification) expect(columns.join("")).toContain(plainJustification(n.justification.text));
        if (n.children) visit(n.children);
      }
    };
    visit(scored.items);
  });
});

describe("PDF header rules", () => {
  it("the model report: drawn at the model's widths, the motto rule as long as the motto", () => {
    const rules = (model.report.doc.sections[0].blocks[0] as Table).rows[0].cells.flatMap((c) =>
      c.blocks.filter((b): b is Paragraph => b.kind === "paragraph" && !!b.rule).map((b) => pt(b.rule!.width)),
    );
    const drawn = model.report.pdf.pages[0].lines.filter((l) => l.y1 === l.y2 && l.y1 < 150).map((l) => l.x2 - l.x1);
    for (const w of rules) expect(drawn.some((d) => Math.abs(d - w) < 0.01)).toBe(true);
    const motto = model.report.pdf.pages[0].items.find((i) => i.str === "Độc lập - Tự do - Hạnh phúc")!;
    expect(drawn.some((d) => Math.abs(d - motto.width) < 0.05)).toBe(true);
  });

  it("the example: as docs/nd30.md states, agency rule 1/3–1/2 of the agency line, motto rule as long as the motto, centred", () => {
    for (const b of [example.report, example.table]) {
      const p = b.pdf.pages[0];
      const rules = p.lines.filter((l) => Math.abs(l.y1 - l.y2) < 0.01 && l.y1 < 160);
      const agency = p.items.find((i) => i.str === "VĂN PHÒNG")!;
      const motto = p.items.find((i) => i.str === "Độc lập - Tự do - Hạnh phúc")!;
      const under = (t: typeof agency) => rules.find((l) => l.y1 > t.y && l.y1 < t.y + 12 && l.x1 >= t.x - 50 && l.x2 <= t.x + t.width + 50)!;
      const ra = under(agency);
      const rm = under(motto);
      const agencyRatio = (ra.x2 - ra.x1) / agency.width;
      expect(agencyRatio).toBeGreaterThanOrEqual(1 / 3);
      expect(agencyRatio).toBeLessThanOrEqual(1 / 2);
      expect(Math.abs(rm.x2 - rm.x1 - motto.width)).toBeLessThan(0.1);
      expect((ra.x1 + ra.x2) / 2).toBeCloseTo(agency.x + agency.width / 2, 0);
      expect((rm.x1 + rm.x2) / 2).toBeCloseTo(motto.x + motto.width / 2, 0);
    }
  });
});

describe("PDF metadata, size and reproducibility", () => {
  it("set title, author = unit, subject, creator, language and fixed dates", () => {
    for (const b of [example.report, model.report]) {
      const meta = b.doc.meta;
      const info = b.pdf.info;
      expect(info.Title, b.name).toBe(meta.title);
      expect(info.Author, b.name).toBe(meta.author);
      expect(info.Author, b.name).toBe("Văn phòng UBND tỉnh");
      expect(info.Subject, b.name).toBe(meta.subject);
      expect(info.Creator, b.name).toBe("chamdiem");
      expect(info.Language, b.name).toBe("vi-VN");
      expect(info.CreationDate, b.name).toBe("D:20211119000000Z");
      expect(info.ModDate, b.name).toBe("D:20211119000000Z");
    }
  });

  it("report no warnings and stay under 150 KB a pair", () => {
    for (const pair of [example, model]) {
      expect(pair.report.result.warnings).toEqual([]);
      expect(pair.table.result.warnings).toEqual([]);
      expect(pair.report.result.bytes.length + pair.table.result.bytes.length, pair.report.name).toBeLessThan(150_000);
    }
    console.log(
      `[pdf-writer] example report ${example.report.result.bytes.length} B, ${example.report.pdf.pages.length} p; score table ${example.table.result.bytes.length} B, ${example.table.pdf.pages.length} p`,
    );
  });

  it("give identical bytes for the same input: composed again, and a model built again", async () => {
    const table = await writePdf(composeScoreTable(loadExampleScored(), exampleOptions()).doc, fonts);
    expect(Buffer.from(table).equals(Buffer.from(example.table.result.bytes))).toBe(true);
    const report = await writePdf(reportDoc(measure, 4), fonts);
    expect(Buffer.from(report).equals(Buffer.from(model.report.result.bytes))).toBe(true);
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
    const chars = [...new Set(letters.flatMap((l) => marks.map((m) => (l + m).normalize("NFC"))))].filter((c) => [...c].length === 1);
    chars.push(..."fjwzFJWZ!#$%&*+,-.:;<=>?@[]^_{|}~'\"`");
    expect(chars.length).toBeGreaterThan(256);
    const words: string[] = [];
    for (let i = 0; i < chars.length; i += 8) words.push(chars.slice(i, i + 8).join(""));
    const text = words.join(" ") + " (ngoặc) \\ / ngắt";
    const r = await renderPdf(doc(section([p(text)], 400, 2000)), fonts);
    expect(r.warnings).toEqual([]);
    const pdf = await readPdf(r.bytes);
    expect(
      pdf.pages
        .flatMap((pg) => pg.items.map((i) => i.str))
        .join("")
        .replace(/\s+/g, ""),
    ).toBe(text.replace(/\s+/g, ""));
  });
});
