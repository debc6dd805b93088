/**
 * Flow: blocks → slices. Paragraphs become one slice per line (with their spacing, keeps and rule),
 * tables become row slices (table.ts). (Markdown lists arrive as ordinary paragraphs: see
 * compose/markdown/block.ts.)
 */
import type { Block, Paragraph, RunStyle, SlotKind } from "../document/model.js";
import { collect } from "./inline/collect.js";
import { finalizeLine } from "./inline/finalize.js";
import { breakLines } from "./inline/linebreak.js";
import { plainLines } from "./inline/plain.js";
import type { Slice } from "./slice.js";
import { twipsToPt } from "./style.js";
import { tableSlices } from "./table.js";
import type { FlowContext, LayoutWarning, TextFrame } from "./types.js";

export function flowBlocks(blocks: readonly Block[], left: number, width: number, ctx: FlowContext): Slice[] {
  const out: Slice[] = [];
  let keepNext = false;
  for (const block of blocks) {
    const slices = blockSlices(block, left, width, ctx);
    const first = slices[0];
    if (first && keepNext) first.keepWithPrev = true;
    keepNext = block.kind === "paragraph" && !!block.style.keepNext;
    out.push(...slices);
  }
  return out;
}

function blockSlices(block: Block, left: number, width: number, ctx: FlowContext): Slice[] {
  switch (block.kind) {
    case "paragraph":
      return paragraphSlices(block, left, width, ctx);
    case "table":
      return tableSlices(block, left, width, ctx, flowBlocks);
  }
}

/** Paragraph-mark styles, one object per size (the fonts cache metrics per style object). */
const markStyles = new Map<number, RunStyle>();
function markStyleFor(size: number): RunStyle {
  let st = markStyles.get(size);
  if (!st) markStyles.set(size, (st = { size }));
  return st;
}

export function paragraphSlices(p: Paragraph, left: number, width: number, ctx: FlowContext): Slice[] {
  const { fonts } = ctx;
  const s = p.style;
  const indentLeft = twipsToPt(s.indentLeft);
  const indentRight = twipsToPt(s.indentRight);
  const firstLine = twipsToPt(s.indentFirstLine);
  const textLeft = left + indentLeft;
  const textWidth = width - indentLeft - indentRight;
  const markStyle = markStyleFor(s.size);
  const lineSpacing = s.lineSpacing && s.lineSpacing > 0 ? s.lineSpacing : 1;

  const slices: Slice[] = [];
  if (p.runs.length === 0 && !p.rule) {
    // An empty paragraph (an empty table cell, a spacer): one line as tall as its mark.
    const m = fonts.lineMetrics(markStyle);
    slices.push({ height: (m.ascent + m.descent) * lineSpacing, before: 0, after: 0, keepWithPrev: false, items: [] });
  } else if (p.runs.length > 0 || !p.rule) {
    // (A paragraph with no runs and a rule is the rule alone: no empty line above it.)
    const run = p.runs[0];
    const plain =
      p.runs.length === 1 && run?.kind === "text"
        ? plainLines(
            { text: run.text.normalize("NFC"), style: run.style, align: s.align, left: textLeft, width: textWidth, firstLine, lineSpacing, markStyle },
            fonts,
          )
        : undefined;
    let overflow = false;
    if (plain) {
      for (const l of plain) {
        slices.push({ height: l.height, before: 0, after: 0, keepWithPrev: false, items: l.frame ? [l.frame] : [] });
        if (l.overflow) overflow = true;
      }
    } else {
      overflow = generalSlices(p, textLeft, textWidth, firstLine, lineSpacing, markStyle, ctx, slices);
    }
    if (overflow) {
      const w: LayoutWarning = { code: "overflow", kind: "line", message: "a line narrower than one character: text runs past its edge" };
      if (p.source) w.source = p.source;
      ctx.warnings.push(w);
    }
    // Widow/orphan control: never leave a paragraph's first line alone at the bottom of a page or its
    // last line alone at the top of the next.
    if (ctx.options.widowControl && slices.length >= 2) {
      slices[1]!.keepWithPrev = true;
      slices[slices.length - 1]!.keepWithPrev = true;
    }
  }
  if (p.rule) {
    // As the .docx draws it (src/write/docx/paragraphs.ts): a separate rule "paragraph" kept with the
    // text, `ruleLine` high (an exact line height), whose bottom border is the rule: `rule.width` long
    // (at most the text area), centred on the paragraph's text area, in whole twips as the docx indents.
    const area = Math.round(textWidth * 20);
    const ruleTw = Math.min(p.rule.width, area);
    const x1 = textLeft + Math.floor((area - ruleTw) / 2) / 20;
    const w = ruleTw / 20;
    const t = p.rule.thickness;
    const line = twipsToPt(ctx.options.ruleLine);
    slices.push({
      height: line + t,
      before: 0,
      after: 0,
      keepWithPrev: slices.length > 0,
      items: [{ kind: "line", x1, y1: line + t / 2, x2: x1 + w, y2: line + t / 2, width: t, role: "rule" }],
    });
  }
  if (p.slot) markSlot(p.slot, slices, textLeft, textWidth, ctx);
  // Every paragraph has at least one slice: a line (an empty one when it has no text) or its rule.
  slices[0]!.before = twipsToPt(s.spaceBefore);
  slices[slices.length - 1]!.after = twipsToPt(s.spaceAfter);
  return slices;
}

