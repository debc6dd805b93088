/**
 * The appraisal (thẩm định) model: what the Department of Home Affairs decided about one unit's
 * self-assessment, round by round, with the unit's written response (giải trình) between rounds.
 *
 * An appraisal lives in its own file beside the assessment (`<unit>.appraisal.yaml`), so the appraiser
 * never edits the unit's file. Each round lists only the criteria it appraises; a later round's entry
 * for a criterion replaces the earlier one (score and opinion together), and criteria no round
 * mentions keep the self-assessed score (the appraiser agreed). See docs/review.md.
 */
import type { Markdown } from "./assessment.js";
import type { Hundredths } from "./points.js";
import type { SourcePos } from "./source.js";

export interface Appraiser {
  /** The appraising agency, e.g. "Sở Nội vụ"; printed in the header of the consolidated table. */
  agency: string;
  /** Its superior agency, e.g. "UBND tỉnh Quảng Ngãi". */
  superior?: string;
}

export const APPRAISAL_FIELDS = ["option", "options", "value", "score", "opinion", "numerator", "denominator", "count", "not_applicable"] as const;
export type AppraisalField = (typeof APPRAISAL_FIELDS)[number];

/** One criterion (leaf) or group as appraised in one round. */
export interface AppraisalEntry {
  criterion: string;
  /** "choice"/"measure": the option the appraiser accepts. */
  option?: string;
  /** "checklist": the options the appraiser accepts as ticked. */
  ticked?: string[];
  /** "measure": the value the appraiser accepts, in hundredths. */
  value?: Hundredths;
  /** "ratio": the counts the appraiser accepts, in hundredths. */
  numerator?: Hundredths;
  denominator?: Hundredths;
  /** "count": the number of occurrences the appraiser accepts. */
  count?: number;
  /** The appraiser accepts (true) or rejects (false) a not-applicable answer under the rubric's rule. */
  notApplicable?: boolean;
  /** A score given directly (it must be reachable by the criterion's scoring rules). */
  score?: Hundredths;
  opinion?: Markdown;
  source: SourcePos;
  fields: Partial<Record<AppraisalField, SourcePos>>;
}

export interface AppraisalResponse {
  /** ISO yyyy-mm-dd. */
  date: string;
  /** The unit's letter, e.g. "Công văn số 25/VP-HCTC". */
  document?: string;
  general?: Markdown;
  /** Criterion id → the unit's explanation. */
  criteria: Map<string, { criterion: string; text?: Markdown; source: SourcePos }>;
  source: SourcePos;
}

export interface AppraisalRound {
  round: number;
  /** ISO yyyy-mm-dd. */
  date: string;
  /** Who appraised in this round (team, council member…). */
  by?: string;
  /** The appraiser's document announcing this round's result, e.g. "Thông báo số 12/TB-SNV". */
  document?: string;
  conclusion?: Markdown;
  /** A reason the unit is not eligible for classification; the last round's statement is final. */
  ineligible?: string;
  entries: Map<string, AppraisalEntry>;
  response?: AppraisalResponse;
  source: SourcePos;
  fields: Partial<Record<"round" | "date", SourcePos>>;
}

export interface Appraisal {
  file: string;
  /** The "assessment" key as written (relative to the appraisal's folder). */
  assessmentRef: string;
  /** The assessment's path as the inputs name it (resolved from assessmentRef). */
  assessmentFile: string;
  rubricId: string;
  appraiser?: Appraiser;
  rounds: AppraisalRound[];
  source: SourcePos;
  fields: Partial<Record<"assessment" | "rubric", SourcePos>>;
}

/** File name conventions: the appraisal of `x.yaml` is `x.appraisal.yaml` in the same folder. */
export const APPRAISAL_SUFFIX = ".appraisal.yaml";

export function isAppraisalPath(path: string): boolean {
  return /\.appraisal\.ya?ml$/i.test(path);
}

export function appraisalPathFor(assessmentPath: string): string {
  return assessmentPath.replace(/\.ya?ml$/i, "") + APPRAISAL_SUFFIX;
}

export function assessmentPathFor(appraisalPath: string): string {
  return appraisalPath.replace(/\.appraisal\.ya?ml$/i, ".yaml");
}
