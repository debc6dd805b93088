import type { Answer, Assessment, Markdown } from "./assessment.js";
import type { Hundredths } from "./points.js";
import type { Rubric, RubricNode, RubricOption } from "./rubric.js";

/** The result of scoring: the rubric tree with computed scores, ready to compose into documents. */
export interface ScoredAssessment {
  assessment: Assessment;
  rubric: Rubric;
  items: ScoredNode[];
  total: Hundredths;
  /** The total's parts: top-level criteria, bonus items and penalty blocks (≤ 0); they add up to `total`. */
  totals: { base: Hundredths; bonus: Hundredths; penalty: Hundredths };
  max: Hundredths;
  classification?: string;
  /** Appraised totals, when an appraisal exists (filled by src/score/appraise.ts). */
  appraised?: {
    total: Hundredths;
    /** The appraised total's parts, as `totals`. */
    totals?: { base: Hundredths; bonus: Hundredths; penalty: Hundredths };
    classification?: string;
    /** The appraisal file, the number of rounds, and the final round's ineligibility reason. */
    file?: string;
    rounds?: number;
    /** The appraised total after each round (index 0 = round 1). */
    byRound?: Hundredths[];
    /** Date of the last round (yyyy-mm-dd). */
    date?: string;
    ineligible?: string;
  };
  /** The survey file applied (src/score/survey.ts), when the rubric has survey-scored criteria and one exists. */
  survey?: { file: string; name: string; total: Hundredths };
  /**
   * The final score ("Điểm đạt được") and the index (its percentage of the maximum), by the rubric's
   * rule (src/score/final.ts); absent while a part it needs (an appraisal, a survey score) is missing.
   */
  final?: { total: Hundredths; percent?: Hundredths; classification?: string };
}

export interface ScoredNode {
  node: RubricNode;
  /** The computed self-assessment score (clamped to the node's range). */
  score: Hundredths;
  /** Present for groups. */
  children?: ScoredNode[];
  /** Present for leaves. */
  options?: ScoredOption[];
  answer?: Answer;
  /** "ratio": the percentage computed from the two counts, in hundredths of a percent. */
  measured?: Hundredths;
  /** The node was answered "not applicable": its score is the rubric's stated one. */
  notApplicable?: true;
  /** Not scored because an enclosing group was answered "not applicable" (score 0, answer ignored). */
  skipped?: true;
  /** Criterion-level justification. */
  justification?: Markdown;
  /** Appraisal (thẩm định) of this row, when an appraisal file exists (filled by the review stage). */
  appraisal?: {
    score?: Hundredths;
    opinion?: Markdown;
    /** the round that last appraised this row */
    round?: number;
    /** this row's appraised score after each round (index 0 = round 1) */
    byRound?: (Hundredths | undefined)[];
  };
  /** The survey's score of this row (criteria scored by a survey, and groups holding them). */
  survey?: Hundredths;
  /** The final score of this row (src/score/final.ts); absent while a part it needs is missing. */
  final?: Hundredths;
}

export interface ScoredOption {
  option: RubricOption;
  chosen: boolean;
  /** Points this option contributes when chosen. */
  points?: Hundredths;
  justification?: Markdown;
}

/** Depth-first walk over a scored tree, parents before children. */
export function* walkScored(items: readonly ScoredNode[]): Generator<ScoredNode> {
  for (const n of items) {
    yield n;
    if (n.children) yield* walkScored(n.children);
  }
}
