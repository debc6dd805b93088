/**
 * Appraised scores, computed by the same exact rules as the self-assessment: every leaf the appraisal
 * touches is rescored from the appraiser's option/value (through score.ts's scoreLeaf) or taken from a
 * directly written score that the rules can produce; untouched leaves keep the self-assessed score;
 * groups are the clamped sums of their children; the total and the classification follow. The result
 * goes into the scored model side by side with the self-assessment (ScoredNode.appraisal,
 * ScoredAssessment.appraised), where compose prints it in "Điểm thẩm định" / "Ý kiến thẩm định".
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Answer, Markdown } from "../model/assessment.js";
import { clamp, formatHundredths, type Hundredths } from "../model/points.js";
import type { RubricGroup, RubricLeaf } from "../model/rubric.js";
import { walkScored, type ScoredAssessment, type ScoredNode } from "../model/scored.js";
import { classificationOf, scoreLeaf } from "./score.js";
import type { Appraisal, AppraisalEntry } from "../model/appraisal.js";
import { describeReachable, isReachable, reachableScores } from "./reachable-scores.js";

interface Final {
  score?: Hundredths;
  /** A group's not-applicable answer accepted (true) or rejected (false) by the appraisal. */
  notApplicable?: boolean;
  opinion?: Markdown;
  round: number;
}

/** Fill the appraisal into `scored` (mutates it) and return the diagnostics of the appraisal's entries. */
export function applyAppraisal(scored: ScoredAssessment, appraisal: Appraisal): Diagnostic[] {
  const out: Diagnostic[] = [];
  const leaves = new Map<string, RubricLeaf>();
  const groups = new Map<string, RubricGroup>();
  for (const { node } of walkScored(scored.items)) {
    if (node.kind === "leaf") leaves.set(node.id, node);
    else groups.set(node.id, node);
  }

  // A later round's entry replaces the earlier one: its opinion always, its score when it gives one
  // (for a group: whether it accepts a not-applicable answer).
  const finals = new Map<string, Final>();
  const afterRound: Map<string, Final>[] = [];
  for (const round of appraisal.rounds) {
    for (const entry of round.entries.values()) {
      const leaf = leaves.get(entry.criterion);
      const group = groups.get(entry.criterion);
      const prior = finals.get(entry.criterion);
      const score = leaf ? entryScore(leaf, entry, out) : undefined;
      const next: Final = { round: round.round };
      const kept = score ?? prior?.score;
      if (kept !== undefined) next.score = kept;
      const na = group ? groupNotApplicable(group, entry, out) : undefined;
      const keptNa = na ?? prior?.notApplicable;
      if (keptNa !== undefined) next.notApplicable = keptNa;
      if (entry.opinion) next.opinion = entry.opinion;
      finals.set(entry.criterion, next);
    }
    // The state after each round, for tables that print every round's score (an appraisal column's `round`).
    afterRound.push(new Map(finals));
  }

  // A survey-scored criterion the appraiser did not touch has no appraised score (its score is the
  // survey's, src/score/final.ts); a group of only such criteria has none either. `visit` sees every
  // node's score with its entry.
  const scoreWith = (
    fin: ReadonlyMap<string, Final>,
    n: ScoredNode,
    visit: (n: ScoredNode, score: Hundredths | undefined, f?: Final) => void,
  ): Hundredths | undefined => {
    const f = fin.get(n.node.id);
    let score: Hundredths | undefined;
    if (n.children) {
      let sum: Hundredths | undefined;
      for (const c of n.children) {
        const v = scoreWith(fin, c, visit);
        if (v !== undefined) sum = (sum ?? 0) + v;
      }
      // A group stays not applicable as self-assessed unless the appraisal says otherwise.
      const na = f?.notApplicable ?? n.notApplicable === true;
      if (na && n.node.notApplicable) score = n.node.notApplicable.score;
      else score = sum === undefined ? undefined : clamp(sum, n.node.min, n.node.max);
    } else {
      score = f?.score ?? (n.node.scoredBy === "survey" ? undefined : n.score);
    }
    visit(n, score, f);
    return score;
  };
  const fill = (n: ScoredNode) =>
    scoreWith(finals, n, (x, score, f) => {
      x.appraisal = { ...(score !== undefined ? { score } : {}), ...(f?.opinion ? { opinion: f.opinion } : {}), ...(f ? { round: f.round } : {}) };
    });
  const totals = { base: 0, bonus: 0, penalty: 0 };
  for (const n of scored.items) totals[n.node.role === "criterion" ? "base" : n.node.role] += fill(n) ?? 0;
  const total = totals.base + totals.bonus + totals.penalty;
  // Every round's scores, row by row and in total.
  const totalsByRound = afterRound.map((fin, k) => {
    let t = 0;
    for (const n of scored.items) {
      t +=
        scoreWith(fin, n, (x, score) => {
          const a = (x.appraisal ??= {});
          (a.byRound ??= [])[k] = score;
        }) ?? 0;
    }
    return t;
  });
  const last = appraisal.rounds[appraisal.rounds.length - 1];
  const ineligible = last?.ineligible;
  const classification = ineligible ? scored.rubric.classification?.fallback || undefined : classificationOf(total, scored.rubric.classification);
  scored.appraised = {
    total,
    totals,
    ...(classification !== undefined ? { classification } : {}),
    file: appraisal.file,
    rounds: appraisal.rounds.length,
    byRound: totalsByRound,
    ...(last?.date ? { date: last.date } : {}),
    ...(ineligible ? { ineligible } : {}),
  };
  return out;
}

