/** Block dispatch: paragraphs and tables of the model → body XML. */
import type { Block, Twips } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { paragraphXml } from "./paragraphs.js";
import { tableXml } from "./tables.js";

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
    }
  }
  return x;
}
