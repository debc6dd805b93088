/** Block dispatch: paragraphs, tables and lists of the model → docx body children. */
import { Paragraph, Tab, Table, TextRun } from "docx";
import type { Block, List, Twips } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { toParagraphs } from "./paragraphs.js";
import { runProps } from "./runs.js";
import { toTable } from "./tables.js";

export type BodyChild = Paragraph | Table;

/** `width`: the width the blocks are set in (page text width, or a cell's content width). */
export function toBlocks(blocks: readonly Block[], width: Twips, ctx: DocxContext): BodyChild[] {
  const out: BodyChild[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "paragraph":
        out.push(...toParagraphs(b, width, ctx));
        break;
      case "table":
        out.push(toTable(b, ctx, toBlocks));
        break;
      case "list":
        out.push(...toList(b, width, ctx));
        break;
    }
  }
  return out;
}

/**
 * A model list (compose prints Markdown lists as paragraphs and does not emit these, but the model
 * allows them): each item's paragraphs are indented by `indent`; the first carries the marker on a
 * hanging indent, which Word and LibreOffice both treat as a tab stop.
 */
function toList(list: List, width: Twips, ctx: DocxContext): BodyChild[] {
  const out: BodyChild[] = [];
  list.items.forEach((item, i) => {
    const label = list.ordered ? `${list.start + i}.` : "-";
    item.forEach((b, j) => {
      if (b.kind !== "paragraph") {
        out.push(...toBlocks([b], width - list.indent, ctx));
        return;
      }
      const style = { ...b.style, indentLeft: (b.style.indentLeft ?? 0) + list.indent, indentFirstLine: j === 0 ? -list.indent : 0 };
      const firstStyle = b.runs.find((r) => r.kind === "text")?.style ?? { size: b.style.size };
      const lead = j === 0 ? [new TextRun({ children: [label, new Tab()], ...runProps(firstStyle, ctx) })] : [];
      out.push(...toParagraphs({ ...b, style }, width, ctx, lead));
    });
  });
  return out;
}