/** Whether a group entry accepts (true) or rejects (false) a not-applicable answer; undefined if it does not say. */
function groupNotApplicable(group: RubricGroup, e: AppraisalEntry, out: Diagnostic[]): boolean | undefined {
  if (e.notApplicable === undefined) return undefined;
  if (!group.notApplicable) {
    out.push(diag("CD425", e.fields.not_applicable ?? e.source, { id: group.id }));
    return undefined;
  }
  return e.notApplicable;
}

/** The score an entry gives its leaf, or undefined when it only carries an opinion. */
function entryScore(leaf: RubricLeaf, e: AppraisalEntry, out: Diagnostic[]): Hundredths | undefined {
  const answered =
    e.option !== undefined ||
    e.ticked !== undefined ||
    e.value !== undefined ||
    e.numerator !== undefined ||
    e.denominator !== undefined ||
    e.count !== undefined ||
    e.notApplicable === true;
  if (answered) {
    const fields: Answer["fields"] = {};
    for (const f of ["option", "value", "options", "numerator", "denominator", "count", "not_applicable"] as const) {
      const at = e.fields[f];
      if (at) fields[f] = at;
    }
    const answer: Answer = { criterion: leaf.id, source: e.source, fields };
    if (e.option !== undefined) answer.option = e.option;
    if (e.value !== undefined) answer.value = e.value;
    if (e.numerator !== undefined) answer.numerator = e.numerator;
    if (e.denominator !== undefined) answer.denominator = e.denominator;
    if (e.count !== undefined) answer.count = e.count;
    // The appraiser's opinion is the justification of an accepted not-applicable answer.
    if (e.notApplicable) {
      answer.notApplicable = true;
      if (e.opinion) answer.justification = e.opinion;
      if (e.fields.opinion) fields.justification = e.fields.opinion;
    }
    if (e.ticked) answer.ticked = e.ticked.map((id) => ({ id, source: e.fields.options ?? e.source }));
    const computed = scoreLeaf(leaf, answer, out).score;
    if (e.score !== undefined && e.score !== computed) {
      out.push(diag("CD707", e.fields.score ?? e.source, { declared: formatHundredths(e.score), computed: formatHundredths(computed) }));
    }
    return computed;
  }
  if (e.score === undefined) return undefined;
  const at = e.fields.score ?? e.source;
  if (e.score < leaf.min || e.score > leaf.max) {
    out.push(diag("CD706", at, { score: formatHundredths(e.score), min: formatHundredths(leaf.min), max: formatHundredths(leaf.max), id: leaf.id }));
    return clamp(e.score, leaf.min, leaf.max);
  }
  const reachable = reachableScores(leaf);
  if (!isReachable(reachable, e.score)) {
    out.push(diag("CD705", at, { score: formatHundredths(e.score), id: leaf.id, allowed: describeReachable(reachable) }));
  }
  return e.score;
}
