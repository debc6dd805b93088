/**
 * The score table's form as the issuing office prints it: which columns, in what order, their printed
 * labels, relative widths and two-row group headers. A rubric declares it under `table:`; a rubric
 * that says nothing gets DEFAULT_COLUMNS, the seven columns of the Quảng Ngãi form (docs/formats.md,
 * "Score-table columns").
 */

import type { SourcePos } from "./source.js";

/** What a column prints on each row. */
export type ColumnKind =
  /** the row's printed label (STT/TT): the node's `label`, else its id; an option's `label` */
  | "label"
  /** the node's title, an option's text */
  | "content"
  /** the node's maximum (and an option's points with `option_points: max`) */
  | "max"
  /** the unit's self-assessed score */
  | "self"
  /** the appraised score (thẩm định) */
  | "appraisal"
  /** the survey's score (điều tra xã hội học), for criteria scored by a survey file */
  | "survey"
  /** the score the rubric declares final ("Điểm đạt được"): see Rubric.table.final */
  | "final"
  /** the final score as a percentage of the maximum ("Chỉ số") */
  | "percent"
  /** a measured value, or one part of a ratio (numerator / denominator) */
  | "evidence"
  /** the unit's explanation (giải trình) */
  | "explanation"
  /** the appraiser's opinion */
  | "opinion"
  /** the rubric's own note on the row (Ghi chú) */
  | "notes"
  /** the responsible official named in the answer ("Chữ ký của công chức phụ trách") */
  | "official"
  /** a count derived from the rubric: the row's child criteria or its scored sub-criteria (Số TC, Số TCTP) */
  | "count";

export const COLUMN_KINDS: readonly ColumnKind[] = [
  "label",
  "content",
  "max",
  "self",
  "appraisal",
  "survey",
  "final",
  "percent",
  "evidence",
  "explanation",
  "opinion",
  "notes",
  "official",
  "count",
];

/** Which value an evidence column prints. */
export type EvidenceValue = "value" | "numerator" | "denominator";

/** What a count column counts below a row. */
export type CountOf = "children" | "leaves";

export interface TableColumn {
  kind: ColumnKind;
  /** Printed header label. */
  label: string;
  /** Label of the group header above this column; consecutive columns with the same group share it. */
  group?: string;
  /** Relative width; absent = the kind's default (measured for number columns, a share for text). */
  width?: number;
  /** evidence: which value. */
  value?: EvidenceValue;
  /** count: what is counted. */
  of?: CountOf;
  /** appraisal: print the score as of this round (1 = the first), instead of the final appraised one. */
  round?: number;
  /** Where the rubric declares it (absent for the default columns). */
  source?: SourcePos;
}

/**
 * Which score is final for the criteria the unit scores: its own, or the appraised one. Criteria scored
 * by the appraiser or a survey (ScoredBy) always take that score (src/score/final.ts).
 */
export type FinalScore = "self" | "appraisal";

export interface ScoreTableForm {
  columns: TableColumn[];
  /** Where an option's points are printed: in its text only (default), or also in the max column. */
  optionPoints: "text" | "max";
  final: FinalScore;
  /** True when the rubric declared no columns (the default form, with its width rule). */
  isDefault: boolean;
}

/** Text columns share the width left after the number columns, by these weights. */
export const TEXT_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(["content", "explanation", "opinion", "notes", "official"]);

export const DEFAULT_WEIGHT: Partial<Record<ColumnKind, number>> = { content: 32, explanation: 50, opinion: 18, notes: 14, official: 16 };

/** The header a column prints when the rubric gives it no label. */
export const DEFAULT_LABEL: Record<ColumnKind, string> = {
  label: "STT",
  content: "Nội dung",
  max: "Điểm tối đa",
  self: "Điểm tự đánh giá",
  appraisal: "Điểm thẩm định",
  survey: "Điều tra XHH",
  final: "Điểm đạt được",
  percent: "Chỉ số (%)",
  evidence: "Số liệu",
  explanation: "Giải trình của đơn vị",
  opinion: "Ý kiến thẩm định",
  notes: "Ghi chú",
  official: "Công chức phụ trách",
  count: "Số tiêu chí",
};

export const DEFAULT_COLUMNS: readonly TableColumn[] = [
  { kind: "label", label: "STT" },
  { kind: "content", label: "Lĩnh vực/Tiêu chí/Tiêu chí thành phần" },
  { kind: "max", label: "Điểm tối đa" },
  { kind: "self", label: "Điểm tự đánh giá" },
  { kind: "explanation", label: "Giải trình của đơn vị" },
  { kind: "appraisal", label: "Điểm thẩm định" },
  { kind: "opinion", label: "Ý kiến thẩm định" },
];

export const DEFAULT_FORM: ScoreTableForm = { columns: [...DEFAULT_COLUMNS], optionPoints: "text", final: "self", isDefault: true };
