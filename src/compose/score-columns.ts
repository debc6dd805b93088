/**
 * Column widths of the score table, from the rubric's declared form (src/model/table.ts).
 *
 * Number columns (label, max, scores, percent, evidence, count) are sized from measured text, so the
 * widest label actually printed (at least "3.1.2") and the widest value (at least "10,00", in bold as
 * criterion rows print it) never wrap and no word of their header labels is broken; the score columns
 * share one width so they line up. A column with a declared `width` is sized as a text column instead.
 * Text columns share the rest by their weights (DEFAULT_WEIGHT unless declared). The default form keeps
 * its own rule: title 32 %, justification 50 % (the longest texts, the seed's run to 15 lines), opinion
 * 18 %; when the appraisal has written opinions, 30 / 44 / 26 %, so the opinion does not run to a word
 * per line.
 */
import type { MeasureText, RunStyle, Twips } from "../document/model.js";
import { formatHundredths, type NumberFormat } from "../model/points.js";
import { printedLabel } from "../model/rubric.js";
import { walkScored, type ScoredAssessment } from "../model/scored.js";
import { DEFAULT_WEIGHT, TEXT_KINDS, type ColumnKind, type ScoreTableForm, type TableColumn } from "../model/table.js";
import { columnValues } from "./score-cells.js";
import { widthTwips } from "./text-fit.js";
import { CELL_PADDING, SIZE } from "./profile.js";

/** Widest run style a cell of these columns may use (bold italic is wider than bold in some glyphs). */
const WIDEST: RunStyle[] = [{ size: SIZE.table, bold: true }, { size: SIZE.table, bold: true, italic: true }, { size: SIZE.table }];
const SLACK: Twips = 60;
/**
 * Number columns are at least 2 cm wide in the default form (narrower looks cramped beside its long text
 * columns); a declared form with many columns needs the room for its text, so 1,5 cm there.
 */
const MIN_SCORE_COLUMN: Twips = 1134;
const MIN_NUMBER_COLUMN: Twips = 850;
/** Text columns are never narrower than this (a table with very many number columns shrinks them all). */
const MIN_TEXT_COLUMN: Twips = 1134;

/** Score columns: sized together so their figures line up. */
const SCORE_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(["max", "self", "appraisal", "survey", "final"]);

function widest(measure: MeasureText, texts: Iterable<string>): Twips {
  let w = 0;
  for (const t of texts) for (const s of WIDEST) w = Math.max(w, widthTwips(measure, t, s));
  return w;
}

const isText = (c: TableColumn) => TEXT_KINDS.has(c.kind) || c.width !== undefined;

export function scoreColumns(scored: ScoredAssessment, form: ScoreTableForm, measure: MeasureText, numbers: NumberFormat, width: Twips): Twips[] {
  const pad = CELL_PADDING.left + CELL_PADDING.right;
  const cols = form.columns;
  const widths: Twips[] = cols.map(() => 0);
  const minNumber = form.isDefault ? MIN_SCORE_COLUMN : MIN_NUMBER_COLUMN;

  // Score columns: one width from every score any of them prints (and the header words of all).
  const scoreTexts = new Set<string>([formatHundredths(1000, numbers)]);
  const scoreWords = new Set<string>();
  for (const c of cols) {
    if (!SCORE_KINDS.has(c.kind) || isText(c)) continue;
    for (const v of columnValues(scored, form, c, numbers)) scoreTexts.add(v);
  }
  for (const c of cols) if (SCORE_KINDS.has(c.kind) && !isText(c)) for (const w of c.label.split(" ")) scoreWords.add(w);
  const scoreWidth = Math.max(minNumber, Math.max(widest(measure, scoreTexts), widest(measure, scoreWords)) + pad + SLACK);

  let fixed = 0;
  cols.forEach((c, i) => {
    if (isText(c)) return;
    if (SCORE_KINDS.has(c.kind)) widths[i] = scoreWidth;
    else if (c.kind === "label") {
      const labels = new Set<string>(["3.1.2", c.label]);
      for (const n of walkScored(scored.items)) {
        labels.add(printedLabel(n.node));
        for (const o of n.options ?? []) if (o.option.label) labels.add(o.option.label);
      }
      widths[i] = widest(measure, labels) + pad + SLACK;
    } else {
      const values = columnValues(scored, form, c, numbers);
      widths[i] = Math.max(minNumber, Math.max(widest(measure, values), widest(measure, c.label.split(" "))) + pad + SLACK);
    }
    fixed += widths[i]!;
  });

  const text = cols.map((c, i) => (isText(c) ? i : -1)).filter((i) => i >= 0);
  let rest = width - fixed;
  if (text.length > 0 && rest < text.length * MIN_TEXT_COLUMN) {
    // Too many number columns for the page: shrink them proportionally so the text columns keep their minimum.
    const scale = (width - text.length * MIN_TEXT_COLUMN) / fixed;
    fixed = 0;
    cols.forEach((c, i) => {
      if (isText(c)) return;
      widths[i] = Math.floor(widths[i]! * scale);
      fixed += widths[i]!;
    });
    rest = width - fixed;
  }
  const opinions = form.isDefault && [...walkScored(scored.items)].some((n) => n.appraisal?.opinion !== undefined);
  const weights = text.map((i) => textWeight(cols[i]!, opinions));
  const sum = weights.reduce((s, w) => s + w, 0);
  let used = 0;
  text.forEach((i, k) => {
    const w = k === text.length - 1 ? rest - used : Math.round(rest * (weights[k]! / sum));
    widths[i] = w;
    used += w;
  });
  return widths;
}

/** A text column's share; `opinions`: the default form with written opinions (30 / 44 / 26). */
function textWeight(c: TableColumn, opinions: boolean): number {
  if (c.width !== undefined) return c.width;
  if (opinions) return c.kind === "content" ? 30 : c.kind === "explanation" ? 44 : 26;
  return DEFAULT_WEIGHT[c.kind] ?? 20;
}
