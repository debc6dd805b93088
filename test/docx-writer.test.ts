/** The .docx writer on hand-made document models: each model feature becomes the right XML. */
import { describe, expect, it } from "vitest";
import { A4, type Block, type DocModel, type Paragraph, type Section } from "../src/document/model.js";
import { writeDocx } from "../src/write/docx/index.js";
import { attr, isBold, isItalic, parts, xParagraphs } from "./fixtures/compose/docx-parts.js";

const META = { title: "T", subject: "S", author: "A", language: "vi-VN", date: "2021-11-19T00:00:00Z", font: "Times New Roman" };
const page = (orientation: "portrait" | "landscape" = "portrait") => ({
  width: A4.width,
  height: A4.height,
  orientation,
  margin: { top: 1134, bottom: 1134, left: 1701, right: 907 },
  headerDistance: 567,
});
const p = (text: string, extra: Partial<Paragraph> = {}, size = 14): Paragraph => ({
  kind: "paragraph",
  style: { align: "left", size },
  runs: text ? [{ kind: "text", text, style: { size } }] : [],
  ...extra,
});

async function documentXml(blocks: Block[], sections?: Section[]): Promise<Map<string, string>> {
  const doc: DocModel = { meta: META, sections: sections ?? [{ page: page(), blocks }] };
  return parts(await writeDocx(doc));
}

