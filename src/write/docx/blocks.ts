/** Block dispatch: paragraphs, tables and lists of the model → body XML. */
import type { Block, List, Twips } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { paragraphXml } from "./paragraphs.js";
import { runPropsXml } from "./runs.js";
import { tableXml } from "./tables.js";
import { escapeText } from "./xml.js";

/** `width`: the width the blocks are set in (page text width, or a cell's content width). */
export function blocksXml(blocks: readonly Block[], width: Twips, ctx: DocxContext, keepNext = false): string {
  let x = "";
  for (const b of blocks) {
    switch (b.kind) {
      case "paragraph":
        x += paragraphXml(b, width, ctx, "", keepNext);
        break;
      case "table":
        x += tableXml(b, ctx, blocksXml);
        break;
      case "list":
        x += listXml(b, width, ctx, keepNext);
        break;
    }
  }
  return x;
}

/**
 * A model list (compose prints Markdown lists as paragraphs and does not emit these, but the model
 * allows them): each item's paragraphs are indented by `indent`; the first carries the marker on a
 * hanging indent, which Word and LibreOffice both treat as a tab stop.
 */
function listXml(list: List, width: Twips, ctx: DocxContext, keepNext: boolean): string {
  let x = "";
  list.items.forEach((item, i) => {
    const label = list.ordered ? `${list.start + i}.` : "-";
    item.forEach((b, j) => {
      if (b.kind !== "paragraph") {
        x += blocksXml([b], width - list.indent, ctx, keepNext);
        return;
      }
      const style = { ...b.style, indentLeft: (b.style.indentLeft ?? 0) + list.indent, indentFirstLine: j === 0 ? -list.indent : 0 };
      const firstStyle = b.runs.find((r) => r.kind === "text")?.style ?? { size: b.style.size };
      const lead = j === 0 ? `<w:r>${runPropsXml(firstStyle, ctx)}<w:t xml:space="preserve">${escapeText(label)}</w:t><w:tab/></w:r>` : "";
      x += paragraphXml({ ...b, style }, width, ctx, lead, keepNext);
    });
  });
  return x;
}
