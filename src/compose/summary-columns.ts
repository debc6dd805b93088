/**
 * The columns of the consolidated table (Biểu tổng hợp), for both its .docx/PDF (summary-table.ts) and
 * its .xlsx (review/summary-xlsx.ts): STT, unit, self-assessed total; with appraisals the appraised
 * total and the total classified on; when the rubric's table has a "final" column, the final score under
 * that column's label instead (and the index under the "percent" column's); then class, rank and note.
 */
import type { SummaryGroup } from "../score/consolidate.js";
import type { Labels } from "./labels.js";

export type SummaryColumnKey = "stt" | "unit" | "self" | "appraised" | "used" | "percent" | "classification" | "rank" | "note";

export interface SummaryColumn {
  key: SummaryColumnKey;
  label: string;
}

/** Number columns (scores), sized alike. */
export const SUMMARY_SCORE_KEYS: ReadonlySet<SummaryColumnKey> = new Set<SummaryColumnKey>(["self", "appraised", "used", "percent"]);

export function summaryColumns(g: SummaryGroup, L: Labels): SummaryColumn[] {
  const cols: SummaryColumn[] = [
    { key: "stt", label: L.stt },
    { key: "unit", label: L.unit },
    { key: "self", label: L.selfTotal },
  ];
  if (g.appraised) cols.push({ key: "appraised", label: L.appraised });
  if (g.final) {
    cols.push({ key: "used", label: g.final.label });
    if (g.final.percentLabel) cols.push({ key: "percent", label: g.final.percentLabel });
  } else if (g.appraised) cols.push({ key: "used", label: L.used });
  cols.push({ key: "classification", label: L.classification }, { key: "rank", label: L.rank }, { key: "note", label: L.note });
  return cols;
}
