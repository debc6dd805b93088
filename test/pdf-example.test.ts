/**
 * The example's two PDFs as `chamdiem build` makes them (compose → writePdf), read back with pdfjs:
 * A4 orientation, margins, embedded fonts, every title, option and justification present exactly (NFC)
 * across page breaks, page numbers where NĐ 30 wants them, the header rules' lengths (agency rule
 * 1/3–1/2 of the agency line, motto rule as long as the motto), metadata, size and reproducibility.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { composeReport, composeScoreTable } from "../src/compose/index.js";
import { inlineText, type Block, type DocModel, type Table } from "../src/document/model.js";
import { createMeasurer, loadFontSet } from "../src/fonts/index.js";
import { VI_NUMBERS } from "../src/model/points.js";
import { renderPdf, writePdf, type PdfResult } from "../src/write/pdf/index.js";
import { loadExampleScored } from "./helpers/example.js";
import { readPdf, type PdfInfo } from "./helpers/pdf-read.js";

const fonts = loadFontSet();
const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");
const OPTS = { measure: createMeasurer(fonts), numbers: VI_NUMBERS, date: "2021-11-19T00:00:00Z" };

interface Built {
  doc: DocModel;
  result: PdfResult;
  pdf: PdfInfo;
}
const built = {} as Record<"report" | "table", Built>;

beforeAll(async () => {
  const scored = loadExampleScored();
  for (const [key, doc] of [["report", composeReport(scored, OPTS).doc], ["table", composeScoreTable(scored, OPTS).doc]] as const) {
    const result = await renderPdf(doc, fonts);
    built[key] = { doc, result, pdf: await readPdf(result.bytes) };
  }
});

function paragraphsText(blocks: readonly Block[], out: string[] = []): string[] {
  for (const b of blocks) {
    if (b.kind === "paragraph") out.push(inlineText(b.runs));
    else for (const r of b.rows) for (const c of r.cells) paragraphsText(c.blocks, out);
  }
  return out;
}

describe("the example's PDFs", () => {
  it("are A4: the report portrait, the score table landscape", () => {
    for (const p of built.report.pdf.pages) expect([Math.round(p.width * 10), Math.round(p.height * 10)]).toEqual([5953, 8419]);
    for (const p of built.table.pdf.pages) expect([Math.round(p.width * 10), Math.round(p.height * 10)]).toEqual([8419, 5953]);
    expect(built.table.pdf.pages.length).toBeGreaterThan(10);
  });

  it("keep every text item inside the margins; only the page number sits in the top margin", () => {
    for (const b of Object.values(built)) {
      const m = b.doc.sections[0].page.margin;
      b.pdf.pages.forEach((p, n) => {
        for (const i of p.items) {
          expect(i.x, i.str).toBeGreaterThanOrEqual(m.left / 20 - 0.01);
          expect(i.x + i.width, i.str).toBeLessThanOrEqual(p.width - m.right / 20 + 0.01);
          expect(i.y, i.str).toBeLessThanOrEqual(p.height - m.bottom / 20 + 0.01);
          if (i.y < m.top / 20) expect(i.str).toBe(String(n + 1));
        }
      });
    }
  });

  it("number pages from 2 on, centred in the top margin, never on page 1", () => {
    for (const b of Object.values(built)) {
      const s = b.doc.sections[0];
      const mid = (s.page.margin.left / 20 + (b.pdf.pages[0].width - s.page.margin.right / 20)) / 2;
      b.pdf.pages.forEach((p, n) => {
        const top = p.items.filter((i) => i.y < s.page.margin.top / 20);
        if (n === 0) expect(top).toEqual([]);
        else {
          expect(top.map((i) => i.str)).toEqual([String(n + 1)]);
          expect(top[0].x + top[0].width / 2).toBeCloseTo(mid, 1);
          expect(top[0].size).toBe(s.pageNumber!.size);
        }
      });
    }
  });

  it("embed Tinos subsets for every font used", () => {
    for (const b of Object.values(built)) {
      for (const p of b.pdf.pages) {
        for (const f of p.fonts.values()) {
          expect(f.embedded).toBe(true);
          expect(f.name).toMatch(/^[A-Z]{6}\+Tinos-/);
        }
      }
    }
  });

  it("contain every paragraph of the report exactly, in NFC", () => {
    const text = squash(built.report.pdf.pages.map((p) => p.items.map((i) => i.str).join("")).join(""));
    for (const t of paragraphsText(built.report.doc.sections[0].blocks)) expect(text).toContain(squash(t));
    expect(text).toContain(squash("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    expect(text).toContain(squash("Độc lập - Tự do - Hạnh phúc"));
  });

  it("contain every title, option and justification of the score table, column by column across pages", () => {
    const sec = built.table.doc.sections[0];
    const table = sec.blocks.find((b): b is Table => b.kind === "table" && b.borders !== null)!;
    const x0 = sec.page.margin.left / 20;
    const edges = [x0];
    for (const w of table.columns) edges.push(edges[edges.length - 1] + w / 20);
    const columnText = (k: number) =>
      squash(
        built.table.pdf.pages
          .flatMap((p) => p.items.filter((i) => i.x >= edges[k] && i.x < edges[k + 1] && i.y > sec.page.margin.top / 20).sort((a, b) => a.y - b.y || a.x - b.x))
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
            expect(span.some((text) => text.includes(squash(t))), t.slice(0, 60)).toBe(true);
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
        if (n.justification) expect(columns.join("")).toContain(squash(n.justification.text.replace(/<\/?i>/g, "").replace(/\*\*/g, "")));
        if (n.children) visit(n.children);
      }
    };
    visit(scored.items);
  });

  it("draw the header rules as docs/nd30.md states: agency rule 1/3–1/2 of the agency line, motto rule as long as the motto", () => {
    for (const b of Object.values(built)) {
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
      // centred under their text
      expect((ra.x1 + ra.x2) / 2).toBeCloseTo(agency.x + agency.width / 2, 0);
      expect((rm.x1 + rm.x2) / 2).toBeCloseTo(motto.x + motto.width / 2, 0);
    }
  });

  it("carry the metadata, stay under 150 KB together, and are reproducible", async () => {
    const meta = built.report.doc.meta;
    const info = built.report.pdf.info;
    expect(info.Title).toBe(meta.title);
    expect(info.Author).toBe(meta.author);
    expect(info.Subject).toBe(meta.subject);
    expect(info.Creator).toBe("chamdiem");
    expect(info.Language).toBe("vi-VN");
    const total = built.report.result.bytes.length + built.table.result.bytes.length;
    console.log(`[pdf-example] report ${built.report.result.bytes.length} B, ${built.report.pdf.pages.length} p; score table ${built.table.result.bytes.length} B, ${built.table.pdf.pages.length} p`);
    expect(total).toBeLessThanOrEqual(150_000);
    expect(built.report.result.warnings).toEqual([]);
    expect(built.table.result.warnings).toEqual([]);
    const again = await writePdf(composeScoreTable(loadExampleScored(), OPTS).doc, fonts);
    expect(Buffer.from(again).equals(Buffer.from(built.table.result.bytes))).toBe(true);
  });
});