/** A paragraph's lines through the general inline path: collect → breakLines → finalizeLine. True if a line overflows. */
function generalSlices(
  p: Paragraph,
  textLeft: number,
  textWidth: number,
  firstLine: number,
  lineSpacing: number,
  markStyle: RunStyle,
  ctx: FlowContext,
  slices: Slice[],
): boolean {
  const { fonts } = ctx;
  const atoms = collect(p.runs, fonts);
  const lines = breakLines(atoms, textWidth, firstLine, fonts);
  let overflow = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const first = i === 0;
    if (line.overflow) overflow = true;
    const fl = finalizeLine(
      line,
      {
        align: p.style.align,
        left: textLeft + (first ? firstLine : 0),
        width: textWidth - (first ? firstLine : 0),
        lineSpacing,
        markStyle,
        isLast: i === lines.length - 1,
      },
      fonts,
    );
    slices.push({ height: fl.height, before: 0, after: 0, keepWithPrev: false, items: fl.frames });
  }
  return overflow;
}

/** Text frames' faces as run styles, for measuring a frame again (one object per face and size). */
const faceStyles = new Map<string, RunStyle>();
function faceStyle(face: TextFrame["face"], size: number): RunStyle {
  const key = `${face} ${size}`;
  let st = faceStyles.get(key);
  if (!st) faceStyles.set(key, (st = { size, bold: face === "bold" || face === "boldItalic", italic: face === "italic" || face === "boldItalic" }));
  return st;
}

/**
 * Marks the lines of a signing-slot paragraph with their text boxes: from the leftmost frame's left to
 * the rightmost frame's measured right end (justification spacing included), from the tallest frame's
 * ascent above the baseline to its descent below. A paragraph without text gets its first line's box
 * over the whole text width, so every slot is reported.
 */
function markSlot(kind: SlotKind, slices: Slice[], textLeft: number, textWidth: number, ctx: FlowContext): void {
  const { fonts } = ctx;
  let any = false;
  for (const s of slices) {
    let x1 = Infinity;
    let x2 = -Infinity;
    let y1 = Infinity;
    let y2 = -Infinity;
    for (const f of s.items) {
      if (f.kind !== "text" || f.text === "") continue;
      const style = faceStyle(f.face, f.size);
      let w = fonts.measure(f.text, style);
      if (f.wordSpacing) for (const ch of f.text) if (ch === " ") w += f.wordSpacing;
      const m = fonts.lineMetrics(style);
      x1 = Math.min(x1, f.x);
      x2 = Math.max(x2, f.x + w);
      y1 = Math.min(y1, f.y - m.ascent);
      y2 = Math.max(y2, f.y + m.descent);
    }
    if (x1 === Infinity) continue;
    s.slot = { kind, x1, y1, x2, y2 };
    any = true;
  }
  if (!any && slices[0]) slices[0].slot = { kind, x1: textLeft, y1: 0, x2: textLeft + textWidth, y2: slices[0].height };
}
