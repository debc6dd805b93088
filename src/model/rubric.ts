import type { Hundredths } from "./points.js";
import type { SourcePos } from "./source.js";
import type { ScoreTableForm } from "./table.js";

/**
 * A rubric (bảng chấm điểm) as issued by the Department of Home Affairs: plain data, shared by every
 * unit that uses it. Wording is printed verbatim in the documents, so titles and option texts are kept
 * exactly as issued.
 */
export interface Rubric {
  id: string;
  /** Printed title of the score table; "{year}" is replaced by the assessment year. */
  title: string;
  /** Printed under the table, verbatim ("Tổng điểm để đánh giá, phân loại = …", "Lưu ý: …"). */
  notes: string[];
  /** Label of the grand-total row ("TỔNG ĐIỂM"). */
  totalLabel: string;
  /**
   * Maximum of the grand total (sum of the maxima of the top-level items that count). With `bonusMax`,
   * the base maximum: the sum of the criteria's maxima only ("90 điểm + 10 điểm thưởng": max 90).
   */
  max: Hundredths;
  /** The bonus total stated beside the base maximum ("+ 10 điểm thưởng"); the bonus items' maxima add up to it. */
  bonusMax?: Hundredths;
  classification?: Classification;
  /** The printed form of the score table (columns, labels, widths); DEFAULT_FORM when not declared. */
  table: ScoreTableForm;
  items: RubricNode[];
  source: SourcePos;
}

/** What every node has: a stable id (the key of answers, appraisals and diffs) and what is printed. */
interface NodeBase {
  id: string;
  /** Printed in the label column ("Tiêu chí 1", "1.", "a)"); absent = the id. */
  label?: string;
  title: string;
  /** The rubric's note on this row, printed in a "notes" column. */
  note?: string;
  max: Hundredths;
  /** Floor of the node's score (0 unless it is a penalty block). */
  min: Hundredths;
  role: NodeRole;
  scoredBy: ScoredBy;
  /**
   * The rubric requires evidence for this node (`evidence: required`, inherited by a group's children;
   * docs/evidence.md): a cited document without its file is an error, not a warning.
   */
  evidenceRequired?: true;
  /**
   * The stated score when the assessment answers the node "not applicable" (a group's children are
   * then not scored).
   */
  notApplicable?: NotApplicable;
  source: SourcePos;
}

/**
 * Who scores a node: the unit itself (the default), the appraiser only (the unit leaves it blank), or
 * a survey (điều tra xã hội học), whose scores come from a survey file (src/model/survey.ts).
 * Inherited by a group's children.
 */
export type ScoredBy = "unit" | "appraiser" | "survey";

/** How a top-level item enters the grand total. */
export type NodeRole = "criterion" | "bonus" | "penalty";

export interface RubricGroup extends NodeBase {
  kind: "group";
  items: RubricNode[];
}

/** A rubric's not-applicable rule ("Trong năm không có nhiệm vụ được giao thì được tính 03 điểm"). */
export interface NotApplicable {
  /** The score the node gets when answered not applicable. */
  score: Hundredths;
  /** The rubric's wording, printed for such an answer. */
  text: string;
  source: SourcePos;
}

/** How a leaf criterion is scored from the assessment's answer. */
export type LeafInput =
  /** exactly one option is chosen; its points are the score */
  | "choice"
  /** any subset of options is ticked; their points add up, clamped to [min, max] */
  | "checklist"
  /** a measured value is given; the option whose range contains it applies */
  | "measure"
  /** two counts are given; their percentage (numerator / denominator × 100) is scored like a measure */
  | "ratio"
  /** the score is entered directly, in [min, max], optionally in steps */
  | "score"
  /** a number of occurrences is given; each is worth `count.points`, the sum clamped to [min, max] */
  | "count"
  /** a heading row: nothing to answer, nothing scored */
  | "none";

