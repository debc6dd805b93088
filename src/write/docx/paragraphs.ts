/**
 * Model paragraphs → docx paragraphs.
 *
 * A paragraph with a `rule` becomes two: the text (its space after removed), then an empty rule
 * paragraph whose bottom border is the rule and whose left/right indents make the border exactly
 * `rule.width` twips long, centred on the text area (libraries.md: rules are measured against the
 * text, not the column). The text paragraph's space after follows the rule. The rule paragraph is
 * only a few points high, so the line sits just under the text.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, type TextRun } from "docx";
import type { Align, Paragraph as ModelParagraph, ParagraphStyle, Twips } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { toRun } from "./runs.js";
import { autoLine, borderEighths, halfPoints } from "./units.js";

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
} as const satisfies Record<Align, string>;

/** Height of a rule paragraph (exact line, twips): the border is drawn this far below the text. */
const RULE_LINE: Twips = 80;

function indent(s: ParagraphStyle) {
  const first = s.indentFirstLine ?? 0;
  return {
    ...(s.indentLeft ? { left: s.indentLeft } : {}),
    ...(s.indentRight ? { right: s.indentRight } : {}),
    ...(first > 0 ? { firstLine: first } : first < 0 ? { hanging: -first } : {}),
  };
}

/** Only what differs from the document defaults (styles.ts) is written: the XML stays small and fast. */
function paragraphProps(s: ParagraphStyle, spaceAfter: Twips | undefined, ctx: DocxContext) {
  const ind = indent(s);
  const before = s.spaceBefore ?? 0;
  const after = spaceAfter ?? 0;
  const line = autoLine(s.lineSpacing ?? 1);
  return {
    ...(s.align !== "left" ? { alignment: ALIGN[s.align] } : {}),
    ...(Object.keys(ind).length > 0 ? { indent: ind } : {}),
    ...(before || after || line !== 240 ? { spacing: { before, after, line, lineRule: LineRuleType.AUTO } } : {}),
    ...(s.keepNext ? { keepNext: true } : {}),
    // The paragraph mark's size counts in the height of the paragraph's last line (and is the whole
    // height of an empty paragraph, such as an empty table cell).
    ...(s.size !== ctx.defaultSize ? { run: { size: halfPoints(s.size) } } : {}),
  };
}

/**
 * `width`: the width of the area the paragraph is set in (page text width or cell content width).
 * `lead`: runs put before the paragraph's own (a list marker).
 */
export function toParagraphs(p: ModelParagraph, width: Twips, ctx: DocxContext, lead: TextRun[] = []): Paragraph[] {
  const s = p.style;
  const children = [...lead, ...p.runs.map((r) => toRun(r, ctx))];
  if (!p.rule) return [new Paragraph({ ...paragraphProps(s, s.spaceAfter, ctx), children })];
  const out: Paragraph[] = [];
  const keep = { ...s, keepNext: true };
  if (children.length > 0) out.push(new Paragraph({ ...paragraphProps(keep, 0, ctx), children }));
  out.push(ruleParagraph(p.rule, s, width, children.length > 0 ? 0 : s.spaceBefore ?? 0));
  return out;
}

function ruleParagraph(rule: NonNullable<ModelParagraph["rule"]>, s: ParagraphStyle, width: Twips, before: Twips): Paragraph {
  const left0 = s.indentLeft ?? 0;
  const right0 = s.indentRight ?? 0;
  const area = width - left0 - right0;
  const ruleWidth = Math.min(rule.width, area);
  const free = area - ruleWidth;
  const left = left0 + Math.floor(free / 2);
  const right = right0 + (free - Math.floor(free / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left, right },
    spacing: { before, after: s.spaceAfter ?? 0, line: RULE_LINE, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: borderEighths(rule.thickness), space: 0, color: "000000" } },
    ...(s.keepNext ? { keepNext: true } : {}),
    run: { size: 2 },
    children: [],
  });
}
