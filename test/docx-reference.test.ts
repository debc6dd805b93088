/**
 * The package parts written from templates (src/write/docx/parts.ts) say what the `docx` package says
 * for the same document: document defaults, page setup and margins, first-page handling, the page
 * number header, the compatibility mode. docx is the reference; our templates only save its cost.
 */
import { AlignmentType, Document, Header, Packer, PageNumber, PageOrientation, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import type { DocModel, Section } from "../src/document/model.js";
import { docxContext } from "../src/write/docx/context.js";
import { writeDocx } from "../src/write/docx/index.js";
import { parts } from "./fixtures/compose/docx-parts.js";
import { exampleDocs } from "./fixtures/compose/example.js";

/** The same document's frame (no body) as the docx package writes it. */
async function docxReference(doc: DocModel): Promise<Map<string, string>> {
  const ctx = docxContext(doc);
  const f = doc.meta.font;
  const header = (s: Section, first: boolean) => {
    const pn = s.pageNumber;
    if (!pn || (first && pn.hideOnFirstPage)) return new Header({ children: [new Paragraph({})] });
    const size = pn.size * 2;
    return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size })] })] });
  };
  const file = new Document({
    styles: {
      default: {
        document: {
          run: { font: { ascii: f, hAnsi: f, cs: f, eastAsia: f }, size: ctx.defaultSize * 2, color: "000000", language: { value: doc.meta.language, eastAsia: doc.meta.language, bidirectional: doc.meta.language } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
    },
    sections: doc.sections.map((s) => ({
      properties: {
        page: {
          size: { width: s.page.width, height: s.page.height, orientation: s.page.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { ...s.page.margin, header: s.page.headerDistance, footer: s.page.headerDistance, gutter: 0 },
        },
        titlePage: s.pageNumber?.hideOnFirstPage ?? false,
      },
      headers: { default: header(s, false), first: header(s, true) },
      children: [],
    })),
  });
  return parts(await Packer.pack(file, "uint8array"));
}

/** An element's attributes as a sorted object (the order of attributes means nothing). */
function attrs(xml: string, element: string): Record<string, string> | undefined {
  const m = new RegExp(`<w:${element}\\b([^>]*?)/?>`).exec(xml);
  if (!m) return undefined;
  return Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

const section = (xml: string) => /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(xml)![0];

describe("package parts agree with the docx package", () => {
  for (const [name, get] of [["report", () => exampleDocs().report], ["score table", () => exampleDocs().scoreTable]] as const) {
    it(`${name}: defaults, page, headers, compatibility`, async () => {
      const doc = get();
      const ours = parts(await writeDocx(doc));
      const ref = await docxReference(doc);

      const defaults = (p: Map<string, string>) => /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(p.get("word/styles.xml")!)![0];
      for (const el of ["rFonts", "color", "sz", "szCs", "lang"]) expect(attrs(defaults(ours), el), el).toEqual(attrs(defaults(ref), el));
      const spacing = attrs(defaults(ours), "spacing")!;
      const refSpacing = attrs(defaults(ref), "spacing")!;
      expect({ ...spacing, "w:lineRule": undefined }).toEqual({ ...refSpacing, "w:lineRule": undefined });
      expect(spacing["w:lineRule"] ?? "auto").toBe(refSpacing["w:lineRule"] ?? "auto");

      const s = section(ours.get("word/document.xml")!);
      const r = section(ref.get("word/document.xml")!);
      expect(attrs(s, "pgSz")).toEqual(attrs(r, "pgSz"));
      expect(attrs(s, "pgMar")).toEqual(attrs(r, "pgMar"));
      expect(s.includes("<w:titlePg/>")).toBe(r.includes("<w:titlePg/>"));
      const types = (x: string) => [...x.matchAll(/<w:headerReference w:type="(\w+)"/g)].map((m) => m[1]);
      expect(types(s)).toEqual(types(r));

      // The headers, part by part in reference order: same text, field, alignment and size.
      const hdr = (p: Map<string, string>, sect: string, type: string) => {
        const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(sect)![1];
        const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(p.get("word/_rels/document.xml.rels")!)![1];
        return p.get(`word/${target}`)!;
      };
      for (const type of ["default", "first"]) {
        const a = hdr(ours, s, type);
        const b = hdr(ref, r, type);
        expect(a.includes("PAGE"), type).toBe(b.includes("PAGE"));
        expect(attrs(a, "jc")).toEqual(attrs(b, "jc"));
        const size = (x: string, st: Map<string, string>) => attrs(x, "sz")?.["w:val"] ?? attrs(defaults(st), "sz")!["w:val"];
        if (b.includes("PAGE")) expect(size(a, ours)).toBe(size(b, ref));
      }

      const compat = (p: Map<string, string>) => attrs(p.get("word/settings.xml")!, "compatSetting");
      expect(compat(ours)).toEqual(compat(ref));
    });
  }
});
