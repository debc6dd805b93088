/**
 * Model paragraphs → w:p. Only what differs from the document defaults is written (parts.ts, styles:
 * no spacing, single lines, left-aligned, the commonest size), which keeps the XML small.
 * Property order follows CT_PPrBase (keepNext, pBdr, spacing, ind, jc, rPr).
 *
 * A paragraph with a `rule` becomes two: the text (its space after removed, kept with the next),
 * then an empty rule paragraph whose bottom border is the rule and whose left/right indents make the
 * border exactly `rule.width` twips long, centred on the text area (docs/dependencies.md: rules are
 * measured against the text, not the column). The text paragraph's space after follows the rule, as the model
 * says. The rule paragraph is 4 pt high (exact), so the line sits just under the text.
 */
import type { Align, Paragraph, ParagraphStyle, Twips } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { runXml } from "./runs.js";
import { autoLine, borderEighths, halfPoints } from "./units.js";

const JC = { left: "left", center: "center", right: "right", justify: "both" } as const satisfies Record<Align, string>;

/** Height of a rule paragraph (exact line, twips): the border is drawn this far below the text. */
const RULE_LINE: Twips = 80;

function indXml(s: ParagraphStyle): string {
  const first = s.indentFirstLine ?? 0;
  let a = "";
  if (s.indentLeft) a += ` w:left="${s.indentLeft}"`;
  if (s.indentRight) a += ` w:right="${s.indentRight}"`;
  if (first > 0) a += ` w:firstLine="${first}"`;
  else if (first < 0) a += ` w:hanging="${-first}"`;
  return a ? `<w:ind${a}/>` : "";
}

/** The paragraph mark's size counts in the height of the last line (and is all of an empty paragraph's). */
function markXml(size: number, ctx: DocxContext): string {
  if (size === ctx.defaultSize) return "";
  const hp = halfPoints(size);
  return `<w:rPr><w:sz w:val="${hp}"/><w:szCs w:val="${hp}"/></w:rPr>`;
}

export function paragraphPropsXml(s: ParagraphStyle, spaceAfter: Twips, keepNext: boolean, ctx: DocxContext): string {
  const before = s.spaceBefore ?? 0;
  const line = autoLine(s.lineSpacing ?? 1);
  let x = keepNext ? "<w:keepNext/>" : "";
  if (before || spaceAfter || line !== 240) x += `<w:spacing w:before="${before}" w:after="${spaceAfter}" w:line="${line}" w:lineRule="auto"/>`;
  x += indXml(s);
  if (s.align !== "left") x += `<w:jc w:val="${JC[s.align]}"/>`;
  x += markXml(s.size, ctx);
  return x ? `<w:pPr>${x}</w:pPr>` : "";
}

/**
 * `width`: the width of the area the paragraph is set in (page text width or cell content width).
 * `lead`: XML of runs put before the paragraph's own (a list marker). `keepNext`: forced by the row.
 */
export function paragraphXml(p: Paragraph, width: Twips, ctx: DocxContext, lead = "", keepNext = false): string {
  const s = p.style;
  let runs = lead;
  for (const r of p.runs) runs += runXml(r, ctx);
  const keep = keepNext || !!s.keepNext;
  if (!p.rule) return `<w:p>${paragraphPropsXml(s, s.spaceAfter ?? 0, keep, ctx)}${runs}</w:p>`;
  let out = "";
  if (runs) out += `<w:p>${paragraphPropsXml(s, 0, true, ctx)}${runs}</w:p>`;
  return out + ruleXml(p.rule, s, width, runs ? 0 : (s.spaceBefore ?? 0), keep);
}

function ruleXml(rule: NonNullable<Paragraph["rule"]>, s: ParagraphStyle, width: Twips, before: Twips, keepNext: boolean): string {
  const left0 = s.indentLeft ?? 0;
  const right0 = s.indentRight ?? 0;
  const area = width - left0 - right0;
  const free = area - Math.min(rule.width, area);
  const left = left0 + Math.floor(free / 2);
  const right = right0 + (free - Math.floor(free / 2));
  return (
    "<w:p><w:pPr>" +
    (keepNext ? "<w:keepNext/>" : "") +
    `<w:pBdr><w:bottom w:val="single" w:color="000000" w:sz="${borderEighths(rule.thickness)}" w:space="0"/></w:pBdr>` +
    `<w:spacing w:before="${before}" w:after="${s.spaceAfter ?? 0}" w:line="${RULE_LINE}" w:lineRule="exact"/>` +
    `<w:ind w:left="${left}" w:right="${right}"/>` +
    '<w:jc w:val="center"/>' +
    '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>' +
    "</w:pPr></w:p>"
  );
}
