/**
 * Column widths of the score table (7 columns, fixed layout). STT and the three score columns are
 * sized from measured text so that the widest id actually printed (at least "3.1.2") and the widest
 * score (at least "10,00", in bold as the criterion rows print it) never wrap, and no word of the
 * header labels is broken; the rest of the width goes to the title (32 %), the justification (50 %:
 * the longest texts, the seed's justifications run to 15 lines) and the appraisal opinion (18 %).
 * When the appraisal has written opinions, the opinion column takes 26 % (title 30 %, justification
 * 44 %), so its text does not run to a word per line.
 */
import type { MeasureText, RunStyle, Twips } from "../document/model.js";
import { formatHundredths, type NumberFormat } from "../model/points.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import { widthTwips } from "./text-fit.js";
import { CELL_PADDING, SIZE } from "./profile.js";

export const HEADER_LABELS = [
  "STT",
  "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
  "Điểm tối đa",
  "Điểm tự đánh giá",
  "Giải trình của đơn vị",
  "Điểm thẩm định",
  "Ý kiến thẩm định",
] as const;

export const COL = { stt: 0, title: 1, max: 2, self: 3, justification: 4, appraisal: 5, opinion: 6 } as const;

/** Widest run style a cell of these columns may use (bold italic is wider than bold in some glyphs). */
const WIDEST: RunStyle[] = [{ size: SIZE.table, bold: true }, { size: SIZE.table, bold: true, italic: true }, { size: SIZE.table }];
const SLACK: Twips = 60;
/** Score columns are at least 2 cm wide: narrower looks cramped beside the long text columns. */
const MIN_SCORE_COLUMN: Twips = 1134;

function widest(measure: MeasureText, texts: Iterable<string>): Twips {
  let w = 0;
  for (const t of texts) for (const s of WIDEST) w = Math.max(w, widthTwips(measure, t, s));
  return w;
}

function* scoredNodes(items: readonly ScoredNode[]): Generator<ScoredNode> {
  for (const n of items) {
    yield n;
    if (n.children) yield* scoredNodes(n.children);
  }
}

export function scoreColumns(scored: ScoredAssessment, measure: MeasureText, numbers: NumberFormat, width: Twips): Twips[] {
  const pad = CELL_PADDING.left + CELL_PADDING.right;
  const ids = new Set<string>(["3.1.2", HEADER_LABELS[0]]);
  const scores = new Set<string>([formatHundredths(1000, numbers), formatHundredths(scored.max, numbers), formatHundredths(scored.total, numbers)]);
  if (scored.appraised) scores.add(formatHundredths(scored.appraised.total, numbers));
  for (const n of scoredNodes(scored.items)) {
    ids.add(n.node.id);
    scores.add(formatHundredths(n.node.max, numbers)).add(formatHundredths(n.score, numbers));
    if (n.appraisal?.score !== undefined) scores.add(formatHundredths(n.appraisal.score, numbers));
    for (const o of n.options ?? []) if (o.points !== undefined) scores.add(formatHundredths(o.points, numbers));
  }
  const headerWords = [HEADER_LABELS[2], HEADER_LABELS[3], HEADER_LABELS[5]].flatMap((l) => l.split(" "));
  const stt = widest(measure, ids) + pad + SLACK;
  const score = Math.max(MIN_SCORE_COLUMN, Math.max(widest(measure, scores), widest(measure, headerWords)) + pad + SLACK);
  const rest = width - stt - 3 * score;
  const opinions = [...scoredNodes(scored.items)].some((n) => n.appraisal?.opinion !== undefined);
  const title = Math.round(rest * (opinions ? 0.3 : 0.32));
  const justification = Math.round(rest * (opinions ? 0.44 : 0.5));
  return [stt, title, score, score, justification, score, rest - title - justification];
}
