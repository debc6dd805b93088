/**
 * The final score ("Điểm đạt được") and the index ("Chỉ số", the final score as a percentage of the
 * maximum). A criterion's final score is the score of whoever scores it (`scored_by`): the survey's,
 * the appraiser's, or for the unit's own criteria the one the rubric's form declares final
 * (`table.final`: the self-assessed score, or the appraised one). Groups are the clamped sums of their
 * children; a row whose parts are not all known yet (no appraisal, no survey row) has no final score.
 * Exact: the percentage is the one division, rounded once to hundredths of a percent.
 */
import { clamp, mulDivRound, type Hundredths } from "../model/points.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import type { FinalScore } from "../model/table.js";
import { classificationOf } from "./score.js";

function leafFinal(final: FinalScore, n: ScoredNode): Hundredths | undefined {
  switch (n.node.scoredBy) {
    case "survey":
      return n.survey;
    case "appraiser":
      return n.appraisal?.score;
    default:
      return final === "appraisal" ? n.appraisal?.score : n.score;
  }
}

function fill(final: FinalScore, n: ScoredNode): Hundredths | undefined {
  let v: Hundredths | undefined;
  if (n.children) {
    let sum = 0;
    let known = true;
    for (const c of n.children) {
      const f = fill(final, c);
      if (f === undefined) known = false;
      else sum += f;
    }
    v = known ? clamp(sum, n.node.min, n.node.max) : undefined;
  } else {
    v = leafFinal(final, n);
  }
  if (v === undefined) delete n.final;
  else n.final = v;
  return v;
}

/** Compute every row's final score and the total's (mutates `scored`); run after appraisal and survey. */
export function applyFinal(scored: ScoredAssessment): void {
  const final = scored.rubric.table.final;
  let total = 0;
  let known = true;
  for (const n of scored.items) {
    const f = fill(final, n);
    if (f === undefined) known = false;
    else total += f;
  }
  if (!known) {
    delete scored.final;
    return;
  }
  const percent = percentOf(total, scored.max);
  // A unit the appraisal declared ineligible is not classified on its final score either.
  const c = scored.rubric.classification;
  const classification = scored.appraised?.ineligible ? c?.fallback || undefined : classificationOf(total, c);
  scored.final = { total, ...(percent !== undefined ? { percent } : {}), ...(classification !== undefined ? { classification } : {}) };
}

/** score / max × 100, in hundredths of a percent; undefined without a score or a maximum. */
export function percentOf(score: Hundredths | undefined, max: Hundredths): Hundredths | undefined {
  if (score === undefined || max <= 0) return undefined;
  return mulDivRound(score, 10000, max);
}
