import { describe, expect, it } from "vitest";
import type { Cell, Row, Table } from "../src/document/model.js";
import { dumpLayout, layoutDocument, type LineFrame } from "../src/layout/index.js";
import { KEEP_MAX_GAP } from "../src/layout/pages.js";
import { doc, lay, lines, mono, p, section, texts } from "./helpers/layout-build.js";

// monospace fake font at 10 pt: letters 5 pt, spaces 2.5 pt, single line 11.5 pt, baseline at 9 pt.
const words = (n: number, prefix = "w") => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(" ");

const cell = (text: string, extra: Partial<Cell> = {}): Cell => ({ blocks: [p(text)], vAlign: "top", ...extra });
function table(rows: Row[], columns = [400, 1600], headerRows = 0): Table {
  return { kind: "table", columns, borders: { width: 0.5 }, headerRows, rows, padding: { top: 0, bottom: 0, left: 0, right: 0 } };
}

describe("pagination of paragraphs", () => {
  it("breaks a long paragraph across pages, line by line", () => {
    // 100 pt tall body = 8 lines of 11.5 pt
    const r = lay([p(Array.from({ length: 20 }, (_, i) => `l${String(i).padStart(2, "0")}`).join(" "))], 20, 100);
    expect(r.pages.map((_, i) => lines(r, i).length)).toEqual([8, 8, 4]);
    expect(lines(r, 1)[0]).toBe("l08");
  });

  it("drops the space before a paragraph at the top of a page, keeps it on the first page", () => {
    const r = lay([p("a", { spaceBefore: 100 }), p(words(40)), p("z", { spaceBefore: 2000 })], 100, 100);
    expect(texts(r, 0)[0].y).toBeCloseTo(10 + 5 + 9, 9);
    const last = r.pages[r.pages.length - 1];
    const z = last.items.find((f) => f.kind === "text" && f.text === "z");
    expect(z && z.kind === "text" && z.y).toBeLessThan(10 + 100);
  });

  it("keeps a paragraph with the next one (keepNext)", () => {
    const filler = Array.from({ length: 7 }, () => p("x"));
    const r = lay([...filler, p("title", { keepNext: true }), p("body")], 30, 100);
    // 7 lines + title would fit (8 lines) but "body" would not: title moves to page 2
    expect(lines(r, 1)).toEqual(["title", "body"]);
  });

  it("applies widow/orphan control only when asked", () => {
    const blocks = [p(Array.from({ length: 7 }, () => "x").join(" ")), p("a b")];
    expect(lines(lay(blocks, 5, 100), 1)).toEqual(["b"]);
    expect(lines(lay(blocks, 5, 100, { widowControl: true }), 1)).toEqual(["a", "b"]);
  });

  it("numbers pages in the top margin from page 2 and lays out landscape sections", () => {
    const s1 = section([p(words(60))], 100, 100, { pageNumber: { size: 10, align: "center", hideOnFirstPage: true } });
    const s2 = section([p("landscape")], 200, 100, { pageNumber: { size: 10, align: "center", hideOnFirstPage: true } });
    s2.page = { ...s2.page, width: s2.page.height, height: s2.page.width, orientation: "landscape" };
    const r = layoutDocument(doc(s1, s2), mono);
    const numbers = r.pages.map((pg) => pg.items.filter((f) => f.kind === "text" && f.y < pg.body.top).map((f) => (f.kind === "text" ? f.text : "")));
    expect(numbers[0]).toEqual([]);
    expect(numbers[1]).toEqual(["2"]);
    const land = r.pages[r.pages.length - 1];
    expect(land.orientation).toBe("landscape");
    expect(land.width).toBeGreaterThan(land.height);
    expect(numbers[numbers.length - 1]).toEqual([]); // first page of its section
  });
});

