/**
 * The appraisal stage of the checking pipeline (called by pipeline/run-checks.ts after the assessments):
 * appraisal YAML → generated schema → Appraisal model → semantic checks (round order, dates, responses)
 * → appraised scores filled into the paired assessment's scored model → the list of differences from
 * the self-assessment (info diagnostics, which `check` prints).
 *
 * Pairing: the appraisal's `assessment` key names the assessment relative to the appraisal's folder;
 * the convention `<unit>.appraisal.yaml` beside `<unit>.yaml` lets the CLI find the companion of a
 * file given alone (see companions.ts), so a differently named appraisal is a warning.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { formatHundredths, type Hundredths } from "../model/points.js";
import { walkRubric, type Rubric, type RubricNode } from "../model/rubric.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import { validDate } from "./citations.js";
import { reportDateBounds } from "../model/report-date.js";
import { compileSchema, validateWithSchema, type KeyedAt, type ValidatorCache } from "./schema-validate.js";
import { posOf, type YamlSource } from "../read/yaml-source.js";
import { appraisalPathFor, type Appraisal } from "../model/appraisal.js";
import { generateAppraisalSchema } from "./appraisal-schema.js";
import { applyAppraisal } from "../score/appraise.js";
import { readAppraisal, resolveAssessmentRef } from "../read/appraisal.js";

export interface AppraisalResult {
  file: string;
  appraisal?: Appraisal;
  /** The assessment it was applied to (its input path), when found. */
  assessmentFile?: string;
  diagnostics: Diagnostic[];
}

/** What the appraisal stage needs to know of the checked assessments. */
export interface AppraisedTarget {
  file: string;
  scored?: ScoredAssessment;
  diagnostics: Diagnostic[];
}

/** An appraisal is recognised by content: it names an assessment and has no answers of its own. */
export function isAppraisalData(o: Record<string, unknown>): boolean {
  return ("assessment" in o || "rounds" in o) && !("answers" in o);
}

const schemas = new WeakMap<Rubric, object>();

export function appraisalSchemaFor(rubric: Rubric): object {
  let s = schemas.get(rubric);
  if (!s) {
    s = generateAppraisalSchema(rubric);
    schemas.set(rubric, s);
  }
  return s;
}

/**
 * A round's criteria and responses, one entry per criterion of the rubric, are validated entry by entry
 * (src/check/schema-validate.ts, KeyedMap): inlined, 10 000 criteria overflowed the stack.
 */
const APPRAISAL_KEYED: KeyedAt[] = [
  { schema: ["$defs", "round", "properties", "criteria"], data: ["rounds", "*", "criteria"] },
  { schema: ["$defs", "round", "properties", "response", "properties", "criteria"], data: ["rounds", "*", "response", "criteria"] },
];

