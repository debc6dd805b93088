/**
 * Rubric reader: schema-checked YAML data → the Rubric model, with a source position on every node.
 * Structure was validated by schema/rubric.schema.json before this runs; what the schema cannot say
 * (ids, sums, ranges) is checked in check/rubric.ts.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parseHundredths, type Hundredths } from "../model/points.js";
import type {
  Classification,
  LeafInput,
  Measure,
  NodeRole,
  NotApplicable,
  Range,
  Rubric,
  RubricLeaf,
  RubricNode,
  RubricOption,
  ScoredBy,
} from "../model/rubric.js";
import { DEFAULT_FORM, DEFAULT_LABEL, type ColumnKind, type CountOf, type EvidenceValue, type ScoreTableForm, type TableColumn } from "../model/table.js";
import { posOf, type PathSegment, type YamlSource } from "./yaml-source.js";

type Obj = Record<string, unknown>;

export function readRubric(src: YamlSource): { rubric: Rubric; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const data = src.data as Obj;
  const num = (v: unknown, path: PathSegment[], fallback: Hundredths = 0): Hundredths => {
    if (v === undefined || v === null) return fallback;
    const h = parseHundredths(v);
    if (h === null) {
      diagnostics.push(diag("CD314", posOf(src, path), { value: String(v) }));
      return fallback;
    }
    return h;
  };

  const readOption = (o: Obj, path: PathSegment[]): RubricOption => {
    const opt: RubricOption = { id: String(o.id), text: String(o.text), source: posOf(src, path) };
    if (typeof o.label === "string") opt.label = o.label;
    if (o.points !== undefined) opt.points = num(o.points, [...path, "points"]);
    if (o.formula && typeof o.formula === "object") {
      const f = o.formula as Obj;
      opt.proportional = { points: num(f.points, [...path, "formula", "points"]), per: num(f.per, [...path, "formula", "per"], 1) };
    }
    if (o.range && typeof o.range === "object") {
      const r = o.range as Obj;
      const range: Range = { minInclusive: true, maxInclusive: true };
      if (r.min !== undefined) range.min = num(r.min, [...path, "range", "min"]);
      if (r.above !== undefined) {
        range.min = num(r.above, [...path, "range", "above"]);
        range.minInclusive = false;
      }
      if (r.max !== undefined) range.max = num(r.max, [...path, "range", "max"]);
      if (r.below !== undefined) {
        range.max = num(r.below, [...path, "range", "below"]);
        range.maxInclusive = false;
      }
      opt.range = range;
    }
    return opt;
  };

  const readNotApplicable = (v: unknown, path: PathSegment[]): NotApplicable | undefined => {
    if (!v || typeof v !== "object") return undefined;
    const na = v as Obj;
    return { score: num(na.score, [...path, "score"]), text: String(na.text ?? ""), source: posOf(src, path, true) };
  };

  const readNode = (n: Obj, path: PathSegment[], inheritedRole: NodeRole, inheritedBy: ScoredBy, inheritedEvidence: boolean): RubricNode => {
    const role = (n.role as NodeRole | undefined) ?? inheritedRole;
    const scoredBy = (n.scored_by as ScoredBy | undefined) ?? inheritedBy;
    const evidenceRequired = n.evidence === undefined ? inheritedEvidence : n.evidence === "required";
    const notApplicable = readNotApplicable(n.not_applicable, [...path, "not_applicable"]);
    const base = {
      id: String(n.id),
      title: String(n.title),
      max: num(n.max, [...path, "max"]),
      min: num(n.min, [...path, "min"]),
      role,
      scoredBy,
      ...(evidenceRequired ? { evidenceRequired: true as const } : {}),
      ...(notApplicable ? { notApplicable } : {}),
      source: posOf(src, path),
      ...(typeof n.label === "string" ? { label: n.label } : {}),
      ...(typeof n.note === "string" ? { note: n.note } : {}),
    };
    if (n.role !== undefined && path.length > 2) diagnostics.push(diag("CD320", posOf(src, [...path, "role"], true)));
    if (Array.isArray(n.items)) {
      const leafOnly = ["input", "options", "measure", "ratio", "count", "step"].some((k) => n[k] !== undefined);
      if (leafOnly) {
        diagnostics.push(diag("CD317", posOf(src, [...path, "id"]), { id: base.id }));
      }
      return {
        kind: "group",
        ...base,
        items: n.items.map((c, i) => readNode(c as Obj, [...path, "items", i], role, scoredBy, evidenceRequired)),
      };
    }
    const input = (n.input as LeafInput | undefined) ?? "choice";
    let measure: Measure | undefined;
    if (n.measure && typeof n.measure === "object") {
      const m = n.measure as Obj;
      measure = {
        label: String(m.label),
        unit: String(m.unit ?? ""),
        min: num(m.min, [...path, "measure", "min"]),
        max: num(m.max, [...path, "measure", "max"]),
      };
    }
    const extra: Partial<RubricLeaf> = {};
    if (n.ratio && typeof n.ratio === "object") {
      const r = n.ratio as Obj;
      extra.ratio = { label: String(r.label), numerator: String(r.numerator), denominator: String(r.denominator), unit: String(r.unit ?? "%") };
      // The percentage is scored as a measure over [0; 100] %: the same ranges, formulas and checks.
      if (input === "ratio") measure = { label: extra.ratio.label, unit: extra.ratio.unit, min: 0, max: 10000 };
    }
    if (n.count && typeof n.count === "object") {
      const c = n.count as Obj;
      extra.count = { label: String(c.label), points: num(c.points, [...path, "count", "points"]) };
    }
    if (n.step !== undefined) extra.step = num(n.step, [...path, "step"]);
    const fields: NonNullable<RubricLeaf["fields"]> = {};
    for (const k of ["measure", "ratio", "count", "step", "max", "min"] as const) if (n[k] !== undefined) fields[k] = posOf(src, [...path, k], true);
    extra.fields = fields;
    // Leaves scored without options: a direct score, a count, a heading, a survey's criterion (its score is the survey file's).
    const optionless = input === "score" || input === "count" || input === "none" || scoredBy === "survey";
    if (!Array.isArray(n.options) && !optionless) diagnostics.push(diag("CD318", posOf(src, [...path, "id"]), { id: base.id }));
    const options = Array.isArray(n.options) ? n.options.map((o, i) => readOption(o as Obj, [...path, "options", i])) : [];
    return {
      kind: "leaf",
      ...base,
      input,
      ...(measure ? { measure } : {}),
      ...extra,
      options,
    };
  };

  let classification: Classification | undefined;
  if (data.classification && typeof data.classification === "object") {
    const c = data.classification as Obj;
    classification = {
      fallback: String(c.fallback ?? ""),
      bands: ((c.bands as Obj[]) ?? []).map((b, i) => ({
        label: String(b.label),
        min: num(b.min, ["classification", "bands", i, "min"]),
      })),
    };
  }

  const rubric: Rubric = {
    id: String(data.id),
    title: String(data.title),
    notes: Array.isArray(data.notes) ? data.notes.map(String) : [],
    totalLabel: String(data.total_label ?? "TỔNG ĐIỂM"),
    max: num(data.max, ["max"]),
    ...(data.bonus_max !== undefined ? { bonusMax: num(data.bonus_max, ["bonus_max"]) } : {}),
    ...(classification ? { classification } : {}),
    table: readTable(src, data.table),
    items: (data.items as Obj[]).map((n, i) => readNode(n, ["items", i], "criterion", "unit", data.evidence === "required")),
    source: posOf(src, []),
  };
  return { rubric, diagnostics };
}

/** The score table's form (schema-checked); the default form when the rubric declares no columns. */
function readTable(src: YamlSource, t: unknown): ScoreTableForm {
  if (!t || typeof t !== "object") return DEFAULT_FORM;
  const o = t as Obj;
  const columns: TableColumn[] = Array.isArray(o.columns)
    ? o.columns.map((c: Obj, i: number) => {
        const kind = c.kind as ColumnKind;
        const col: TableColumn = { kind, label: typeof c.label === "string" ? c.label : DEFAULT_LABEL[kind], source: posOf(src, ["table", "columns", i]) };
        if (typeof c.group === "string") col.group = c.group;
        if (typeof c.width === "number") col.width = c.width;
        if (typeof c.value === "string") col.value = c.value as EvidenceValue;
        if (typeof c.of === "string") col.of = c.of as CountOf;
        if (typeof c.round === "number") col.round = c.round;
        return col;
      })
    : [...DEFAULT_FORM.columns];
  return {
    columns,
    optionPoints: o.option_points === "max" ? "max" : "text",
    final: o.final === "appraisal" ? "appraisal" : "self",
    isDefault: !Array.isArray(o.columns),
  };
}
