/**
 * What the score table prints of an answer's facts, beside its justification: the measured value
 * ("Tỷ lệ % hoàn thành kế hoạch: 100%"), both counts of a ratio and its percentage ("Số TTV được tập
 * huấn: 12; Tổng số TTV: 15; Tỷ lệ % TTV được tập huấn: 80,00%"), a number of occurrences ("Số vụ vi
 * phạm bị xử lý: 3"), and, for a not-applicable answer, the rubric's rule as written. One string per
 * fact, in print order; none for a choice, a checklist, a direct score or a heading. Pure.
 */
import { formatHundredths, type NumberFormat } from "../model/points.js";
import type { ScoredNode } from "../model/scored.js";
import { measuredValue, textScore } from "./vi-format.js";

export function answerFacts(n: ScoredNode, numbers: NumberFormat): string[] {
  const node = n.node;
  if (n.notApplicable && node.notApplicable) return [node.notApplicable.text];
  const a = n.answer;
  if (!a || node.kind !== "leaf") return [];
  switch (node.input) {
    case "measure":
      return a.value !== undefined && node.measure ? [`${node.measure.label}: ${measuredValue(a.value, node.measure.unit, numbers)}`] : [];
    case "ratio": {
      const r = node.ratio;
      if (!r || a.numerator === undefined || a.denominator === undefined) return [];
      const parts = [`${r.numerator}: ${textScore(a.numerator, numbers)}`, `${r.denominator}: ${textScore(a.denominator, numbers)}`];
      // The percentage always with its two decimals: it was computed, and rounded, to hundredths.
      if (n.measured !== undefined) parts.push(`${r.label}: ${formatHundredths(n.measured, { ...numbers, fixed: true })}${r.unit}`);
      return [parts.join("; ")];
    }
    case "count":
      return a.count !== undefined && node.count ? [`${node.count.label}: ${a.count}`] : [];
    default:
      return [];
  }
}
