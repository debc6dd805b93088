/**
 * The docx writer (src/write/docx: body serialised from string templates, package parts from
 * templates) says what the `docx` package says for the same DocModel: the same document built with
 * docx's object model (test/helpers/docx-reference.ts) is the reference; our templates only save its
 * cost. Compared as parsed XML (test/helpers/xml.ts), never as text: the whole body of
 * word/document.xml (paragraphs, runs, tables, rules, merges and the section properties, each header
 * reference resolved to its header part's content), the document defaults in word/styles.xml and the
 * compatibility settings in word/settings.xml. Inputs: the example's two documents and a small model
 * that uses what they do not (merges, breaks, underline, sub/superscript, indents, two sections).
 */
import { describe, expect, it } from "vitest";
import type { Block, Cell, DocModel, Inline, Paragraph, RunStyle, Section } from "../src/document/model.js";
import { writeDocx } from "../src/write/docx/index.js";
import { parts } from "./fixtures/compose/docx-parts.js";
import { exampleDocs } from "./fixtures/compose/example.js";
import { docxReference } from "./helpers/docx-reference.js";
import { childElements, findElement, parseXml, type XmlElement, type XmlNode } from "./helpers/xml.js";

type Parts = Map<string, string>;

function part(p: Parts, name: string): XmlElement {
  const xml = p.get(name);
  if (xml === undefined) throw new Error(`no part ${name}`);
  return parseXml(xml);
}

function child(el: XmlElement | undefined, name: string): XmlElement {
  const c = el && findElement(el, name);
  if (!c) throw new Error(`no <${name}> in <${el?.name}>`);
  return c;
}

/**
 * A parsed tree as an indented outline, one element per line with its attributes sorted: what the
 * comparisons assert on (a failing one shows a readable line diff). Whitespace-only text between
 * elements (indentation) is left out; other text is kept exactly.
 */
function outline(n: XmlNode, depth = 0): string {
  const pad = "  ".repeat(depth);
  if (typeof n === "string") return n.trim() === "" && n.includes("\n") ? "" : `${pad}${JSON.stringify(n)}\n`;
  const attrs = Object.entries(n.attrs)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => ` ${k}="${v}"`)
    .join("");
  return `${pad}<${n.name}${attrs}>\n` + n.children.map((c) => outline(c, depth + 1)).join("");
}

/** Elements without attributes or children, which therefore say nothing (docx writes an empty w:pgNumType). */
const SAYS_NOTHING = new Set(["w:pgNumType"]);

/**
 * The body of word/document.xml, each r:id of a header reference replaced by the outline of the
 * header it points to (relationship ids are arbitrary names; the header's content is what counts).
 */
function body(p: Parts): XmlElement {
  const rels = new Map(childElements(part(p, "word/_rels/document.xml.rels"), "Relationship").map((r) => [r.attrs.Id!, r.attrs.Target!]));
  const resolve = (el: XmlElement): XmlElement => {
    const attrs = { ...el.attrs };
    if (el.name === "w:headerReference") {
      const target = rels.get(attrs["r:id"]!);
      expect(target, `relationship ${attrs["r:id"]}`).toBeDefined();
      attrs["r:id"] =
        "\n" +
        childElements(part(p, `word/${target}`))
          .map((c) => outline(c, 3))
          .join("");
    }
    const children = el.children
      .filter((c) => typeof c === "string" || !(SAYS_NOTHING.has(c.name) && c.children.length === 0 && Object.keys(c.attrs).length === 0))
      .map((c) => (typeof c === "string" ? c : resolve(c)));
    return { name: el.name, attrs, children };
  };
  return resolve(child(part(p, "word/document.xml"), "w:body"));
}

/** w:docDefaults; a w:spacing without w:lineRule gets its default, "auto" (ST_LineSpacingRule). */
function docDefaults(p: Parts): XmlElement {
  const d = child(part(p, "word/styles.xml"), "w:docDefaults");
  const spacing = child(d, "w:spacing");
  spacing.attrs["w:lineRule"] ??= "auto";
  return d;
}

async function compare(doc: DocModel): Promise<{ ours: Parts; ref: Parts }> {
  const ours = parts(await writeDocx(doc));
  const ref = parts(await docxReference(doc));
  expect(outline(body(ours))).toBe(outline(body(ref)));
  expect(outline(docDefaults(ours))).toBe(outline(docDefaults(ref)));
  const settings = (p: Parts) => part(p, "word/settings.xml");
  expect(outline(child(settings(ours), "w:compat"))).toBe(outline(child(settings(ref), "w:compat")));
  expect(outline(child(settings(ours), "w:defaultTabStop"))).toBe(outline(child(settings(ref), "w:defaultTabStop")));
  // docx writes w:evenAndOddHeaders w:val="false", the default: ours may leave it out, never turn it on
  expect(findElement(settings(ours), "w:evenAndOddHeaders")?.attrs["w:val"] ?? "false").toBe(child(settings(ref), "w:evenAndOddHeaders").attrs["w:val"]);
  return { ours, ref };
}

// ---- a small model with what the example's documents do not use ----

