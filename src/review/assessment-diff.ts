/**
 * The semantic difference between two scored versions of one assessment (with their appraisals):
 * per criterion, the chosen option(s), measured value, score and justification; per group, the score;
 * the totals and the classification; the appraised scores, opinions and totals; and the report's
 * metadata. Pure: both sides were scored by the same pipeline (runChecks).
 */
import type { Markdown } from "../model/assessment.js";
import type { Hundredths } from "../model/points.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import { sameText, wordDiff, type WordDiff } from "./word-diff.js";

export interface Change<T> {
  old?: T;
  new?: T;
}

export interface CriterionDiff {
  id: string;
  title: string;
  /** Chosen option ids (sorted; one for a choice, several for a checklist). */
  options?: Change<string[]>;
  value?: Change<Hundredths>;
  score?: Change<Hundredths>;
  justification?: WordDiff;
  appraisedScore?: Change<Hundredths>;
  opinion?: WordDiff;
  /** The criterion exists on one side only (the rubric changed). */
  presence?: "added" | "removed";
}

export interface GroupDiff {
  id: string;
  title: string;
  score?: Change<Hundredths>;
  appraisedScore?: Change<Hundredths>;
  opinion?: WordDiff;
}

export interface Totals {
  unit: string;
  year: number;
  rubric: string;
  total: Hundredths;
  max: Hundredths;
  classification?: string;
  appraisedTotal?: Hundredths;
  appraisedClassification?: string;
  appraisalRounds?: number;
}

export interface AssessmentDiff {
  criteria: CriterionDiff[];
  groups: GroupDiff[];
  total?: Change<Hundredths>;
  classification?: Change<string>;
  appraisedTotal?: Change<Hundredths>;
  appraisedClassification?: Change<string>;
  appraisalRounds?: Change<number>;
  /** Report and unit fields that changed: field name → old/new text. */
  meta: MetaChange[];
}

/** A changed report/unit field; long prose (the report body) is summarised word by word instead. */
export interface MetaChange {
  field: string;
  old?: string;
  new?: string;
  words?: WordDiff;
}

export function totalsOf(s: ScoredAssessment): Totals {
  const t: Totals = { unit: s.assessment.unit.name, year: s.assessment.year, rubric: s.rubric.id, total: s.total, max: s.max };
  if (s.classification !== undefined) t.classification = s.classification;
  if (s.appraised) {
    t.appraisedTotal = s.appraised.total;
    if (s.appraised.classification !== undefined) t.appraisedClassification = s.appraised.classification;
    if (s.appraised.rounds !== undefined) t.appraisalRounds = s.appraised.rounds;
  }
  return t;
}

export function isEmptyDiff(d: AssessmentDiff): boolean {
  return (
    d.criteria.length === 0 &&
    d.groups.length === 0 &&
    d.meta.length === 0 &&
    !d.total &&
    !d.classification &&
    !d.appraisedTotal &&
    !d.appraisedClassification &&
    !d.appraisalRounds
  );
}

function change<T>(a: T | undefined, b: T | undefined, eq: (x: T, y: T) => boolean = (x, y) => x === y): Change<T> | undefined {
  if (a === undefined && b === undefined) return undefined;
  if (a !== undefined && b !== undefined && eq(a, b)) return undefined;
  const c: Change<T> = {};
  if (a !== undefined) c.old = a;
  if (b !== undefined) c.new = b;
  return c;
}

const sameList = (x: string[], y: string[]) => x.join(",") === y.join(",");

function textDiff(a: Markdown | undefined, b: Markdown | undefined): WordDiff | undefined {
  if (sameText(a?.text, b?.text)) return undefined;
  return wordDiff(a?.text ?? "", b?.text ?? "");
}

function flatten(items: readonly ScoredNode[]): Map<string, ScoredNode> {
  const out = new Map<string, ScoredNode>();
  const visit = (n: ScoredNode) => {
    out.set(n.node.id, n);
    n.children?.forEach(visit);
  };
  items.forEach(visit);
  return out;
}

/** Chosen option ids of a leaf, sorted. */
export function chosenOptions(n: ScoredNode): string[] {
  return (n.options ?? [])
    .filter((o) => o.chosen)
    .map((o) => o.option.id)
    .sort();
}

/** All justification text of a leaf: the criterion's own, then each ticked option's ("b: …"). */
export function justificationText(n: ScoredNode): string {
  const parts: string[] = [];
  if (n.justification?.text.trim()) parts.push(n.justification.text.trim());
  for (const o of n.options ?? []) if (o.justification?.text.trim()) parts.push(`${o.option.id}: ${o.justification.text.trim()}`);
  return parts.join("\n");
}

