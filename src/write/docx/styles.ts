/**
 * Document defaults: the model's font on every script slot (w:rFonts ascii/hAnsi/cs/eastAsia), the
 * document language, black text, the commonest size of the document (context.ts), and paragraphs
 * with no spacing of their own (every paragraph of the model states its spacing; Word's default 8 pt
 * after would otherwise creep in).
 */
import type { IStylesOptions } from "docx";
import type { DocMeta } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { halfPoints } from "./units.js";

export function documentStyles(meta: DocMeta, ctx: DocxContext): IStylesOptions {
  const font = meta.font;
  return {
    default: {
      document: {
        run: {
          font: { ascii: font, hAnsi: font, cs: font, eastAsia: font },
          size: halfPoints(ctx.defaultSize),
          color: "000000",
          language: { value: meta.language, eastAsia: meta.language, bidirectional: meta.language },
        },
        paragraph: { spacing: { before: 0, after: 0, line: 240 } },
      },
    },
  };
}
