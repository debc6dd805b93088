/**
 * Exact scoring. Everything is integer hundredths; the only division (a formula on a measured value)
 * rounds once, half away from zero, to hundredths. Scores are computed bottom-up: a leaf from its
 * answer, a group as the sum of its children clamped to [min, max], the total as the sum of the
 * top-level items (criteria + bonus − penalties), as "Tổng điểm = điểm các tiêu chí + điểm thưởng".
 * Problems with an answer are diagnostics, and the leaf then scores 0, so a partial result is still
 * available for summaries.
 */
import { diag, listed, PER_CODE_LIMIT, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Answer, Assessment } from "../model/assessment.js";
import { isBlank } from "../model/blanks.js";
import { clamp, formatHundredths, mulDivRound, type Hundredths } from "../model/points.js";
import { inRange, type Classification, type Rubric, type RubricLeaf, type RubricNode, type RubricOption } from "../model/rubric.js";
import type { ScoredAssessment, ScoredNode, ScoredOption } from "../model/scored.js";
import type { SourcePos } from "../model/source.js";

const fmt = (h: Hundredths) => formatHundredths(h);

export function scoreAssessment(assessment: Assessment, rubric: Rubric): { scored: ScoredAssessment; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { nodes: items, sum: total } = scoreNodes(rubric.items, assessment, diagnostics);
  const scored: ScoredAssessment = { assessment, rubric, items, total, max: rubric.max };
  const cls = classificationOf(total, rubric.classification);
  if (cls !== undefined) scored.classification = cls;
  return { scored, diagnostics };
}

/** A node's score, its children's first. */
function scoreNode(n: RubricNode, assessment: Assessment, diagnostics: Diagnostic[]): ScoredNode {
  if (n.kind === "group") {
    const { nodes: children, sum } = scoreNodes(n.items, assessment, diagnostics);
    return { node: n, score: clamp(sum, n.min, n.max), children };
  }
  const answer = assessment.answers.get(n.id);
  if (n.scoredBy !== "unit") return othersLeaf(n, answer, diagnostics);
  return scoreLeaf(n, answer, diagnostics);
}

/**
 * A criterion the survey or the appraiser scores: the unit gives no score (0 in its own total, a blank
 * cell in the table) and may only explain (CD736 for anything else).
 */
function othersLeaf(leaf: RubricLeaf, answer: Answer | undefined, out: Diagnostic[]): ScoredNode {
  const result: ScoredNode = { node: leaf, score: 0, options: leaf.options.map((option) => ({ option, chosen: false })) };
  if (!answer) return result;
  result.answer = answer;
  if (answer.justification) result.justification = answer.justification;
  if (answer.option !== undefined || answer.ticked || answer.value !== undefined || answer.declared !== undefined) {
    const at = answer.fields.option ?? answer.fields.options ?? answer.fields.value ?? answer.fields.score ?? answer.source;
    const by = leaf.scoredBy === "survey" ? { vi: "điều tra xã hội học", en: "the survey" } : { vi: "cơ quan thẩm định", en: "the appraiser" };
    out.push(diag("CD736", at, { id: leaf.id, by }));
  }
  return result;
}

/** Scores of a list of nodes, and their sum. */
function scoreNodes(list: readonly RubricNode[], assessment: Assessment, diagnostics: Diagnostic[]): { nodes: ScoredNode[]; sum: Hundredths } {
  const nodes: ScoredNode[] = [];
  let sum = 0;
  for (const n of list) {
    const c = scoreNode(n, assessment, diagnostics);
    nodes.push(c);
    sum += c.score;
  }
  return { nodes, sum };
}

function unknownOption(out: Diagnostic[], leaf: RubricLeaf, id: string, pos: SourcePos): void {
  const ids: string[] = [];
  for (const o of leaf.options) {
    if (ids.length > PER_CODE_LIMIT) break;
    ids.push(o.id);
  }
  const allowed = listed(ids);
  out.push(diag("CD404", pos, { option: id, id: leaf.id, allowed }));
}

export function classificationOf(total: Hundredths, c: Classification | undefined): string | undefined {
  if (!c) return undefined;
  for (const b of c.bands) if (total >= b.min) return b.label;
  return c.fallback || undefined;
}

/** Points of one option for a measured value (formula or fixed), before clamping. */
export function optionPoints(o: RubricOption, value: Hundredths | undefined): Hundredths | undefined {
  if (o.proportional) {
    if (value === undefined) return undefined;
    return mulDivRound(value, o.proportional.points, o.proportional.per);
  }
  return o.points;
}