export function checkAppraisalFile(
  src: YamlSource,
  initial: Diagnostic[],
  rubrics: ReadonlyMap<string, Rubric>,
  targets: ReadonlyMap<string, AppraisedTarget>,
  claimed: Map<string, string>,
  cache?: ValidatorCache,
): AppraisalResult {
  const diagnostics = [...initial];
  const data = src.data as Record<string, unknown>;
  const ref = typeof data.assessment === "string" ? data.assessment : undefined;
  const targetFile = ref ? resolveAssessmentRef(src.file, ref) : undefined;
  const target = targetFile ? targets.get(targetFile) : undefined;
  const rubricId = typeof data.rubric === "string" ? data.rubric : target?.scored?.rubric.id;
  const rubric = rubricId ? rubrics.get(rubricId) : undefined;
  if (!rubric) {
    diagnostics.push(diag("CD311", posOf(src, ["rubric"]), { id: String(rubricId ?? "") }));
    return { file: src.file, diagnostics };
  }
  const kinds = new Map<string, RubricNode>();
  for (const [n] of walkRubric(rubric.items)) kinds.set(n.id, n);
  const schemaErrors = validateWithSchema(compileSchema(appraisalSchemaFor(rubric), cache, APPRAISAL_KEYED), src, {
    additional: (path, key) => {
      const inRound = path[0] === "rounds" && path.length >= 3;
      if (inRound && path[path.length - 1] === "criteria") {
        return kinds.has(key) ? undefined : diag("CD703", posOf(src, [...path, key], true), { id: key, rubric: rubric.id });
      }
      if (inRound && path[2] === "criteria" && path.length === 4 && key === "not_applicable") {
        return diag("CD425", posOf(src, [...path, key], true), { id: String(path[3]) });
      }
      if (inRound && path[2] === "criteria" && path.length === 4 && kinds.get(String(path[3]))?.kind === "group" && key !== "opinion") {
        return diag("CD704", posOf(src, [...path, key], true), { id: String(path[3]) });
      }
      return undefined;
    },
  });
  const { appraisal, diagnostics: readErrors } = readAppraisal(src);
  const semantic = [...readErrors, ...checkRounds(appraisal, kinds, target?.scored)];
  const result: AppraisalResult = { file: src.file, appraisal, diagnostics };

  if (!appraisal.assessmentRef) {
    diagnostics.push(...schemaErrors, ...semantic);
    return result;
  }
  if (!target) {
    diagnostics.push(...schemaErrors, ...semantic, diag("CD701", appraisal.fields.assessment ?? appraisal.source, { file: appraisal.assessmentRef }));
    return result;
  }
  result.assessmentFile = target.file;
  const other = claimed.get(target.file);
  if (other) {
    diagnostics.push(...schemaErrors, ...semantic, diag("CD712", appraisal.fields.assessment ?? appraisal.source, { file: target.file, other }));
    return result;
  }
  claimed.set(target.file, src.file);
  const expected = appraisalPathFor(target.file);
  if (expected !== src.file) diagnostics.push(diag("CD713", appraisal.source, { expected: expected.split("/").pop()! }));
  const scored = target.scored;
  if (scored && scored.rubric.id !== rubric.id) {
    diagnostics.push(
      ...schemaErrors,
      ...semantic,
      diag("CD702", appraisal.fields.rubric ?? appraisal.source, { rubric: rubric.id, expected: scored.rubric.id }),
    );
    return result;
  }
  if (scored) {
    semantic.push(...applyAppraisal(scored, appraisal));
    if (schemaErrors.length === 0 && !semantic.some((d) => d.severity === "error")) semantic.push(...differences(scored, appraisal));
  }
  diagnostics.push(...oneReportPerLine(schemaErrors, semantic));
  return result;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateOk(s: string): boolean {
  const m = ISO.exec(s);
  return !!m && validDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

/** Round numbers 1, 2, …; dates never going back (report ≤ round 1 ≤ response 1 ≤ round 2 …); responses only to what the round appraised. */
function checkRounds(a: Appraisal, kinds: ReadonlyMap<string, RubricNode>, scored: ScoredAssessment | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reportDate = scored?.assessment.report.date;
  // A year-only report date ("2023", day and month filled in by hand) is compared as its first day:
  // only a round certainly before the report is flagged. `shown` is the date as the file writes it.
  const reportFirst = reportDate ? reportDateBounds(reportDate)?.first : undefined;
  let prior: { date: string; shown?: string; what: { vi: string; en: string } } | undefined =
    reportDate && reportFirst && dateOk(reportFirst)
      ? { date: reportFirst, shown: reportDate, what: { vi: "báo cáo tự chấm", en: "the self-assessment report" } }
      : undefined;
  a.rounds.forEach((r, i) => {
    const at = r.fields.round ?? r.source;
    if (r.round !== i + 1 && Number.isInteger(r.round)) out.push(diag("CD708", at, { round: r.round, expected: i + 1 }));
    const roundWhat = { vi: `thẩm định lần ${i + 1}`, en: `appraisal round ${i + 1}` };
    if (dateOk(r.date)) {
      if (prior && r.date < prior.date) {
        if (i === 0) out.push(diag("CD717", r.fields.date ?? r.source, { date: r.date, report: prior.shown ?? prior.date }));
        else out.push(diag("CD709", r.fields.date ?? r.source, { what: roundWhat, date: r.date, before: prior.what, prior: prior.shown ?? prior.date }));
      }
      prior = { date: r.date, what: roundWhat };
    } else if (ISO.test(r.date)) {
      out.push(diag("CD421", r.fields.date ?? r.source, { value: r.date }));
    }
    for (const e of r.entries.values()) {
      const node = kinds.get(e.criterion);
      const empty =
        e.option === undefined &&
        e.ticked === undefined &&
        e.value === undefined &&
        e.numerator === undefined &&
        e.denominator === undefined &&
        e.count === undefined &&
        e.notApplicable === undefined &&
        e.score === undefined &&
        !e.opinion;
      if (node && empty && Object.keys(e.fields).length === 0) out.push(diag("CD711", e.source, { id: e.criterion }));
    }
    const resp = r.response;
    if (!resp) return;
    const respWhat = { vi: `giải trình sau lần ${i + 1}`, en: `the response to round ${i + 1}` };
    if (dateOk(resp.date)) {
      if (prior && resp.date < prior.date)
        out.push(diag("CD709", resp.source, { what: respWhat, date: resp.date, before: prior.what, prior: prior.shown ?? prior.date }));
      prior = { date: resp.date, what: respWhat };
    } else if (ISO.test(resp.date)) {
      out.push(diag("CD421", resp.source, { value: resp.date }));
    }
    for (const c of resp.criteria.values()) {
      if (kinds.has(c.criterion) && !r.entries.has(c.criterion)) out.push(diag("CD710", c.source, { id: c.criterion, round: i + 1 }));
    }
  });
  return out;
}

/** Where the appraisal differs from the self-assessment: one note per leaf, and one for the total. */
function differences(scored: ScoredAssessment, a: Appraisal): Diagnostic[] {
  const out: Diagnostic[] = [];
  const latest = new Map<string, { source: Appraisal["source"] }>();
  for (const r of a.rounds) for (const e of r.entries.values()) latest.set(e.criterion, e);
  const visit = (n: ScoredNode) => {
    n.children?.forEach(visit);
    // A criterion the unit does not score (the appraiser's, a survey's) has no self score to differ from.
    if (n.children || n.node.scoredBy !== "unit" || n.appraisal?.score === undefined || n.appraisal.score === n.score) return;
    const pos = latest.get(n.node.id)?.source ?? a.source;
    out.push(
      diag("CD714", pos, {
        id: n.node.id,
        appraised: formatHundredths(n.appraisal.score),
        self: formatHundredths(n.score),
        delta: signed(n.appraisal.score - n.score),
      }),
    );
    if (!n.appraisal.opinion) out.push(diag("CD716", pos, { id: n.node.id }));
  };
  scored.items.forEach(visit);
  const ap = scored.appraised;
  if (ap && ap.total !== scored.total) {
    const last = a.rounds[a.rounds.length - 1];
    out.push(
      diag("CD715", last?.source ?? a.source, {
        appraised: formatHundredths(ap.total),
        self: formatHundredths(scored.total),
        delta: signed(ap.total - scored.total),
        classification: ap.classification ?? { vi: "bộ tiêu chí không quy định", en: "none defined by the rubric" },
      }),
    );
  }
  return out;
}

export function signed(h: Hundredths): string {
  return (h > 0 ? "+" : h < 0 ? "−" : "±") + formatHundredths(Math.abs(h));
}

/** As run-checks.ts does for assessments: a specific schema error wins over the generic CD208, one report per line. */
function oneReportPerLine(schema: Diagnostic[], semantic: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.pos.file}:${d.pos.line}`;
  const semanticLines = new Set(semantic.filter((d) => d.severity === "error").map(key));
  const keptSchema = schema.filter((d) => d.code !== "CD208" || !semanticLines.has(key(d)));
  const schemaLines = new Set(keptSchema.map(key));
  return [...keptSchema, ...semantic.filter((d) => d.severity !== "error" || !schemaLines.has(key(d)))];
}