describe("docx writer", () => {
  it("runs: bold, italic, underline, sub/superscript, line breaks; sizes in half-points", async () => {
    const para: Paragraph = {
      kind: "paragraph",
      style: { align: "justify", size: 14, indentFirstLine: 720, spaceAfter: 120, lineSpacing: 1.2 },
      runs: [
        { kind: "text", text: "đậm", style: { size: 14, bold: true } },
        { kind: "text", text: "nghiêng", style: { size: 14, italic: true } },
        { kind: "text", text: "gạch", style: { size: 14, underline: true } },
        { kind: "text", text: "2", style: { size: 14, vertAlign: "sub" } },
        { kind: "text", text: "3", style: { size: 14, vertAlign: "super" } },
        { kind: "break", style: { size: 14 } },
        { kind: "text", text: "nhỏ", style: { size: 11 } },
      ],
    };
    const xml = (await documentXml([para])).get("word/document.xml")!;
    const [x] = xParagraphs(xml);
    expect(attr(x!.pPr, "jc", "val")).toBe("both");
    expect(attr(x!.pPr, "ind", "firstLine")).toBe("720");
    expect(attr(x!.pPr, "spacing", "after")).toBe("120");
    expect(attr(x!.pPr, "spacing", "line")).toBe("288");
    const r = x!.runs;
    expect(isBold(r[0]!.rPr)).toBe(true);
    expect(isItalic(r[1]!.rPr)).toBe(true);
    expect(r[2]!.rPr).toContain('<w:u w:val="single"/>');
    expect(r[3]!.rPr).toContain('<w:vertAlign w:val="subscript"/>');
    expect(r[4]!.rPr).toContain('<w:vertAlign w:val="superscript"/>');
    expect(r[5]!.text).toBe("\n");
    expect(r[6]!.rPr).toContain('<w:sz w:val="22"/>');
    expect(x!.text).toBe("đậmnghiênggạch23\nnhỏ");
  });

  it("a negative first-line indent is a hanging indent", async () => {
    const xml = (await documentXml([p("treo", { style: { align: "left", size: 14, indentLeft: 720, indentFirstLine: -360 } })])).get("word/document.xml")!;
    const [x] = xParagraphs(xml);
    expect(attr(x!.pPr, "ind", "left")).toBe("720");
    expect(attr(x!.pPr, "ind", "hanging")).toBe("360");
  });

  it("a rule is a bottom border exactly `width` long, centred on the paragraph's area", async () => {
    const textWidth = A4.width - 1701 - 907;
    const xml = (await documentXml([p("Tiêu đề", { style: { align: "center", size: 14, spaceAfter: 240 }, rule: { width: 2000, thickness: 0.75 } })])).get(
      "word/document.xml",
    )!;
    const [text, rule] = xParagraphs(xml);
    expect(text!.text).toBe("Tiêu đề");
    expect(attr(text!.pPr, "spacing", "after") ?? "0").toBe("0");
    expect(text!.pPr).toContain("<w:keepNext/>");
    expect(rule!.text).toBe("");
    expect(attr(rule!.pPr, "bottom", "val")).toBe("single");
    expect(attr(rule!.pPr, "bottom", "sz")).toBe("6");
    const left = Number(attr(rule!.pPr, "ind", "left"));
    const right = Number(attr(rule!.pPr, "ind", "right"));
    expect(textWidth - left - right).toBe(2000);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
    // The paragraph's space after follows the rule.
    expect(attr(rule!.pPr, "spacing", "after")).toBe("240");
  });

  it("tables: fixed grid, cell widths, borders or none, padding, header rows, cantSplit, merges, vAlign", async () => {
    const cell = (t: string, extra = {}) => ({ blocks: [p(t, {}, 12)], vAlign: "top" as const, ...extra });
    const table: Block = {
      kind: "table",
      columns: [1000, 2000, 3000],
      borders: { width: 0.5 },
      headerRows: 1,
      padding: { top: 40, bottom: 40, left: 85, right: 85 },
      rows: [
        { cells: [cell("A"), cell("B"), cell("C", { vAlign: "center" })], cantSplit: true, role: "header" },
        { cells: [cell("gộp dọc", { rowSpan: 2 }), cell("gộp ngang", { colSpan: 2 })], cantSplit: false },
        { cells: [cell("x"), { blocks: [], vAlign: "bottom" }], cantSplit: true, keepNext: true },
      ],
    };
    const xml = (await documentXml([table])).get("word/document.xml")!;
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect([...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => m[1])).toEqual(["1000", "2000", "3000"]);
    expect(xml).toMatch(/<w:tblBorders><w:top w:val="single"[^>]*w:sz="4"/);
    expect(xml).toContain('<w:left w:type="dxa" w:w="85"/>');
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(rows[0]).toContain("<w:cantSplit/>");
    expect(rows[1]).not.toContain("<w:cantSplit/>");
    expect(rows[0]).toContain('<w:vAlign w:val="center"/>');
    expect(rows[1]).toContain('<w:gridSpan w:val="2"/>');
    expect(rows[1]).toContain('<w:tcW w:type="dxa" w:w="5000"/>');
    expect(rows[1]).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(rows[2]).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
    // The empty cell still holds a paragraph.
    expect(rows[2]!.match(/<w:tc>/g)).toHaveLength(3);
    expect(rows[2]).toContain('<w:vAlign w:val="bottom"/>');
    // keepNext on a row: every paragraph of the row keeps with the next (Word's row keep).
    expect(rows[2]!.match(/<w:keepNext\/>/g)!.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]).not.toContain("<w:keepNext/>");
  });

  it("a cell merged over three rows, beside a two-column span, leaves continuation cells in the right places", async () => {
    const c = (t: string, extra = {}) => ({ blocks: [p(t, {}, 12)], vAlign: "top" as const, ...extra });
    const table: Block = {
      kind: "table",
      columns: [1000, 1000, 1000, 1000],
      borders: { width: 0.5 },
      headerRows: 0,
      padding: { top: 0, bottom: 0, left: 0, right: 0 },
      rows: [
        { cells: [c("a"), c("dọc", { rowSpan: 3, colSpan: 2 }), c("b")], cantSplit: true },
        { cells: [c("c"), c("d")], cantSplit: true },
        { cells: [c("e"), c("f")], cantSplit: true },
        { cells: [c("g"), c("h"), c("i"), c("j")], cantSplit: true },
      ],
    };
    const xml = (await documentXml([table])).get("word/document.xml")!;
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
    const cells = (r: string) =>
      [...r.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) =>
        /vMerge w:val="continue"/.test(m[1]!)
          ? "↑"
          : xParagraphs(m[1]!)
              .map((x) => x.text)
              .join(""),
      );
    expect(rows.map(cells)).toEqual([
      ["a", "dọc", "b"],
      ["c", "↑", "d"],
      ["e", "↑", "f"],
      ["g", "h", "i", "j"],
    ]);
    expect(rows[1]).toMatch(/<w:tcW w:type="dxa" w:w="2000"\/><w:gridSpan w:val="2"\/><w:vMerge w:val="continue"\/>/);
  });

  it("the zip container: CRC-32 as in the standard check value", async () => {
    const { crc32 } = await import("../src/write/docx/package.js");
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    const { crc32Js } = await import("../src/write/docx/package.js");
    expect(crc32Js(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("borderless layout tables have no visible borders", async () => {
    const xml = (
      await documentXml([
        {
          kind: "table",
          columns: [4000, 5298],
          borders: null,
          headerRows: 0,
          padding: { top: 0, bottom: 0, left: 0, right: 0 },
          rows: [
            {
              cells: [
                { blocks: [p("a")], vAlign: "top" },
                { blocks: [p("b")], vAlign: "top" },
              ],
              cantSplit: true,
            },
          ],
        },
      ])
    ).get("word/document.xml")!;
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(xml)![1]!;
    expect(borders).not.toMatch(/w:val="(?!none)/);
  });

  it("every section has its own page setup, headers and titlePage", async () => {
    const sections: Section[] = [
      { page: page("portrait"), pageNumber: { size: 14, align: "center", hideOnFirstPage: true }, blocks: [p("một")] },
      { page: page("landscape"), blocks: [p("hai")] },
      { page: page("portrait"), pageNumber: { size: 13, align: "center", hideOnFirstPage: false }, blocks: [p("ba")] },
    ];
    const ps = await documentXml([], sections);
    const xml = ps.get("word/document.xml")!;
    const sectPrs = [...xml.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1]!);
    expect(sectPrs).toHaveLength(3);
    expect(sectPrs[0]).toContain("<w:titlePg/>");
    expect(sectPrs[1]).not.toContain("<w:titlePg/>");
    expect(attr(sectPrs[1]!, "pgSz", "orient")).toBe("landscape");
    for (const s of sectPrs) {
      expect(s).toMatch(/<w:headerReference w:type="default"/);
      expect(s).toMatch(/<w:headerReference w:type="first"/);
    }
    // Each body sits in its own section: before the paragraph carrying that section's properties.
    const at = (t: string) => xml.indexOf(`>${t}</w:t>`);
    const breaks = [...xml.matchAll(/<w:sectPr>/g)].map((m) => m.index!);
    expect(at("một")).toBeLessThan(breaks[0]!);
    expect(at("hai")).toBeGreaterThan(breaks[0]!);
    expect(at("hai")).toBeLessThan(breaks[1]!);
    expect(at("ba")).toBeGreaterThan(breaks[1]!);
    expect(at("ba")).toBeLessThan(breaks[2]!);
    const headers = [...ps.keys()].filter((k) => /^word\/header\d+\.xml$/.test(k)).map((k) => ps.get(k)!);
    expect(headers.filter((h) => h.includes("PAGE"))).toHaveLength(3); // section 1 default, section 3 default and first
  });
});
