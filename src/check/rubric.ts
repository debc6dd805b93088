/**
 * Semantic checks of a rubric that JSON Schema cannot express: unique and well-nested ids, printed
 * labels that tell sibling rows apart, the table form (table-form.ts), maxima that
 * add up, options within their criterion's range, measured ranges that neither overlap nor leave gaps,
 * points printed in the option text that agree with the declared points, classification order.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { formatHundredths, type Hundredths } from "../model/points.js";
import { inRange, printedLabel, walkRubric, type Rubric, type RubricLeaf, type RubricNode } from "../model/rubric.js";
import { checkTableForm } from "./table-form.js";

const fmt = (h: Hundredths) => formatHundredths(h);

export function checkRubric(rubric: Rubric): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, RubricNode>();
  const checkChildren = (parent: RubricNode | undefined, items: readonly RubricNode[]) => {
    const labels = new Map<string, RubricNode>();
    for (const n of items) {
      const prior = seen.get(n.id);
      if (prior) out.push(diag("CD301", n.source, { id: n.id, line: prior.source.line }));
      else seen.set(n.id, n);
      // Parentage comes from the nesting; a dotted id ("1.2.3") also names its parent ("1.2"), and must agree.
      const dot = n.id.lastIndexOf(".");
      if (parent && dot > 0 && n.id.slice(0, dot) !== parent.id) out.push(diag("CD302", n.source, { id: n.id, parent: parent.id }));
      const label = printedLabel(n);
      const twin = labels.get(label);
      if (twin) out.push(diag("CD344", n.source, { label, id: n.id, other: twin.id, line: String(twin.source.line) }));
      else labels.set(label, n);
      if (n.min > n.max) out.push(diag("CD316", n.source, { min: fmt(n.min), max: fmt(n.max) }));
      const na = n.notApplicable;
      if (na && (na.score < n.min || na.score > n.max)) {
        out.push(diag("CD325", na.source, { score: fmt(na.score), min: fmt(n.min), max: fmt(n.max), id: n.id }));
      }
      if (n.kind === "group") {
        const sum = n.items.reduce((s, c) => s + (c.role === "penalty" ? 0 : c.max), 0);
        if (sum !== n.max && n.role !== "penalty") out.push(diag("CD305", n.source, { sum: fmt(sum), max: fmt(n.max) }));
        checkChildren(n, n.items);
      } else {
        checkLeaf(n, out);
      }
    }
  };
  checkChildren(undefined, rubric.items);

  if (rubric.bonusMax === undefined) {
    const total = rubric.items.reduce((s, n) => s + (n.role === "penalty" ? 0 : n.max), 0);
    if (total !== rubric.max) out.push(diag("CD306", rubric.source, { sum: fmt(total), max: fmt(rubric.max) }));
  } else {
    // "90 điểm + 10 điểm thưởng": max is the criteria's, bonus_max the bonus items'.
    const base = rubric.items.reduce((s, n) => s + (n.role === "criterion" ? n.max : 0), 0);
    const bonus = rubric.items.reduce((s, n) => s + (n.role === "bonus" ? n.max : 0), 0);
    if (base !== rubric.max) out.push(diag("CD306", rubric.source, { sum: fmt(base), max: fmt(rubric.max) }));
    if (bonus !== rubric.bonusMax) out.push(diag("CD326", rubric.source, { sum: fmt(bonus), max: fmt(rubric.bonusMax) }));
  }

  out.push(...checkTableForm(rubric));

  const bands = rubric.classification?.bands ?? [];
  for (let i = 1; i < bands.length; i++) {
    if (bands[i]!.min >= bands[i - 1]!.min) {
      out.push(diag("CD313", rubric.source));
      break;
    }
  }
  return out;
}

/** The kind-specific fields of a leaf, and the inputs that use each. */
const KIND_FIELDS = [
  ["measure", "measure"],
  ["ratio", "ratio"],
  ["count", "count"],
  ["step", "score"],
] as const;

