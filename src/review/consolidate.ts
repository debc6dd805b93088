/**
 * Consolidation (tổng hợp) of many units scored on one rubric in one year: per unit the self-assessed
 * total, the appraised total when an appraisal exists, the total used for classification (the
 * appraised one when present: the appraisal is the decision), the classification, and the rank.
 *
 * Ranking is "standard competition" ranking, as results are announced: equal totals share a rank and
 * the next rank skips ("1, 2, 2, 4"); ties are listed by unit name (Vietnamese collation) so the order
 * is stable. Units whose assessment or appraisal has errors, and units the appraisal declared not
 * eligible for classification, are listed after the ranked ones, without a rank. Pure.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Hundredths } from "../model/points.js";
import type { Rubric } from "../model/rubric.js";
import type { ScoredAssessment } from "../model/scored.js";

export interface SummaryRow {
  file: string;
  unit: string;
  self: Hundredths;
  appraised?: Hundredths;
  /** The total the classification and the rank are based on. */
  used: Hundredths;
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
  /** The latest date in the data (report or appraisal round), for a reproducible document date. */
  latestDate: string;
}

export interface ScoredInput {
  file: string;
  scored: ScoredAssessment;
  diagnostics: readonly Diagnostic[];
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

export function consolidate(inputs: readonly ScoredInput[], filter: { rubric?: string; year?: number } = {}): SummaryGroup[] {
  const groups = new Map<string, ScoredInput[]>();
  for (const i of inputs) {
    const s = i.scored;
    if (filter.rubric && s.rubric.id !== filter.rubric) continue;
    if (filter.year && s.assessment.year !== filter.year) continue;
    const key = `${s.assessment.year}\u0000${s.rubric.id}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups.keys()].sort().map((k) => group(groups.get(k)!));
}

function group(inputs: ScoredInput[]): SummaryGroup {
  const first = inputs[0]!.scored;
  const rubric = first.rubric;
  let latest = "";
  const rows: SummaryRow[] = inputs.map(({ file, scored: s, diagnostics }) => {
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    const used = s.appraised ? s.appraised.total : s.total;
    const row: SummaryRow = { file, unit: s.assessment.unit.name, self: s.total, used, errors };
    if (s.appraised) row.appraised = s.appraised.total;
    const cls = s.appraised ? s.appraised.classification : s.classification;
    if (cls !== undefined && errors === 0) row.classification = cls;
    if (s.appraised?.ineligible) row.ineligible = s.appraised.ineligible;
    for (const d of [s.assessment.report.date, s.appraised?.date ?? ""]) if (/^\d{4}-\d{2}-\d{2}$/.test(d) && d > latest) latest = d;
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
    year: first.assessment.year,
    max: first.max,
    rows: [...ranked, ...unranked],
    counts,
    appraised: rows.some((r) => r.appraised !== undefined),
    latestDate: latest,
  };
}
