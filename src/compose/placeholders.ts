/**
 * Placeholders in the report body: `{{total}}`, `{{max}}`, `{{percent}}`, `{{classification}}`, `{{unit}}`,
 * `{{year}}`, `{{number}}`, `{{date}}`. The body's computed values come from the scored model, so "đạt
 * **{{total}}/{{max}} điểm**" can never disagree with the score table. An unknown name is an error at
 * its position and is printed as written.
 *
 * Formats (decided here): {{total}}/{{max}} in running-text notation, no decimals when whole ("100",
 * "98,5"), with the configured decimal mark; {{percent}} the index (the final score as a percentage of
 * the maximum, src/score/final.ts) in the same notation with "%" ("85,5%"); {{number}} as "1880/BC-VP"; {{date}} as "19/11/2021";
 * {{year}} as "2021"; {{unit}} the unit's running-text name ("Văn phòng UBND tỉnh"). An electronic
 * document's own number and date are the document system's to give: {{number}} is then "        /BC-VP"
 * and {{date}} "    /    /2021", the blanks of its header.
 */
import type { NumberFormat } from "../model/points.js";
import type { Rubric, RubricNode } from "../model/rubric.js";
import type { ScoredAssessment } from "../model/scored.js";
import { documentNumber, shortDate, textScore } from "./vi-format.js";

export type PlaceholderValue = { value: string } | { error: string };
export type Placeholders = ReadonlyMap<string, PlaceholderValue>;

export const PLACEHOLDER_NAMES = ["total", "max", "percent", "classification", "unit", "year", "number", "date"] as const;

/**
 * The placeholders a unit's report under this rubric can fill when it is written: {{classification}} only
 * with a classification scale, {{percent}} only when the final score is the unit's own (no appraisal or
 * survey needed first).
 */
export function fillablePlaceholders(rubric: Pick<Rubric, "classification" | "table" | "items">): string[] {
  const ownFinal = rubric.table.final === "self" && rubric.items.every(scoredOnlyByUnit);
  return PLACEHOLDER_NAMES.filter((n) => (n !== "classification" || rubric.classification !== undefined) && (n !== "percent" || ownFinal));
}

function scoredOnlyByUnit(n: RubricNode): boolean {
  return n.kind === "leaf" ? n.scoredBy === "unit" : n.items.every(scoredOnlyByUnit);
}

export function reportPlaceholders(scored: ScoredAssessment, numbers: NumberFormat, electronic = false): Placeholders {
  const a = scored.assessment;
  const values: [string, PlaceholderValue][] = [
    ["total", { value: textScore(scored.total, numbers) }],
    ["max", { value: textScore(scored.max, numbers) }],
    [
      "percent",
      scored.final?.percent !== undefined
        ? { value: `${textScore(scored.final.percent, numbers)}%` }
        : { error: "điểm đạt được chưa tính được (còn thiếu điểm thẩm định hoặc điểm điều tra xã hội học)" },
    ],
    [
      "classification",
      scored.classification !== undefined ? { value: scored.classification } : { error: "bảng chấm điểm không có thang xếp loại (classification)" },
    ],
    ["unit", { value: a.unit.name }],
    ["year", { value: String(a.year) }],
    ["number", { value: documentNumber(a.report.number, a.report.symbol, electronic) }],
    ["date", { value: shortDate(electronic ? a.report.date.slice(0, 4) : a.report.date) }],
  ];
  return new Map(values);
}

export const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

export interface PlaceholderHit {
  /** Offset of "{{" in the text. */
  offset: number;
  name: string;
  /** The replacement, or undefined when the name is unknown or has no value. */
  value?: string;
  error?: "unknown" | string;
}

/** Substitutes every placeholder; reports each one that could not be filled. */
export function substitute(text: string, values: Placeholders): { text: string; problems: PlaceholderHit[] } {
  if (!text.includes("{{")) return { text, problems: [] };
  const problems: PlaceholderHit[] = [];
  const out = text.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    const v = values.get(name);
    if (!v) {
      problems.push({ offset, name, error: "unknown" });
      return whole;
    }
    if ("error" in v) {
      problems.push({ offset, name, error: v.error });
      return whole;
    }
    return v.value;
  });
  return { text: out, problems };
}
