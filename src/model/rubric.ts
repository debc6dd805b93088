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
  /** Maximum of the grand total (sum of the maxima of the top-level items that count). */
  max: Hundredths;
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

/** How a leaf criterion is scored from the assessment's answer. */
export type LeafInput =
  /** exactly one option is chosen; its points are the score */
  | "choice"
  /** any subset of options is ticked; their points add up, clamped to [min, max] */
  | "checklist"
  /** a measured value is given; the option whose range contains it applies */
  | "measure";

export interface RubricLeaf extends NodeBase {
  kind: "leaf";
  input: LeafInput;
  /** For "measure": what is measured, its unit and its allowed range. */
  measure?: Measure;
  options: RubricOption[];
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
