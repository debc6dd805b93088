/** Small builders for layout tests: documents of given geometry in points, monospace fake fonts. */
import type { Block, DocModel, Inline, Paragraph, RunStyle, Section } from "../../src/document/model.js";
import { layoutDocument, monospaceFonts, type LayoutOptions, type LayoutResult, type TextFrame } from "../../src/layout/index.js";

export const mono = monospaceFonts(0.5, 0.25);

export function run(text: string, style: Partial<RunStyle> = {}): Inline {
  return { kind: "text", text, style: { size: 10, ...style } };
}

export function p(runs: Inline[] | string, style: Partial<Paragraph["style"]> = {}, extra: Partial<Paragraph> = {}): Paragraph {
  return { kind: "paragraph", style: { align: "left", size: 10, ...style }, runs: typeof runs === "string" ? [run(runs)] : runs, ...extra };
}

/** A section whose body is `width` × `height` points, margins 10 pt (header at 2 pt). */
export function section(blocks: Block[], width = 100, height = 100, extra: Partial<Section> = {}): Section {
  const m = 200; // 10 pt in twips
  return {
    page: {
      width: width * 20 + 2 * m,
      height: height * 20 + 2 * m,
      orientation: width > height ? "landscape" : "portrait",
      margin: { top: m, bottom: m, left: m, right: m },
      headerDistance: 40,
    },
    blocks,
    ...extra,
  };
}

export function doc(...sections: Section[]): DocModel {
  return {
    meta: { title: "t", subject: "s", author: "a", language: "vi-VN", date: "2021-11-19T00:00:00Z", font: "Times New Roman" },
    sections,
  };
}

export function lay(blocks: Block[], width = 100, height = 100, options: LayoutOptions = {}): LayoutResult {
  return layoutDocument(doc(section(blocks, width, height)), mono, options);
}

export function texts(r: LayoutResult, page = 0): TextFrame[] {
  return r.pages[page].items.filter((f): f is TextFrame => f.kind === "text");
}

/** Lines of text of a page: frames grouped by baseline, joined. */
export function lines(r: LayoutResult, page = 0): string[] {
  const byY = new Map<number, TextFrame[]>();
  for (const t of texts(r, page)) {
    const k = Math.round(t.y * 100);
    byY.set(k, [...(byY.get(k) ?? []), t]);
  }
  return [...byY.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, fs]) =>
      fs
        .sort((a, b) => a.x - b.x)
        .map((f) => f.text)
        .join("|"),
    );
}