export interface RubricLeaf extends NodeBase {
  kind: "leaf";
  input: LeafInput;
  /**
   * For "measure": what is measured, its unit and its allowed range. For "ratio" the reader sets it to
   * the percentage's domain (label and unit of the ratio, 0 to 100), so ranges, formulas and their
   * checks are the measure's own.
   */
  measure?: Measure;
  /** For "ratio": the two counts whose percentage is scored. */
  ratio?: Ratio;
  /** For "count": the points of one occurrence. */
  count?: PerOccurrence;
  /** For "score": entered scores must be multiples of this step (e.g. 25 for 0,25). */
  step?: Hundredths;
  options: RubricOption[];
  /** Positions of the kind-specific fields present in the file, for diagnostics. */
  fields?: Partial<Record<"measure" | "ratio" | "count" | "step" | "max" | "min", SourcePos>>;
}

export interface Ratio {
  /** e.g. "Tỷ lệ % TTV được tập huấn" */
  label: string;
  /** e.g. "Số TTV được tập huấn" */
  numerator: string;
  /** e.g. "Tổng số TTV" */
  denominator: string;
  unit: string;
}

export interface PerOccurrence {
  /** e.g. "Số vụ vi phạm bị xử lý" */
  label: string;
  /** Points of one occurrence (negative for a deduction). */
  points: Hundredths;
}

/** The label a node prints in the label column. */
export function printedLabel(n: { id: string; label?: string }): string {
  return n.label ?? n.id;
}

export type RubricNode = RubricGroup | RubricLeaf;

export interface Measure {
  /** e.g. "Tỷ lệ % hoàn thành kế hoạch" */
  label: string;
  unit: string;
  min: Hundredths;
  max: Hundredths;
}

/** A range of measured values; bounds in hundredths of the measured unit. */
export interface Range {
  min?: Hundredths;
  minInclusive: boolean;
  max?: Hundredths;
  maxInclusive: boolean;
}

/** Whether a measured value falls in an option's band (src/score/score.ts, CD307's overlap check). */
export function inRange(v: Hundredths, r: Range): boolean {
  if (r.min !== undefined && (r.minInclusive ? v < r.min : v <= r.min)) return false;
  if (r.max !== undefined && (r.maxInclusive ? v > r.max : v >= r.max)) return false;
  return true;
}

/** points = value × points / per, rounded half away from zero to hundredths. */
export interface Proportional {
  points: Hundredths;
  per: Hundredths;
}

export interface RubricOption {
  id: string;
  /** Printed in the label column of the option's row ("a)", "-"); absent = nothing. */
  label?: string;
  /** Printed verbatim, e.g. "Ban hành kịp thời và đủ các nội dung: 3,00". */
  text: string;
  /** Fixed points, or a formula on the measured value (only for "measure"). */
  points?: Hundredths;
  proportional?: Proportional;
  /** For "measure": the values this option applies to. */
  range?: Range;
  source: SourcePos;
}

export interface Classification {
  /** Bands from best to worst; the first whose min the total reaches applies. */
  bands: ClassBand[];
  /** Label when no band applies or the unit is disqualified. */
  fallback: string;
}

export interface ClassBand {
  label: string;
  min: Hundredths;
}

export function isLeaf(n: RubricNode): n is RubricLeaf {
  return n.kind === "leaf";
}

/** Depth-first walk over every node, parents before children. */
export function* walkRubric(nodes: readonly RubricNode[], depth = 0): Generator<[RubricNode, number]> {
  for (const n of nodes) {
    yield [n, depth];
    if (n.kind === "group") yield* walkRubric(n.items, depth + 1);
  }
}

/** Whether the unit scores any part of a node (a survey's or the appraiser's criteria it leaves blank). */
export function scoredByUnit(n: RubricNode): boolean {
  if (n.kind === "leaf") return n.scoredBy === "unit";
  return n.items.some(scoredByUnit);
}
