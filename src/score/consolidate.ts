/**
 * Consolidation (tổng hợp) of many units scored on one rubric in one year: per unit the self-assessed
 * total, the appraised total when an appraisal exists, the total used for classification (the
 * appraised one when present: the appraisal is the decision; the final score when the rubric's table has
 * a "final" column, src/score/final.ts), the index with a "percent" column, the classification, the rank.
 *
 * Ranking is "standard competition" ranking, as results are announced: equal totals share a rank and
 * the next rank skips ("1, 2, 2, 4"); ties are listed by unit name (Vietnamese collation) so the order
 * is stable. Units whose assessment or appraisal has errors, and units the appraisal declared not
 * eligible for classification, are listed after the ranked ones, without a rank. Pure.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Hundredths } from "../model/points.js";
import type { Rubric } from "../model/rubric.js";
import { reportDateBounds } from "../model/report-date.js";
import type { ScoredAssessment } from "../model/scored.js";

export interface SummaryRow {
  file: string;
  unit: string;
  self: Hundredths;
  appraised?: Hundredths;
  /** The total the classification and the rank are based on. */
  used: Hundredths;
  /** The final score's percentage of the maximum, when the rubric's table prints the index. */
  percent?: Hundredths;
  classification?: string;
  /** Absent for units not ranked (errors, ineligible). */
  rank?: number;
  errors: number;
  ineligible?: string;
}

export interface SummaryGroup {
  rubric: Rubric;
  year: number;
  max: Hundredths;
  rows: SummaryRow[];
  /** Units per class, in the rubric's order (best first, then the fallback); empty without classification. */
  counts: { label: string; count: number }[];
  /** Whether any unit has an appraisal (the appraised columns are shown only then). */
  appraised: boolean;
  /**
   * When the rubric's table has a "final" column: the summary ranks on the final score, under that
   * column's label (and shows the index under the "percent" column's label, if any).
   */
  final?: { label: string; percentLabel?: string };
  /** The latest date in the data (report or appraisal round), for a reproducible document date. */
  latestDate: string;
}

/**
 * What consolidation needs of one checked assessment: plain, cloneable data, so large summaries can
 * check their files on worker threads and send back only this.
 */
export interface UnitScore {
  file: string;
  unit: string;
  year: number;
  rubric: string;
  self: Hundredths;
  selfClassification?: string;
  appraised?: Hundredths;
  appraisedClassification?: string;
  /** The final score (src/score/final.ts), its index and its class, when known. */
  final?: Hundredths;
  finalPercent?: Hundredths;
  finalClassification?: string;
  ineligible?: string;
  errors: number;
  /** The report's date and the last appraisal round's (yyyy-mm-dd). */
  dates: string[];
  /** The appraising agency named by the unit's appraisal file, if any. */
  appraiser?: { agency: string; superior?: string };
}

export function unitScore(file: string, s: ScoredAssessment, diagnostics: readonly Diagnostic[]): UnitScore {
  const u: UnitScore = {
    file,
    unit: s.assessment.unit.name,
    year: s.assessment.year,
    rubric: s.rubric.id,
    self: s.total,
    errors: diagnostics.filter((d) => d.severity === "error").length,
    dates: [s.assessment.report.date, ...(s.appraised?.date ? [s.appraised.date] : [])],
  };
  if (s.classification !== undefined) u.selfClassification = s.classification;
  if (s.appraised) {
    u.appraised = s.appraised.total;
    if (s.appraised.classification !== undefined) u.appraisedClassification = s.appraised.classification;
    if (s.appraised.ineligible) u.ineligible = s.appraised.ineligible;
  }
  if (s.final) {
    u.final = s.final.total;
    if (s.final.percent !== undefined) u.finalPercent = s.final.percent;
    if (s.final.classification !== undefined) u.finalClassification = s.final.classification;
  }
  return u;
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

export function consolidate(
  units: readonly UnitScore[],
  rubrics: ReadonlyMap<string, Rubric>,
  filter: { rubric?: string; year?: number } = {},
): SummaryGroup[] {
  const groups = new Map<string, UnitScore[]>();
  for (const u of units) {
    if (filter.rubric && u.rubric !== filter.rubric) continue;
    if (filter.year && u.year !== filter.year) continue;
    if (!rubrics.has(u.rubric)) continue;
    const key = `${u.year}\u0000${u.rubric}`;
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  return [...groups.keys()].sort().map((k) => group(groups.get(k)!, rubrics.get(groups.get(k)![0]!.rubric)!));
}

function group(units: UnitScore[], rubric: Rubric): SummaryGroup {
  let latest = "";
  const finalCol = rubric.table.columns.find((c) => c.kind === "final");
  const percentCol = rubric.table.columns.find((c) => c.kind === "percent");
  const rows: SummaryRow[] = units.map((u) => {
    // Until the final score is known (an appraisal, a survey still missing) the unit ranks as before.
    const onFinal = finalCol !== undefined && u.final !== undefined;
    const used = onFinal ? u.final! : (u.appraised ?? u.self);
    const row: SummaryRow = { file: u.file, unit: u.unit, self: u.self, used, errors: u.errors };
    if (u.appraised !== undefined) row.appraised = u.appraised;
    if (onFinal && percentCol && u.finalPercent !== undefined) row.percent = u.finalPercent;
    const cls = onFinal ? u.finalClassification : u.appraised !== undefined ? u.appraisedClassification : u.selfClassification;
    if (cls !== undefined && u.errors === 0) row.classification = cls;
    if (u.ineligible) row.ineligible = u.ineligible;
    for (const d of u.dates) {
      // A year-only report date counts as its first day: the document date never runs ahead of the data.
      const day = reportDateBounds(d)?.first;
      if (day && day > latest) latest = day;
    }
    return row;
  });
  const ranked = rows.filter((r) => r.errors === 0 && !r.ineligible);
  ranked.sort((a, b) => b.used - a.used || collator.compare(a.unit, b.unit) || (a.file < b.file ? -1 : 1));
  ranked.forEach((r, i) => {
    r.rank = i > 0 && ranked[i - 1]!.used === r.used ? ranked[i - 1]!.rank! : i + 1;
  });
  const unranked = rows.filter((r) => r.rank === undefined).sort((a, b) => collator.compare(a.unit, b.unit) || (a.file < b.file ? -1 : 1));
  const c = rubric.classification;
  const counts = c
    ? [...c.bands.map((b) => b.label), ...(c.fallback && !c.bands.some((b) => b.label === c.fallback) ? [c.fallback] : [])].map((label) => ({
        label,
        count: rows.filter((r) => r.classification === label).length,
      }))
    : [];
  return {
    rubric,
    year: units[0]!.year,
    max: rubric.max,
    rows: [...ranked, ...unranked],
    counts,
    appraised: rows.some((r) => r.appraised !== undefined),
    ...(finalCol ? { final: { label: finalCol.label, ...(percentCol ? { percentLabel: percentCol.label } : {}) } } : {}),
    latestDate: latest,
  };
}