const run = (text: string, style: Partial<RunStyle> = {}): Inline => ({ kind: "text", text, style: { size: 12, ...style } });
const para = (runs: Inline[], style: Partial<Paragraph["style"]> = {}, extra: Partial<Paragraph> = {}): Paragraph => ({
  kind: "paragraph",
  style: { align: "left", size: 12, ...style },
  runs,
  ...extra,
});
const cell = (blocks: Block[], extra: Partial<Cell> = {}): Cell => ({ blocks, vAlign: "top", ...extra });
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 };

function featuresDoc(): DocModel {
  const first: Section = {
    page: { ...A4, orientation: "portrait", margin: MARGIN, headerDistance: 567 },
    pageNumber: { size: 13, align: "center", hideOnFirstPage: false },
    blocks: [
      para(
        [
          run("Chữ "),
          run("gạch chân", { underline: true }),
          run(" H"),
          run("2", { vertAlign: "sub" }),
          run("O và m"),
          run("2", { vertAlign: "super" }),
          { kind: "break", style: { size: 12 } },
          run("dòng sau", { bold: true, italic: true }),
        ],
        { align: "justify", indentLeft: 360, indentRight: 240, indentFirstLine: 567, spaceBefore: 120, spaceAfter: 60, lineSpacing: 1.5 },
      ),
      para([run("Treo đầu dòng", { size: 14 })], { size: 14, indentLeft: 720, indentFirstLine: -360, keepNext: true }),
      para([], { size: 12, align: "center", spaceBefore: 240, spaceAfter: 120 }, { rule: { width: 2000, thickness: 0.5 } }),
      para([run("Tiêu đề có gạch dưới", { bold: true })], { align: "center", spaceAfter: 200, keepNext: true }, { rule: { width: 99999, thickness: 1 } }),
      {
        kind: "table",
        columns: [1000, 2000, 3000],
        borders: { width: 0.5 },
        headerRows: 1,
        padding: { top: 20, bottom: 20, left: 100, right: 100 },
        rows: [
          {
            cantSplit: true,
            cells: [cell([para([run("A", { bold: true })], { align: "center" })]), cell([para([run("B")])]), cell([para([run("C")])], { vAlign: "bottom" })],
          },
          // a 2 × 2 merge at the start, then a cell merged down at the end
          {
            cantSplit: false,
            keepNext: true,
            cells: [
              cell([para([run("gộp 2 × 2", { size: 10 })], { size: 10 })], { colSpan: 2, rowSpan: 2, vAlign: "center" }),
              cell([para([run("c1")])], { rowSpan: 3 }),
            ],
          },
          { cantSplit: true, cells: [] },
          { cantSplit: true, keepNext: true, cells: [cell([para([run("a3")])]), cell([])] },
          {
            cantSplit: false,
            cells: [
              cell([
                para([run("bảng lồng")]),
                {
                  kind: "table",
                  columns: [800],
                  borders: null,
                  headerRows: 0,
                  padding: { top: 0, bottom: 0, left: 0, right: 0 },
                  rows: [{ cantSplit: false, cells: [cell([para([run("trong", { size: 11 })], { size: 11 })])] }],
                },
              ]),
              cell([para([run("b4")])], { colSpan: 2 }),
            ],
          },
        ],
      },
    ],
  };
  const second: Section = {
    page: { ...A4, orientation: "landscape", margin: MARGIN, headerDistance: 567 },
    blocks: [para([run("Phần hai, không đánh số trang")])],
  };
  return {
    meta: { title: "Mẫu", subject: "Kiểm tra", author: "chamdiem", language: "vi-VN", date: "2021-11-19T00:00:00Z", font: "Times New Roman" },
    sections: [first, second],
  };
}

describe("the docx writer agrees with the docx package, as parsed XML", () => {
  for (const [name, get] of [
    ["the example's report", () => exampleDocs().report],
    ["the example's score table", () => exampleDocs().scoreTable],
  ] as const) {
    it(`${name}: body (paragraphs, runs, tables, rules, section, headers), defaults, compatibility`, async () => {
      const { ours } = await compare(get());
      // the comparison was not vacuous: the body holds the document
      const b = body(ours);
      expect(childElements(b, "w:tbl").length).toBeGreaterThan(0);
      expect(childElements(b).length).toBeGreaterThan(5);
    });
  }

  it("a model with merges, breaks, underline, sub/superscript, indents, rules and two sections", async () => {
    const { ours } = await compare(featuresDoc());
    const xml = ours.get("word/document.xml")!;
    for (const el of ["w:vMerge", "w:gridSpan", "w:br", "w:u", "w:vertAlign", "w:tblHeader", "w:keepNext", "w:pBdr", "w:titlePg"]) {
      if (el === "w:titlePg") expect(findElement(parseXml(xml), el), el).toBeUndefined();
      else expect(findElement(parseXml(xml), el), el).toBeDefined();
    }
  });

  it("notices a difference: one changed attribute in the body fails the comparison", async () => {
    const doc = exampleDocs().report;
    const ours = parts(await writeDocx(doc));
    const ref = parts(await docxReference(doc));
    const changed = new Map(ours);
    changed.set("word/document.xml", ours.get("word/document.xml")!.replace('<w:jc w:val="center"/>', '<w:jc w:val="right"/>'));
    expect(changed.get("word/document.xml")).not.toBe(ours.get("word/document.xml"));
    expect(outline(body(changed))).not.toBe(outline(body(ref)));
    expect(outline(body(ours))).toBe(outline(body(ref)));
  });
});
