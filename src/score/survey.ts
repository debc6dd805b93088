/**
 * Survey scores into a unit's scored model: each survey-scored criterion (`scored_by: survey`) takes
 * the survey's row for the unit; a group's survey score is the clamped sum of its children's, when
 * any child has one. Criteria the survey file lacks for the unit are reported (CD735) and stay empty.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { clamp, type Hundredths } from "../model/points.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import type { Survey } from "../model/survey.js";

/** Fill the survey's rows for `unit` into `scored` (mutates it); returns the assessment's diagnostics. */
export function applySurvey(scored: ScoredAssessment, survey: Survey, unit: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rows = new Map<string, Hundredths>();
  for (const r of survey.rows) if (r.unit === unit && !rows.has(r.criterion)) rows.set(r.criterion, r.score);
  const fill = (n: ScoredNode): Hundredths | undefined => {
    if (n.children) {
      let sum: Hundredths | undefined;
      for (const c of n.children) {
        const v = fill(c);
        if (v !== undefined) sum = (sum ?? 0) + v;
      }
      if (sum !== undefined) n.survey = clamp(sum, n.node.min, n.node.max);
      return n.survey;
    }
    if (n.node.scoredBy !== "survey") return undefined;
    const v = rows.get(n.node.id);
    if (v === undefined) out.push(diag("CD735", n.answer?.source ?? scored.assessment.source, { file: survey.file, id: n.node.id, unit }));
    else n.survey = v;
    return n.survey;
  };
  let total = 0;
  for (const n of scored.items) total += fill(n) ?? 0;
  scored.survey = { file: survey.file, name: survey.name, total };
  return out;
}
