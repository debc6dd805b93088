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
import { inRange, type Classification, type LeafInput, type Rubric, type RubricLeaf, type RubricNode, type RubricOption } from "../model/rubric.js";
import type { ScoredAssessment, ScoredNode, ScoredOption } from "../model/scored.js";
import type { SourcePos } from "../model/source.js";

const fmt = (h: Hundredths) => formatHundredths(h);
/** Counts in messages: "12", "0,5" (no trailing zeros). */
const COUNTS = { decimal: ",", fixed: false } as const;

export function scoreAssessment(assessment: Assessment, rubric: Rubric): { scored: ScoredAssessment; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { nodes: items, sum: total } = scoreNodes(rubric.items, assessment, diagnostics, false);
  const totals = { base: 0, bonus: 0, penalty: 0 };
  for (const n of items) totals[n.node.role === "criterion" ? "base" : n.node.role] += n.score;
  const scored: ScoredAssessment = { assessment, rubric, items, total, totals, max: rubric.max };
  const cls = classificationOf(total, rubric.classification);
  if (cls !== undefined) scored.classification = cls;
  return { scored, diagnostics };
}

/** A node's score, its children's first. `skipped`: an enclosing group was answered not applicable. */
function scoreNode(n: RubricNode, assessment: Assessment, diagnostics: Diagnostic[], skipped: boolean): ScoredNode {
  const answer = assessment.answers.get(n.id);
  if (skipped) {
    if (answer) diagnostics.push(diag("CD428", answer.source, { id: n.id }));
    const out: ScoredNode = { node: n, score: 0, skipped: true };
    if (n.kind === "group") out.children = scoreNodes(n.items, assessment, diagnostics, true).nodes;
    else out.options = n.options.map((option) => ({ option, chosen: false }));
    return out;
  }
  if (n.kind === "leaf") return n.scoredBy === "unit" ? scoreLeaf(n, answer, diagnostics) : othersLeaf(n, answer, diagnostics);
  const na = answer ? notApplicableScore(n, answer, diagnostics) : undefined;
  const { nodes: children, sum } = scoreNodes(n.items, assessment, diagnostics, na !== undefined);
  const out: ScoredNode = { node: n, score: na ?? clamp(sum, n.min, n.max), children };
  if (answer) {
    out.answer = answer;
    if (answer.justification) out.justification = answer.justification;
  }
  if (na !== undefined) out.notApplicable = true;
  return out;
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
  const scoring = [answer.option, answer.ticked, answer.value, answer.declared, answer.numerator, answer.denominator, answer.count, answer.notApplicable];
  if (scoring.some((v) => v !== undefined)) {
    const at = answer.fields.option ?? answer.fields.options ?? answer.fields.value ?? answer.fields.score ?? answer.source;
    const by = leaf.scoredBy === "survey" ? { vi: "điều tra xã hội học", en: "the survey" } : { vi: "cơ quan thẩm định", en: "the appraiser" };
    out.push(diag("CD736", at, { id: leaf.id, by }));
  }
  return result;
}

/** Scores of a list of nodes, and their sum. */
function scoreNodes(
  list: readonly RubricNode[],
  assessment: Assessment,
  diagnostics: Diagnostic[],
  skipped: boolean,
): { nodes: ScoredNode[]; sum: Hundredths } {
  const nodes: ScoredNode[] = [];
  let sum = 0;
  for (const n of list) {
    const c = scoreNode(n, assessment, diagnostics, skipped);
    nodes.push(c);
    sum += c.score;
  }
  return { nodes, sum };
}

/**
 * The rubric's stated score for an answer "not_applicable: true", or undefined when the answer does not
 * say so or the node has no such rule (CD425). The justification is required (CD426).
 */
