/**
 * The final score ("Điểm đạt được") and the index ("Chỉ số", the final score as a percentage of the
 * maximum), as the rubric's table form declares them (`table.final`: the self-assessed or the appraised
 * score). Exact: the percentage is the one division, rounded once to hundredths of a percent.
 */
import { mulDivRound, type Hundredths } from "../model/points.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import type { FinalScore } from "../model/table.js";

/** A row's final score; undefined when it comes from an appraisal that has not happened yet. */
export function finalScore(final: FinalScore, n: ScoredNode): Hundredths | undefined {
  return final === "appraisal" ? n.appraisal?.score : n.score;
}

export function finalTotal(final: FinalScore, scored: ScoredAssessment): Hundredths | undefined {
  return final === "appraisal" ? scored.appraised?.total : scored.total;
}

/** score / max × 100, in hundredths of a percent; undefined without a score or a maximum. */
export function percentOf(score: Hundredths | undefined, max: Hundredths): Hundredths | undefined {
  if (score === undefined || max <= 0) return undefined;
  return mulDivRound(score, 10000, max);
}