describe("tables", () => {
  it("places columns at fixed widths with borders closing every cell", () => {
    // Borders take room as LibreOffice lays out the .docx: a 0.5 pt border adds 0.5 pt to the row and
    // lies inside the cell it starts; text starts after it.
    const r = lay([table([{ cantSplit: false, cells: [cell("a"), cell("b")] }])], 100, 100);
    const t = texts(r);
    expect(t[0].x).toBe(10.5);
    expect(t[1].x).toBe(30.5);
    expect(t[0].y).toBe(10 + 0.5 + 9);
    const borders = r.pages[0].items.filter((f): f is LineFrame => f.kind === "line");
    const vertical = borders
      .filter((b) => b.x1 === b.x2)
      .map((b) => b.x1)
      .sort((a, b) => a - b);
    expect(vertical).toEqual([10.25, 30.25, 110.25]);
    const horizontal = [...new Set(borders.filter((b) => b.y1 === b.y2).map((b) => b.y1))].sort((a, b) => a - b);
    expect(horizontal).toEqual([10.25, 22.25]);
  });

  it("repeats header rows, splits long rows continuing the text, and moves cantSplit rows whole", () => {
    const rows: Row[] = [
      { cantSplit: true, cells: [cell("H1"), cell("Header")] },
      { cantSplit: false, cells: [cell("1"), cell(words(30, "a"))] },
      { cantSplit: true, cells: [cell("2"), cell(words(12, "b"))] },
      { cantSplit: false, cells: [cell("3"), cell(words(50, "c"))] },
    ];
    const r = lay([table(rows, [200, 600], 1)], 40, 100);
    const allWords: string[] = [];
    r.pages.forEach((pg, i) => {
      const ls = lines(r, i);
      expect(ls[0]).toBe("H1|Header"); // header on every page
      for (const l of ls.slice(1))
        allWords.push(
          ...l
            .split("|")
            .flatMap((x) => x.split(" "))
            .filter(Boolean),
        );
      for (const f of pg.items) if (f.kind === "text") expect(f.y).toBeLessThanOrEqual(pg.body.bottom + 1e-6);
    });
    const expected = ["1", ...words(30, "a").split(" "), "2", ...words(12, "b").split(" "), "3", ...words(50, "c").split(" ")];
    expect(allWords.sort()).toEqual(expected.sort());
    // the cantSplit row "2" (12 lines... fits a page) is on one page
    const pagesWithB = r.pages.map((_, i) => lines(r, i).some((l) => /b\d/.test(l)));
    expect(pagesWithB.filter(Boolean).length).toBe(1);
    // the long row "1" continued onto page 2
    expect(lines(r, 0).some((l) => l.includes("a0"))).toBe(true);
    expect(lines(r, 1).some((l) => /a\d/.test(l))).toBe(true);
  });

  describe("page fill: a keep chain leaves at most KEEP_MAX_GAP of a page empty", () => {
    // Body 100 pt high: 8 lines of 11.5 pt; 20 % of it is 20 pt. The second column (30 pt) holds two
    // words of two letters a line (22,5 pt), one of three ("b10" is 15 pt: "b10 b11" 32,5 pt).
    const filler = (n: number) => Array.from({ length: n }, (_, i) => p(`f${i}`));
    const heading = (text: string): Row => ({ cantSplit: true, keepNext: true, cells: [cell(text), cell(text)] });

    it("splits the cantSplit row after a heading rather than leave 65,5 pt (65 %) empty, and reports it", () => {
      expect(KEEP_MAX_GAP).toBe(0.2);
      const body: Row = { cantSplit: true, cells: [cell("B"), cell(words(12, "b"))] };
      const r = lay([...filler(3), table([heading("H"), body], [200, 600])], 40, 100);
      // 3 filler lines (34,5 pt) + the heading (11,5) leave 54 pt: 4 of the row's 7 lines (46 pt).
      expect(lines(r, 0)).toEqual(["f0", "f1", "f2", "H|H", "B|b0 b1", "b2 b3", "b4 b5", "b6 b7"]);
      expect(lines(r, 1)).toEqual(["b8 b9", "b10", "b11"]);
      expect(r.splitRows).toEqual([body]);
    });

    it("moves the chain whole when that leaves 19,5 pt (19,5 %) empty", () => {
      const body: Row = { cantSplit: true, cells: [cell("B"), cell(words(8, "b"))] };
      const r = lay([...filler(7), table([heading("H"), body], [200, 600])], 40, 100);
      expect(lines(r, 0)).toEqual(["f0", "f1", "f2", "f3", "f4", "f5", "f6"]);
      expect(lines(r, 1)).toEqual(["H|H", "B|b0 b1", "b2 b3", "b4 b5", "b6 b7"]);
      expect(r.splitRows).toEqual([]);
    });

    it("never splits a heading row: a heading is not left at the foot of a page without the row it heads", () => {
      // 5 lines (57,5 pt) after the filler and G: 54 pt left, so C does not fit; splitting it would
      // leave its first part without the option row it heads.
      const criterion: Row = { cantSplit: true, keepNext: true, cells: [cell("C"), cell(words(10, "c"))] };
      const option: Row = { cantSplit: true, cells: [cell("O"), cell("o")] };
      const r = lay([...filler(3), table([heading("G"), criterion, option], [200, 600])], 40, 100);
      expect(lines(r, 0)).toEqual(["f0", "f1", "f2"]);
      expect(lines(r, 1)).toEqual(["G|G", "C|c0 c1", "c2 c3", "c4 c5", "c6 c7", "c8 c9", "O|o"]);
      expect(r.splitRows).toEqual([]);
    });
  });

  it("keeps the header with the first body row", () => {
    const r = lay(
      [
        ...Array.from({ length: 7 }, () => p("x")),
        table(
          [
            { cantSplit: true, cells: [cell("H"), cell("H")] },
            { cantSplit: true, cells: [cell("x"), cell("y")] },
          ],
          [200, 200],
          1,
        ),
      ],
      20,
      100,
    );
    // 7 lines of text, header would fit in line 8, the row not: both go to page 2
    expect(lines(r, 1)).toEqual(["H|H", "x|y"]);
  });

  it("handles column and row spans and vertical alignment", () => {
    const rows: Row[] = [
      { cantSplit: false, cells: [cell("tall", { rowSpan: 2, vAlign: "center" }), cell("r1"), cell("b", { vAlign: "bottom", rowSpan: 2 })] },
      { cantSplit: false, cells: [cell("r2")] },
      { cantSplit: false, cells: [cell("wide", { colSpan: 3 })] },
    ];
    const r = lay([table(rows, [400, 400, 400])], 100, 100);
    const t = Object.fromEntries(texts(r).map((f) => [f.text, f]));
    // rows are 12 pt: 0.5 pt border + 11.5 pt line
    expect(t.r2.x).toBe(30.5);
    expect(t.r2.y).toBeCloseTo(10 + 12 + 0.5 + 9, 9);
    expect(t.tall.y).toBeCloseTo(10 + 0.5 + (23.5 - 11.5) / 2 + 9, 9);
    expect(t.b.y).toBeCloseTo(10 + 0.5 + (23.5 - 11.5) + 9, 9);
    expect(t.wide.x).toBe(10.5);
    // no vertical border inside the merged "wide" cell
    const inner = r.pages[0].items.filter((f): f is LineFrame => f.kind === "line" && f.x1 === f.x2 && f.x1 === 30.25);
    expect(Math.max(...inner.map((l) => l.y2))).toBeCloseTo(10 + 24 + 0.25, 9);
  });

  it("gives a stable, readable dump", () => {
    const r = lay([p("Độc lập", { align: "center" }, { rule: { width: 400, thickness: 0.5 } })], 100, 100);
    expect(dumpLayout(r)).toBe(
      "page 1 · section 1 · 120×120 portrait · body 10..110 × 10..110\n" + '  T 43.75 19 regular 10 "Độc lập"\n' + "  L rule 50 25.75 → 70 25.75 w=0.5\n",
    );
  });
});