function notApplicableScore(n: RubricNode, answer: Answer, out: Diagnostic[]): Hundredths | undefined {
  if (!answer.notApplicable) return undefined;
  const at = answer.fields.not_applicable ?? answer.source;
  if (!n.notApplicable) {
    out.push(diag("CD425", at, { id: n.id }));
    return undefined;
  }
  const j = answer.justification?.text;
  if (j === undefined || j.trim() === "" || isBlank(j)) out.push(diag("CD426", answer.fields.justification ?? at, { id: n.id }));
  return n.notApplicable.score;
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

/** The scoring fields of an answer, and which of them each input takes. */
const SCORING_FIELDS = ["option", "options", "value", "numerator", "denominator", "count"] as const;
type ScoringField = (typeof SCORING_FIELDS)[number];
const ACCEPTS: Record<LeafInput, readonly ScoringField[]> = {
  choice: ["option"],
  checklist: ["options"],
  measure: ["value", "option"],
  ratio: ["numerator", "denominator"],
  score: [],
  count: ["count"],
  none: [],
};

function hasField(a: Answer, f: ScoringField): boolean {
  if (f === "options") return a.ticked !== undefined;
  return a[f] !== undefined;
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
  if (leaf.input === "none") {
    out.push(diag("CD429", answer.source, { id: leaf.id }));
    return result;
  }
  const errorsBefore = out.length;
  const na = notApplicableScore(leaf, answer, out);
  if (na !== undefined) {
    // Not applicable and scored too: say which one counts.
    const extra = SCORING_FIELDS.find((f) => hasField(answer, f));
    if (extra) out.push(diag("CD434", answer.fields[extra] ?? answer.source, { id: leaf.id, field: extra }));
    result.score = na;
    result.notApplicable = true;
    if (answer.declared !== undefined && answer.declared !== na) {
      out.push(diag("CD408", answer.fields.score ?? answer.source, { declared: fmt(answer.declared), computed: fmt(na) }));
    }
    return result;
  }
  const byId = new Map<string, ScoredOption>();
  for (const o of options) byId.set(o.option.id, o);
  let raw: Hundredths | undefined;

  const accepted = ACCEPTS[leaf.input];
  const wrong = SCORING_FIELDS.find((f) => !accepted.includes(f) && hasField(answer, f));
  if (wrong) {
    out.push(diag("CD405", answer.fields[wrong] ?? answer.source, { id: leaf.id, input: leaf.input, expected: accepted[0] ?? "score" }));
  }

  /** The option a measured value (or the answer's option) picks, scored; undefined when none applies. */
  const measured = (value: Hundredths | undefined, valueAt: SourcePos | undefined): Hundredths | undefined => {
    const m = leaf.measure;
    let picked: ScoredOption | undefined;
    if (value !== undefined) {
      if (m && (value < m.min || value > m.max)) {
        out.push(diag("CD406", valueAt ?? answer.source, { value: fmt(value), min: fmt(m.min), max: fmt(m.max), unit: m.unit }));
        return undefined;
      }
      for (const o of options) {
        if (o.option.range && inRange(value, o.option.range)) {
          picked = o;
          break;
        }
      }
    }
    if (answer.option !== undefined && leaf.input === "measure") {
      const named = byId.get(answer.option);
      if (!named) {
        unknownOption(out, leaf, answer.option, answer.fields.option ?? answer.source);
        return undefined;
      }
      if (picked && picked !== named) {
        out.push(diag("CD407", answer.fields.option ?? answer.source, { option: answer.option, value: fmt(value!), expected: picked.option.id }));
        return undefined;
      }
      picked = named;
    }
    if (!picked) return undefined;
    const points = optionPoints(picked.option, value);
    if (points === undefined) {
      out.push(diag("CD410", answer.fields.option ?? answer.source, { option: picked.option.id, id: leaf.id }));
      return undefined;
    }
    picked.chosen = true;
    picked.points = clamp(points, leaf.min, leaf.max);
    return picked.points;
  };

  switch (leaf.input) {
    case "choice": {
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
    case "measure":
      raw = measured(answer.value, answer.fields.value);
      break;
    case "ratio": {
      const { numerator: n, denominator: d } = answer;
      if (n === undefined || d === undefined || n < 0 || d < 0) break; // missing or negative: the schema says so
      if (d === 0) {
        out.push(diag("CD430", answer.fields.denominator ?? answer.source, { id: leaf.id, denominator: leaf.ratio?.denominator ?? "denominator" }));
        break;
      }
      if (n > d) {
        out.push(diag("CD431", answer.fields.numerator ?? answer.source, { numerator: formatHundredths(n, COUNTS), denominator: formatHundredths(d, COUNTS) }));
        break;
      }
      // The percentage in hundredths of a percent, rounded once (80,00 % is 8000).
      const value = mulDivRound(n, 10000, d);
      result.measured = value;
      raw = measured(value, answer.fields.numerator);
      break;
    }
    case "count": {
      const c = answer.count;
      if (c === undefined) break;
      if (!Number.isInteger(c) || c < 0) {
        out.push(diag("CD427", answer.fields.count ?? answer.source, { value: String(c) }));
        break;
      }
      raw = c * (leaf.count?.points ?? 0);
      break;
    }
    case "score": {
      const v = answer.declared;
      if (v === undefined) break;
      const at = answer.fields.score ?? answer.source;
      if (v < leaf.min || v > leaf.max) {
        out.push(diag("CD432", at, { score: fmt(v), min: fmt(leaf.min), max: fmt(leaf.max), id: leaf.id }));
        break;
      }
      if (leaf.step !== undefined && leaf.step > 0 && v % leaf.step !== 0) {
        out.push(diag("CD433", at, { score: fmt(v), step: fmt(leaf.step), id: leaf.id }));
        break;
      }
      raw = v;
      break;
    }
  }
  result.score = clamp(raw ?? 0, leaf.min, leaf.max);
  // An answer the rules could not score (an unknown option, a value out of range…) has its error
  // already: comparing the declared score with 0 would add a wrong second one. A "score" leaf's
  // declared score is its answer, not a check.
  const unscored = out.slice(errorsBefore).some((d) => d.severity === "error");
  if (leaf.input !== "score" && answer.declared !== undefined && answer.declared !== result.score && !unscored) {
    out.push(diag("CD408", answer.fields.score ?? answer.source, { declared: fmt(answer.declared), computed: fmt(result.score) }));
  }
  return result;
}
