import type { Root } from "mdast";
import type { Hundredths } from "./points.js";
import type { EvidenceDeclaration } from "./evidence.js";
import type { SourcePos } from "./source.js";

/** Markdown text from an input file, parsed once by the reader. */
export interface Markdown {
  text: string;
  /** mdast with positions relative to `text`; `origin` maps them back to the file. */
  root: Root;
  /** Position of the first character of `text` in the file, and the indentation of a block scalar. */
  origin: { file: string; line: number; column: number; indent: number; block: boolean };
}

export type SignPrefix = "KT." | "TM." | "Q." | "TL." | "TUQ.";

export interface Signer {
  /**
   * The collective the signature is given for, printed "TM. ỦY BAN NHÂN DÂN" on a line of its own
   * above the rest (`on_behalf_of`): with `prefix: KT.` and `authority: CHỦ TỊCH`, the two-level
   * "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" of a deputy signing for the head of a collective.
   */
  onBehalfOf?: string;
  /** Authority prefix for signing on behalf of someone (KT./TM./Q./TL./TUQ.). */
  prefix?: SignPrefix;
  /** The title after the prefix (e.g. "CHÁNH VĂN PHÒNG" in "KT. CHÁNH VĂN PHÒNG"). */
  authority?: string;
  /** The signer's own position, printed above the name. */
  title: string;
  name: string;
}

export interface ReportMeta {
  number: number;
  symbol: string;
  place: string;
  /** ISO date yyyy-mm-dd */
  date: string;
  summary: string;
  /** Optional "Kính gửi:" addressees. */
  to: string[];
  recipients: string[];
  /** The "Lưu:" item without "Lưu:" and the final stop, e.g. "VT, HCQT_(hnb)". */
  archive: string;
  signer: Signer;
  body: Markdown;
  source: SourcePos;
  /**
   * Positions of the fields present in the file, by their path below the assessment's top level
   * ("report.date", "report.signer.name", "report.recipients.0", "unit.agency"), for diagnostics.
   * Absent when the model was not read from a file (tests, the summary's table).
   */
  fields?: Readonly<Record<string, SourcePos>>;
}

export interface Unit {
  /** Name as used in running text: "Văn phòng UBND tỉnh". */
  name: string;
  /** Issuing agency as printed in the header (upper case is applied by the writer). */
  agency: string;
  /** Direct superior agency, if any. */
  superior?: string;
}

export interface Answer {
  criterion: string;
  /** "choice" (or a "measure" band picked directly) */
  option?: string;
  /** "checklist": ticked option ids with their own justification. */
  ticked?: { id: string; justification?: Markdown; source: SourcePos }[];
  /** "measure": the measured value in hundredths of the unit. */
  value?: Hundredths;
  /** "ratio": the two counts, in hundredths. */
  numerator?: Hundredths;
  denominator?: Hundredths;
  /** "count": the number of occurrences (a whole number, not hundredths). */
  count?: number;
  /** Self-declared score; must equal the computed one. For "score" leaves it is the score. */
  declared?: Hundredths;
  /** The node is answered "not applicable" (its rubric rule gives the score). */
  notApplicable?: boolean;
  justification?: Markdown;
  /** The responsible official ("công chức phụ trách"), printed in an "official" column. */
  official?: string;
  /** Evidence files listed for the criterion (docs/evidence.md), beside those its citations name. */
  evidence?: EvidenceDeclaration[];
  source: SourcePos;
  /** Positions of individual fields, for diagnostics. */
  fields: Partial<Record<AnswerField, SourcePos>>;
}

export const ANSWER_FIELDS = [
  "option",
  "value",
  "score",
  "justification",
  "options",
  "numerator",
  "denominator",
  "count",
  "not_applicable",
  "official",
  "evidence",
] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

export interface Assessment {
  file: string;
  rubricId: string;
  year: number;
  unit: Unit;
  report: ReportMeta;
  answers: Map<string, Answer>;
  source: SourcePos;
}

/** Map a point inside a Markdown text (1-based line/column, as mdast gives) back to the input file. */
export function markdownPos(md: Markdown, point: { line: number; column: number } | undefined): SourcePos {
  const o = md.origin;
  if (!point) return { file: o.file, line: o.line, column: o.column };
  if (o.block) {
    // A block scalar's text starts on the line after the indicator; every line is indented by `indent`.
    return { file: o.file, line: o.line + point.line - 1, column: o.indent + point.column };
  }
  return { file: o.file, line: o.line + point.line - 1, column: point.line === 1 ? o.column + point.column - 1 : point.column };
}
