/**
 * "Kính gửi:" (ô 9a), for a report sent to a superior body. One addressee on the same line, centred:
 * "Kính gửi: Sở Nội vụ." Several: the first on the label's line, the others below it with their
 * dashes aligned, each "- …;" and the last "- … ." The block is centred on the page as a whole.
 */
import type { Block, MeasureText, RunStyle, Twips } from "../document/model.js";
import type { SourcePos } from "../model/source.js";
import { line } from "./blocks.js";
import { widthTwips } from "./text-fit.js";
import { BODY, SIZE } from "./profile.js";

const STYLE: RunStyle = { size: SIZE.addressee };
const LABEL = "Kính gửi: ";

/** Strips the punctuation an author may have typed, so the decree's is added exactly once. */
export function stripListPunctuation(item: string): string {
  return item
    .trim()
    .replace(/^[-–+]\s+/, "")
    .replace(/[\s;,.]+$/, "");
}

export function addresseeBlock(to: readonly string[], measure: MeasureText, width: Twips, source: SourcePos): Block[] {
  const items = to.map(stripListPunctuation).filter((t) => t.length > 0);
  if (items.length === 0) return [];
  const base = { spaceBefore: 0, spaceAfter: BODY.spaceAfter, lineSpacing: 1 };
  if (items.length === 1) return [line(`${LABEL}${items[0]}.`, STYLE, { ...base, align: "center" }, { source })];
  const lines = items.map((t, i) => `- ${t}${i === items.length - 1 ? "." : ";"}`);
  const label = widthTwips(measure, LABEL, STYLE);
  const widest = Math.max(...lines.map((l) => widthTwips(measure, l, STYLE)));
  const left = Math.max(0, Math.floor((width - label - widest) / 2));
  return lines.map((l, i) => {
    const last = i === lines.length - 1;
    const style = { ...base, align: "left" as const, spaceAfter: last ? BODY.spaceAfter : 0 };
    return i === 0
      ? line(`${LABEL}${l}`, STYLE, { ...style, indentLeft: left }, { source })
      : line(l, STYLE, { ...style, indentLeft: left + label }, { source });
  });
}