/** Exported for the appraisal stage (src/score/appraise.ts), which scores an appraiser's option/value by the same rules. */
export function scoreLeaf(leaf: RubricLeaf, answer: Answer | undefined, out: Diagnostic[]): ScoredNode {
  const options: ScoredOption[] = [];
  for (const option of leaf.options) options.push({ option, chosen: false });
  const result: ScoredNode = { node: leaf, score: 0, options };
  if (!answer) {
    // Missing answers are reported by the schema (required) with the answers map's position.
    return result;
  }
  result.answer = answer;
  if (answer.justification) result.justification = answer.justification;
  const byId = new Map<string, ScoredOption>();
  for (const o of options) byId.set(o.option.id, o);
  let raw: Hundredths | undefined;
  const errorsBefore = out.length;

  switch (leaf.input) {
    case "choice": {
      if (answer.ticked || answer.value !== undefined) {
        out.push(diag("CD405", answer.fields.options ?? answer.fields.value ?? answer.source, { id: leaf.id, input: leaf.input, expected: "option" }));
      }
      if (answer.option === undefined) break;
      const o = byId.get(answer.option);
      if (!o) {
        unknownOption(out, leaf, answer.option, answer.fields.option ?? answer.source);
        break;
      }
      o.chosen = true;
      o.points = o.option.points ?? 0;
      raw = o.points;
      break;
    }
    case "checklist": {
      if (answer.option !== undefined || answer.value !== undefined) {
        out.push(diag("CD405", answer.fields.option ?? answer.fields.value ?? answer.source, { id: leaf.id, input: leaf.input, expected: "options" }));
      }
      raw = 0;
      for (const t of answer.ticked ?? []) {
        // An option `init` listed with a blank for its justification is not ticked until someone
        // writes one (the blank itself is an error, CD719): an untouched template scores 0.
        if (t.justification && isBlank(t.justification.text)) continue;
        const o = byId.get(t.id);
        if (!o) {
          unknownOption(out, leaf, t.id, t.source);
          continue;
        }
        o.chosen = true;
        o.points = o.option.points ?? 0;
        if (t.justification) o.justification = t.justification;
        raw += o.points;
      }
      if (raw > leaf.max) {
        out.push(diag("CD413", answer.fields.options ?? answer.source, { id: leaf.id, sum: fmt(raw), max: fmt(leaf.max) }));
      }
      break;
    }
    case "measure": {
      if (answer.ticked) {
        out.push(diag("CD405", answer.fields.options ?? answer.source, { id: leaf.id, input: leaf.input, expected: "value" }));
      }
      const m = leaf.measure;
      let picked: ScoredOption | undefined;
      if (answer.value !== undefined) {
        if (m && (answer.value < m.min || answer.value > m.max)) {
          out.push(diag("CD406", answer.fields.value ?? answer.source, { value: fmt(answer.value), min: fmt(m.min), max: fmt(m.max), unit: m.unit }));
          break;
        }
        for (const o of options) {
          if (o.option.range && inRange(answer.value, o.option.range)) {
            picked = o;
            break;
          }
        }
      }
      if (answer.option !== undefined) {
        const named = byId.get(answer.option);
        if (!named) {
          unknownOption(out, leaf, answer.option, answer.fields.option ?? answer.source);
          break;
        }
        if (picked && picked !== named) {
          out.push(diag("CD407", answer.fields.option ?? answer.source, { option: answer.option, value: fmt(answer.value!), expected: picked.option.id }));
          break;
        }
        picked = named;
      }
      if (!picked) break;
      const points = optionPoints(picked.option, answer.value);
      if (points === undefined) {
        out.push(diag("CD410", answer.fields.option ?? answer.source, { option: picked.option.id, id: leaf.id }));
        break;
      }
      picked.chosen = true;
      picked.points = clamp(points, leaf.min, leaf.max);
      raw = picked.points;
      break;
    }
  }
  result.score = clamp(raw ?? 0, leaf.min, leaf.max);
  // An answer the rules could not score (an unknown option, a value out of range…) has its error
  // already: comparing the declared score with 0 would add a wrong second one.
  const unscored = out.slice(errorsBefore).some((d) => d.severity === "error");
  if (answer.declared !== undefined && answer.declared !== result.score && !unscored) {
    out.push(diag("CD408", answer.fields.score ?? answer.source, { declared: fmt(answer.declared), computed: fmt(result.score) }));
  }
  return result;
}
