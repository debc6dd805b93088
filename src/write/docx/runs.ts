/** Inline content → docx runs. Fonts and language come from the document defaults (styles.ts). */
import { PageNumber, TextRun, UnderlineType } from "docx";
import type { Inline, RunStyle } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { halfPoints } from "./units.js";

export function runProps(s: RunStyle, ctx: DocxContext) {
  return {
    ...(s.size !== ctx.defaultSize ? { size: halfPoints(s.size) } : {}),
    ...(s.bold ? { bold: true } : {}),
    ...(s.italic ? { italics: true } : {}),
    ...(s.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    ...(s.vertAlign === "sub" ? { subScript: true } : s.vertAlign === "super" ? { superScript: true } : {}),
  };
}

export function toRun(r: Inline, ctx: DocxContext): TextRun {
  switch (r.kind) {
    case "text":
      return new TextRun({ text: r.text, ...runProps(r.style, ctx) });
    case "break":
      return new TextRun({ break: 1, ...runProps(r.style, ctx) });
    case "pageNumber":
      return new TextRun({ children: [PageNumber.CURRENT], ...runProps(r.style, ctx) });
  }
}
