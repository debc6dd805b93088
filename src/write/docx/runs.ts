/**
 * Inline content → w:r. Fonts, colour and language come from the document defaults (parts.ts, styles); a
 * run names only what differs from them. Property order follows CT_RPr (b, i, sz, u, vertAlign).
 */
import type { Inline, RunStyle } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { halfPoints } from "./units.js";
import { escapeText } from "./xml.js";

export function runPropsXml(s: RunStyle, ctx: DocxContext): string {
  let x = "";
  if (s.bold) x += "<w:b/><w:bCs/>";
  if (s.italic) x += "<w:i/><w:iCs/>";
  if (s.size !== ctx.defaultSize) {
    const hp = halfPoints(s.size);
    x += `<w:sz w:val="${hp}"/><w:szCs w:val="${hp}"/>`;
  }
  if (s.underline) x += '<w:u w:val="single"/>';
  if (s.vertAlign) x += `<w:vertAlign w:val="${s.vertAlign === "sub" ? "subscript" : "superscript"}"/>`;
  return x ? `<w:rPr>${x}</w:rPr>` : "";
}

/** The PAGE field, as Word writes a page number: begin, instruction, separate, end. */
function pageField(rPr: string): string {
  return (
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r>` +
    `<w:r>${rPr}<w:instrText xml:space="preserve">PAGE</w:instrText></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`
  );
}

export function runXml(r: Inline, ctx: DocxContext): string {
  const rPr = runPropsXml(r.style, ctx);
  switch (r.kind) {
    case "text":
      return `<w:r>${rPr}<w:t xml:space="preserve">${escapeText(r.text)}</w:t></w:r>`;
    case "break":
      return `<w:r>${rPr}<w:br/></w:r>`;
    case "pageNumber":
      return pageField(rPr);
  }
}
