/**
 * What the number columns of the score table print, row by row: one function per column kind, used by
 * the rows (score-rows.ts) and by the width rule (score-columns.ts), so a column is always sized from
 * exactly the texts it prints. Text columns (title, explanation, opinion…) are built in score-rows.ts.
 */
import { formatHundredths, type Hundredths, type NumberFormat } from "../model/points.js";
import { scoredByUnit, walkRubric, type RubricNode } from "../model/rubric.js";
import type { ScoredAssessment, ScoredNode, ScoredOption } from "../model/scored.js";
import type { ScoreTableForm, TableColumn } from "../model/table.js";
import { percentOf } from "../score/final.js";
import { maximumText, measuredValue, textScore } from "./vi-format.js";

/** The row a cell belongs to. */
export type RowSubject = { row: "node"; n: ScoredNode } | { row: "option"; n: ScoredNode; o: ScoredOption } | { row: "total" };

const fmt = (v: Hundredths | undefined, numbers: NumberFormat) => (v === undefined ? undefined : formatHundredths(v, numbers));

/** The points a chosen option shows in the self-score column (each ticked option of a checklist). */
export function chosenPoints(n: ScoredNode, o: ScoredOption): Hundredths | undefined {
  if (!o.chosen) return undefined;
  return o.points ?? (n.node.kind === "leaf" && n.node.input === "checklist" ? undefined : n.score);
}

function count(nodes: readonly RubricNode[], of: TableColumn["of"]): number {
  if (of === "leaves") {
    let k = 0;
    for (const [n] of walkRubric(nodes)) if (n.kind === "leaf") k++;
    return k;
  }
  return nodes.length;
}

/** The text of a number column's cell, or undefined for an empty cell. */
export function numberText(scored: ScoredAssessment, form: ScoreTableForm, col: TableColumn, s: RowSubject, numbers: NumberFormat): string | undefined {
  // A heading row (input: none) has no maximum and no score.
  if (s.row === "node" && s.n.node.kind === "leaf" && s.n.node.input === "none") return undefined;
  // Below a group answered not applicable nothing is scored: only the maximum (and counts) print.
  if (s.row === "node" && s.n.skipped && col.kind !== "max" && col.kind !== "count") return undefined;
  switch (col.kind) {
    case "max":
      if (s.row === "total") return maximumText(scored.max, scored.rubric.bonusMax, numbers);
      if (s.row === "option") return form.optionPoints === "max" ? fmt(s.o.option.points, numbers) : undefined;
      return fmt(s.n.node.max, numbers);
    case "self":
      if (s.row === "total") return fmt(scored.total, numbers);
      if (s.row === "option") return fmt(chosenPoints(s.n, s.o), numbers);
      // What the unit does not score (a survey's or the appraiser's criteria) it leaves blank.
      return scoredByUnit(s.n.node) ? fmt(s.n.score, numbers) : undefined;
    case "appraisal": {
      // A round's column prints the scores as that round left them; without `round`, the final ones.
      const k = col.round === undefined ? undefined : col.round - 1;
      if (s.row === "total") return fmt(k === undefined ? scored.appraised?.total : scored.appraised?.byRound?.[k], numbers);
      if (s.row !== "node") return undefined;
      return fmt(k === undefined ? s.n.appraisal?.score : s.n.appraisal?.byRound?.[k], numbers);
    }
    case "survey":
      if (s.row === "total") return fmt(scored.survey?.total, numbers);
      return s.row === "node" ? fmt(s.n.survey, numbers) : undefined;
    case "final":
      if (s.row === "total") return fmt(scored.final?.total, numbers);
      return s.row === "node" ? fmt(s.n.final, numbers) : undefined;
    case "percent":
      if (s.row === "total") return fmt(scored.final?.percent, numbers);
      return s.row === "node" ? fmt(percentOf(s.n.final, s.n.node.max), numbers) : undefined;
    case "evidence": {
      if (s.row !== "node" || s.n.node.kind !== "leaf" || s.n.notApplicable) return undefined;
      const a = s.n.answer;
      const leaf = s.n.node;
      if (col.value === "numerator") return a?.numerator === undefined ? undefined : textScore(a.numerator, numbers);
      if (col.value === "denominator") return a?.denominator === undefined ? undefined : textScore(a.denominator, numbers);
      // The value: a ratio's computed percentage (two decimals, as computed), or the measured value.
      if (leaf.input === "ratio") return s.n.measured === undefined ? undefined : `${formatHundredths(s.n.measured, { ...numbers, fixed: true })}%`;
      return a?.value === undefined ? undefined : measuredValue(a.value, leaf.measure?.unit ?? "", numbers);
    }
    case "count":
      if (s.row === "total") return String(count(scored.rubric.items, col.of));
      return s.row === "node" && s.n.node.kind === "group" ? String(count(s.n.node.items, col.of)) : undefined;
    default:
      return undefined;
  }
}

/** Every text a number column prints, for sizing it. */
export function columnValues(scored: ScoredAssessment, form: ScoreTableForm, col: TableColumn, numbers: NumberFormat): string[] {
  const out: string[] = [];
  const add = (s: RowSubject) => {
    const t = numberText(scored, form, col, s, numbers);
    if (t !== undefined) out.push(t);
  };
  const visit = (n: ScoredNode) => {
    add({ row: "node", n });
    for (const o of n.options ?? []) add({ row: "option", n, o });
    n.children?.forEach(visit);
  };
  scored.items.forEach(visit);
  add({ row: "total" });
  return out;
}