function checkKind(leaf: RubricLeaf, out: Diagnostic[]): void {
  for (const [field, input] of KIND_FIELDS) {
    const present = field === "measure" ? leaf.input !== "ratio" && leaf.measure !== undefined : leaf[field] !== undefined;
    if (present && leaf.input !== input) out.push(diag("CD324", leaf.fields?.[field] ?? leaf.source, { field, id: leaf.id, input: leaf.input }));
    if (!present && leaf.input === input && field !== "step") out.push(diag("CD323", leaf.source, { field, id: leaf.id, input: leaf.input }));
  }
  const optionless = leaf.input === "score" || leaf.input === "count" || leaf.input === "none";
  if (optionless && leaf.options.length > 0) out.push(diag("CD322", leaf.options[0]!.source, { id: leaf.id, input: leaf.input }));
  if (leaf.input === "none") {
    if (leaf.max !== 0 || leaf.min !== 0) {
      const field = leaf.max !== 0 ? "max" : "min";
      out.push(diag("CD324", leaf.fields?.[field] ?? leaf.source, { field, id: leaf.id, input: leaf.input }));
    }
    if (leaf.notApplicable) out.push(diag("CD324", leaf.notApplicable.source, { field: "not_applicable", id: leaf.id, input: leaf.input }));
  }
  const step = leaf.step;
  if (step !== undefined && (step <= 0 || leaf.min % step !== 0 || leaf.max % step !== 0)) {
    out.push(diag("CD327", leaf.fields?.step ?? leaf.source, { step: fmt(step), min: fmt(leaf.min), max: fmt(leaf.max), id: leaf.id }));
  }
}

function checkLeaf(leaf: RubricLeaf, out: Diagnostic[]): void {
  checkKind(leaf, out);
  const ids = new Set<string>();
  for (const o of leaf.options) {
    if (ids.has(o.id)) out.push(diag("CD303", o.source, { id: o.id, criterion: leaf.id }));
    ids.add(o.id);
    if (o.points === undefined && o.proportional === undefined) out.push(diag("CD319", o.source, { id: o.id }));
    if (o.proportional && leaf.input !== "measure" && leaf.input !== "ratio") out.push(diag("CD310", o.source));
    if (o.points !== undefined && (o.points > leaf.max || o.points < Math.min(leaf.min, 0))) {
      out.push(diag("CD304", o.source, { points: fmt(o.points), max: fmt(leaf.max) }));
    }
    const printed = printedPoints(o.text);
    if (printed !== undefined && o.points !== undefined && printed !== o.points) {
      out.push(diag("CD315", o.source, { printed: fmt(printed), points: fmt(o.points) }));
    }
  }
  if (leaf.input === "measure" || leaf.input === "ratio") checkRanges(leaf, out);
}

/**
 * The points written at the end of an option text ("…: 3,00", "… 1", "…: 0,5", "…: 01 điểm",
 * "… (0,25 điểm)"), if any.
 */
export function printedPoints(text: string): Hundredths | undefined {
  const m = /(?:^|[\s:(])(\d{1,3})(?:,(\d{1,2}))?(?:\s*điểm)?\s*\)?\s*$/u.exec(text);
  if (!m || /%\s*$/.test(text)) return undefined;
  return Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, "0")) : 0);
}

/**
 * Every value of the measure's domain (in hundredths, so the check is exact) must fall in exactly one
 * option's range. Only boundary values and their neighbours can change the answer, so those are tested.
 */
function checkRanges(leaf: RubricLeaf, out: Diagnostic[]): void {
  const m = leaf.measure;
  if (leaf.input === "ratio" && !leaf.ratio) return; // CD323 says what is missing
  if (!m || leaf.options.some((o) => !o.range)) {
    out.push(diag("CD309", leaf.source));
    return;
  }
  const points = new Set<number>([m.min, m.max]);
  for (const o of leaf.options) {
    for (const b of [o.range!.min, o.range!.max]) {
      if (b === undefined) continue;
      for (const v of [b - 1, b, b + 1]) if (v >= m.min && v <= m.max) points.add(v);
    }
  }
  let overlapReported = false;
  let gapReported = false;
  for (const v of [...points].sort((a, b) => a - b)) {
    const hits = leaf.options.filter((o) => inRange(v, o.range!));
    if (hits.length === 0 && !gapReported) {
      out.push(diag("CD308", leaf.source, { value: fmt(v) }));
      gapReported = true;
    } else if (hits.length > 1 && !overlapReported) {
      out.push(diag("CD307", hits[1]!.source, { a: hits[0]!.id, b: hits[1]!.id }));
      overlapReported = true;
    }
  }
}

export function leaves(rubric: Rubric): RubricLeaf[] {
  const out: RubricLeaf[] = [];
  for (const [n] of walkRubric(rubric.items)) if (n.kind === "leaf") out.push(n);
  return out;
}