export function diffAssessments(a: ScoredAssessment, b: ScoredAssessment): AssessmentDiff {
  const olds = flatten(a.items);
  const news = flatten(b.items);
  // Without an appraisal a row's appraised score is its self-assessed one (nothing was contested), so
  // adding or removing an appraisal lists only the rows where the appraiser differs.
  const appraisedOf = (n: ScoredNode | undefined, s: ScoredAssessment) =>
    !a.appraised && !b.appraised ? undefined : n ? (s.appraised ? n.appraisal?.score : n.score) : undefined;
  // Rubric order of the new side, then ids only the old side has.
  const ids = [...news.keys(), ...[...olds.keys()].filter((id) => !news.has(id))];
  const criteria: CriterionDiff[] = [];
  const groups: GroupDiff[] = [];
  for (const id of ids) {
    const x = olds.get(id);
    const y = news.get(id);
    const node = (y ?? x)!.node;
    if (node.kind === "group") {
      const g: GroupDiff = { id, title: node.title };
      const score = change(x?.score, y?.score);
      if (score) g.score = score;
      const ap = change(appraisedOf(x, a), appraisedOf(y, b));
      if (ap) g.appraisedScore = ap;
      const op = textDiff(x?.appraisal?.opinion, y?.appraisal?.opinion);
      if (op) g.opinion = op;
      if (g.score || g.appraisedScore || g.opinion) groups.push(g);
      continue;
    }
    const c: CriterionDiff = { id, title: node.title };
    if (!x) c.presence = "added";
    if (!y) c.presence = "removed";
    const options = change(x ? chosenOptions(x) : undefined, y ? chosenOptions(y) : undefined, sameList);
    if (options) c.options = options;
    // A ratio's value is the percentage computed from its counts.
    const value = change(x?.measured ?? x?.answer?.value, y?.measured ?? y?.answer?.value);
    if (value) c.value = value;
    const score = change(x?.score, y?.score);
    if (score) c.score = score;
    const jx = x ? justificationText(x) : "";
    const jy = y ? justificationText(y) : "";
    if (!sameText(jx, jy)) c.justification = wordDiff(jx, jy);
    const ap = change(appraisedOf(x, a), appraisedOf(y, b));
    if (ap) c.appraisedScore = ap;
    const op = textDiff(x?.appraisal?.opinion, y?.appraisal?.opinion);
    if (op) c.opinion = op;
    if (c.presence || c.options || c.value || c.score || c.justification || c.appraisedScore || c.opinion) criteria.push(c);
  }
  const d: AssessmentDiff = { criteria, groups, meta: metaChanges(a, b) };
  const total = change(a.total, b.total);
  if (total) d.total = total;
  const cls = change(a.classification, b.classification);
  if (cls) d.classification = cls;
  const at = change(a.appraised?.total, b.appraised?.total);
  if (at) d.appraisedTotal = at;
  const ac = change(a.appraised?.classification, b.appraised?.classification);
  if (ac) d.appraisedClassification = ac;
  const rounds = change(a.appraised?.rounds, b.appraised?.rounds);
  if (rounds) d.appraisalRounds = rounds;
  return d;
}

function metaFields(s: ScoredAssessment): Record<string, string> {
  const a = s.assessment;
  const r = a.report;
  const signer = [r.signer.onBehalfOf ? `TM. ${r.signer.onBehalfOf}` : "", r.signer.prefix, r.signer.authority, r.signer.title, r.signer.name]
    .filter(Boolean)
    .join(" ");
  return {
    rubric: s.rubric.id,
    year: String(a.year),
    "unit.name": a.unit.name,
    "unit.agency": a.unit.agency,
    "unit.superior": a.unit.superior ?? "",
    "report.number": `${r.number}/${r.symbol}`,
    "report.date": r.date,
    "report.place": r.place,
    "report.summary": r.summary,
    "report.to": r.to.join("; "),
    "report.body": r.body.text.trim().split(/\s+/u).join(" "),
    "report.recipients": r.recipients.join("; "),
    "report.archive": r.archive,
    "report.signer": signer,
  };
}

function metaChanges(a: ScoredAssessment, b: ScoredAssessment): MetaChange[] {
  const x = metaFields(a);
  const y = metaFields(b);
  const out: MetaChange[] = [];
  for (const k of Object.keys(y)) {
    if (x[k] === y[k]) continue;
    if (k === "report.body") out.push({ field: k, words: wordDiff(x[k] ?? "", y[k] ?? "") });
    else out.push({ field: k, ...(x[k] ? { old: x[k] } : {}), ...(y[k] ? { new: y[k] } : {}) });
  }
  return out;
}
