/**
 * The checking pipeline over a set of input files (already read into memory by the CLI):
 * YAML → schema → model → semantic checks → scores. Pure: no file system, no clock.
 */
import rubricSchema from "../../schema/rubric.schema.json" with { type: "json" };
import { boundDiagnostics, diag, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Assessment } from "../model/assessment.js";
import { walkRubric, type Rubric } from "../model/rubric.js";
import type { ScoredAssessment, ScoredNode } from "../model/scored.js";
import { readAssessment } from "../read/assessment.js";
import { readRubric } from "../read/rubric.js";
import { posOf, readYaml, type YamlSource } from "../read/yaml-source.js";
import { scoreAssessment } from "../score/score.js";
import { BoundedCache } from "../util/bounded-cache.js";
import { inputKind } from "./input-kind.js";
import { checkAssessment } from "../check/assessment.js";
import { composeDiagnostics } from "../compose/diagnostics.js";
import { generateAssessmentSchema, requiredAnswers } from "../check/assessment-schema.js";
import { checkRubric } from "../check/rubric.js";
import { compileSchema, validateWithSchema, type ValidatorCache } from "../check/schema-validate.js";
import { checkAppraisalFile, type AppraisalResult } from "../check/appraisal.js";
import { checkSurveyFile, type SurveyResult } from "../check/survey.js";
import { unitKeyOf } from "../model/survey.js";
import { folderOf } from "../util/path-text.js";
import { applySurvey } from "../score/survey.js";
import { applyFinal } from "../score/final.js";
import { findPending } from "../check/pending.js";

export type { InputKind } from "./input-kind.js";

export interface InputFile {
  /** Path as shown in diagnostics (relative to the working directory). */
  path: string;
  bytes: Uint8Array;
  /** Why the file could not be read (src/cli/files.ts readInputFile); `bytes` is then empty. */
  diagnostics?: Diagnostic[];
  /**
   * For a survey file: the unit keys of the assessments in its folder (the CLI lists it), so a row for a
   * unit that has none is reported (CD734). Absent: not checked.
   */
  folderUnits?: readonly string[];
}

export interface RubricResult {
  file: string;
  rubric?: Rubric;
  diagnostics: Diagnostic[];
}

export interface AssessmentResult {
  file: string;
  assessment?: Assessment;
  scored?: ScoredAssessment;
  diagnostics: Diagnostic[];
}

export interface CheckResult {
  rubrics: RubricResult[];
  assessments: AssessmentResult[];
  /**
   * Appraisal files (src/check/appraisal.ts). A paired appraisal's diagnostics are also in its assessment's
   * result (its documents depend on them); one whose assessment is missing is also in `others`.
   */
  appraisals: AppraisalResult[];
  /** Survey score files (src/check/survey.ts); their diagnostics are also in `others`. */
  surveys: SurveyResult[];
  /** Files that are neither (with their diagnostics). */
  others: { file: string; diagnostics: Diagnostic[] }[];
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  /** Keeps compiled schema validators between runs (see schema-validate.ts). */
  validatorCache?: ValidatorCache;
  /** Run the wording checks that only warn (default true; see checkAssessment). */
  proseStyle?: boolean;
  /**
   * Add the compose stage's diagnostics (default true; compose/diagnostics.ts). `build` turns it
   * off: it composes the documents anyway and reports the same diagnostics from there.
   */
  compose?: boolean;
}

/**
 * Checked rubrics, kept per process by path and bytes. The CLI checks assessments in small batches
 * (one at a time when building, so that a worker holds one scored model at once), and every batch
 * brings the same rubric: reading and validating it again cost ≈ 3 ms a batch. A rubric result is
 * immutable once made (callers copy its diagnostics), so sharing it is safe; the Rubric object being
 * the same also keeps the compiled assessment validator (assessmentSchemaFor) warm.
 */
const rubricMemo = new BoundedCache<string, { bytes: Uint8Array; result: RubricResult }>(16);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function memoRubric(f: InputFile): RubricResult | undefined {
  const hit = rubricMemo.get(f.path);
  return hit && sameBytes(hit.bytes, f.bytes) ? { ...hit.result, diagnostics: [...hit.result.diagnostics] } : undefined;
}

function rememberRubric(f: InputFile, result: RubricResult): void {
  rubricMemo.set(f.path, { bytes: f.bytes, result: { ...result, diagnostics: [...result.diagnostics] } });
}

/** Check rubrics first (assessments need them), then every assessment against its rubric. */
export function runChecks(inputs: readonly InputFile[], opts: CheckOptions = {}): CheckResult {
  const rubrics: RubricResult[] = [];
  const assessments: { src: YamlSource; diagnostics: Diagnostic[] }[] = [];
  const appraisalSources: { src: YamlSource; diagnostics: Diagnostic[] }[] = [];
  const surveySources: { src: YamlSource; diagnostics: Diagnostic[]; units?: readonly string[] }[] = [];
  const others: CheckResult["others"] = [];
  const rubricBytes = new Map<RubricResult, Uint8Array>();
  for (const input of inputs) {
    if (input.diagnostics) {
      others.push({ file: input.path, diagnostics: [...input.diagnostics] });
      continue;
    }
    const known = memoRubric(input);
    if (known) {
      rubrics.push(known);
      rubricBytes.set(known, input.bytes);
      continue;
    }
    const p = { file: input.path, ...readYaml(input.path, input.bytes) };
    if (!p.source) {
      others.push({ file: p.file, diagnostics: p.diagnostics });
      continue;
    }
    const kind = inputKind(p.source.data);
    if (kind === "rubric") {
      const r = checkRubricFile(p.source, p.diagnostics, opts);
      rememberRubric(input, r);
      rubrics.push(r);
      rubricBytes.set(r, input.bytes);
    } else if (kind === "assessment") assessments.push({ src: p.source, diagnostics: p.diagnostics });
    else if (kind === "appraisal") appraisalSources.push({ src: p.source, diagnostics: p.diagnostics });
    else if (kind === "survey") surveySources.push({ src: p.source, diagnostics: p.diagnostics, ...(input.folderUnits ? { units: input.folderUnits } : {}) });
    else others.push({ file: p.file, diagnostics: [...p.diagnostics, diag("CD113", posOf(p.source, []))] });
  }

  const byId = new Map<string, RubricResult>();
  for (const r of rubrics) {
    if (!r.rubric) continue;
    const prior = byId.get(r.rubric.id);
    if (!prior) byId.set(r.rubric.id, r);
    // The same rubric in two folders (a copy of the project inside it): identical bytes are no conflict.
    else if (sameBytes(rubricBytes.get(prior)!, rubricBytes.get(r)!)) r.diagnostics.push(diag("CD136", r.rubric.source, { id: r.rubric.id, used: prior.file }));
    else r.diagnostics.push(diag("CD312", r.rubric.source, { id: r.rubric.id, used: prior.file, folder: folderOf(prior.file) }));
  }
  const results = assessments.map((a) => checkAssessmentFile(a.src, a.diagnostics, byId, opts));
  // The appraisal and survey stages need the rubrics that were read (with or without errors).
  const readRubrics = new Map([...byId].flatMap(([id, r]) => (r.rubric ? [[id, r.rubric] as const] : [])));
  const appraisals = checkAppraisals(appraisalSources, results, readRubrics, others, opts);
  const surveys = checkSurveys(surveySources, results, readRubrics, others, opts);
  for (const r of results) if (r.scored) applyFinal(r.scored);
  // What building the documents would report (with the appraisal's opinions in place), for a file
  // that passes every other check: one set of checks for check, summary and build.
  if (opts.compose !== false) {
    for (const r of results) if (r.scored && !hasErrors(r.diagnostics)) r.diagnostics.push(...composeDiagnostics(r.scored));
  }
  // What each file reports is bounded here, once, for every command (src/diagnostics/diagnostic.ts),
  // with room for one report per item of the largest rubric.
  let items = 0;
  for (const r of rubrics) if (r.rubric) items = Math.max(items, itemCount(r.rubric));
  for (const r of [...rubrics, ...results, ...others, ...appraisals]) r.diagnostics = boundDiagnostics(r.diagnostics, items);
  const all = [...rubrics, ...results, ...others].flatMap((r) => r.diagnostics);
  return { rubrics, assessments: results, appraisals, surveys, others, diagnostics: sortDiagnostics(all) };
}

/**
 * After the appraisals: each survey file is checked, and its rows are applied to the assessments of its
 * rubric and year in its folder (src/score/survey.ts). A survey file's own diagnostics go to `others`.
 */
function checkSurveys(
  sources: { src: YamlSource; diagnostics: Diagnostic[]; units?: readonly string[] }[],
  assessments: AssessmentResult[],
  byRubric: ReadonlyMap<string, Rubric>,
  others: CheckResult["others"],
  opts: CheckOptions,
): SurveyResult[] {
  return sources.map(({ src, diagnostics, units }) => {
    const r = checkSurveyFile(src, diagnostics, byRubric, units ? new Set(units) : undefined, opts.validatorCache);
    others.push({ file: r.file, diagnostics: r.diagnostics });
    const survey = r.survey;
    if (!survey || hasErrors(r.diagnostics)) return r;
    const folder = folderOf(survey.file);
    for (const a of assessments) {
      const s = a.scored;
      if (!s || s.rubric.id !== survey.rubricId || s.assessment.year !== survey.year || folderOf(a.file) !== folder) continue;
      a.diagnostics.push(...applySurvey(s, survey, unitKeyOf(a.file)));
    }
    return r;
  });
}

/** After the assessments: each appraisal is applied to its assessment's scored model (src/check/appraisal.ts). */
function checkAppraisals(
  sources: { src: YamlSource; diagnostics: Diagnostic[] }[],
  assessments: AssessmentResult[],
  byRubric: ReadonlyMap<string, Rubric>,
  others: CheckResult["others"],
  opts: CheckOptions,
): AppraisalResult[] {
  if (sources.length === 0) return [];
  const byFile = new Map(assessments.map((a) => [a.file, a]));
  const claimed = new Map<string, string>();
  return sources.map(({ src, diagnostics }) => {
    const r = checkAppraisalFile(src, diagnostics, byRubric, byFile, claimed, opts.validatorCache);
    const target = r.assessmentFile ? byFile.get(r.assessmentFile) : undefined;
    if (target) target.diagnostics.push(...r.diagnostics);
    else others.push({ file: r.file, diagnostics: r.diagnostics });
    return r;
  });
}

function checkRubricFile(src: YamlSource, diagnostics: Diagnostic[], opts: CheckOptions): RubricResult {
  const schemaErrors = validateWithSchema(compileSchema(rubricSchema, opts.validatorCache), src);
  if (schemaErrors.length > 0) return { file: src.file, diagnostics: [...diagnostics, ...schemaErrors] };
  const { rubric, diagnostics: readErrors } = readRubric(src);
  return { file: src.file, rubric, diagnostics: [...diagnostics, ...readErrors, ...checkRubric(rubric)] };
}

const itemCounts = new WeakMap<Rubric, number>();

/** How many criteria and groups a rubric has (the room boundDiagnostics gives each code). */
export function itemCount(rubric: Rubric): number {
  let n = itemCounts.get(rubric);
  if (n === undefined) {
    n = 0;
    for (const _ of walkRubric(rubric.items)) n++;
    itemCounts.set(rubric, n);
  }
  return n;
}

const assessmentSchemas = new WeakMap<Rubric, object>();
/** The answers map, one entry per criterion, is validated entry by entry (schema-validate.ts, KeyedMap). */
const ANSWERS_KEYED = [{ schema: ["properties", "answers"], data: ["answers"] }];

export function assessmentSchemaFor(rubric: Rubric): object {
  let s = assessmentSchemas.get(rubric);
  if (!s) {
    s = generateAssessmentSchema(rubric);
    assessmentSchemas.set(rubric, s);
  }
  return s;
}

function checkAssessmentFile(src: YamlSource, diagnostics: Diagnostic[], rubrics: Map<string, RubricResult>, opts: CheckOptions): AssessmentResult {
  const data = src.data as Record<string, unknown>;
  const rubricId = String(data.rubric);
  const found = rubrics.get(rubricId);
  if (!found?.rubric) {
    return { file: src.file, diagnostics: [...diagnostics, diag("CD311", posOf(src, ["rubric"]), { id: rubricId })] };
  }
  // A rubric with errors (duplicate ids, a leaf without options…) cannot score anything: its generated
  // schema may not even be a valid schema.
  if (hasErrors(found.diagnostics)) {
    return { file: src.file, diagnostics: [...diagnostics, diag("CD321", posOf(src, ["rubric"]), { id: rubricId, file: found.file })] };
  }
  const rubric = found.rubric;
  const groups = new Set<string>();
  for (const [n] of walkRubric(rubric.items)) if (n.kind === "group") groups.add(n.id);
  const schemaErrors = validateWithSchema(compileSchema(assessmentSchemaFor(rubric), opts.validatorCache, ANSWERS_KEYED), src, {
    additional: (path, key) =>
      path.length === 1 && path[0] === "answers"
        ? diag("CD401", posOf(src, ["answers", key], true), { id: key, rubric: rubric.id })
        : path.length === 2 && path[0] === "answers"
          ? // not_applicable where the rubric has no such rule; on a group, a score or an option (a hand-written group score).
            key === "not_applicable"
            ? diag("CD425", posOf(src, [...path, key], true), { id: String(path[1]) })
            : groups.has(String(path[1]))
              ? diag("CD402", posOf(src, [...path, key], true), { id: String(path[1]) })
              : undefined
          : undefined,
    required: (path, key) => (path.length === 1 && path[0] === "answers" ? diag("CD403", posOf(src, ["answers"], true), { id: key }) : undefined),
  });
  // Read and score even after schema errors (the reader is defensive), so one mistake does not hide
  // the rest of the file's results; but never build from it (the caller checks for errors).
  const { assessment, diagnostics: readErrors } = readAssessment(src);
  const { scored, diagnostics: scoreErrors } = scoreAssessment(assessment, rubric);
  const semantic = [...readErrors, ...scoreErrors, ...missingOptional(scored, src), ...checkAssessment(scored, { proseStyle: opts.proseStyle })];
  // Placeholders and review markers left by `chamdiem init` (src/check/pending.ts) speak for their line.
  const pending = findPending(src);
  const pendingLines = new Set(pending.map((d) => d.pos.line));
  const schemaAndPending = [...pending, ...schemaErrors.filter((d) => !pendingLines.has(d.pos.line))];
  return { file: src.file, assessment, scored, diagnostics: [...diagnostics, ...oneReportPerLine(schemaAndPending, semantic)] };
}

/**
 * The leaves of a group that may be answered not applicable are not required by the schema
 * (requiredAnswers): when the group was scored after all, its unanswered leaves are reported here, as
 * the schema reports the others (CD403 at the answers map).
 */
function missingOptional(scored: ScoredAssessment, src: YamlSource): Diagnostic[] {
  const required = new Set(requiredAnswers(scored.rubric));
  const out: Diagnostic[] = [];
  const visit = (n: ScoredNode) => {
    if (n.skipped) return;
    if (n.children) n.children.forEach(visit);
    else if (!n.answer && n.node.kind === "leaf" && n.node.input !== "none" && n.node.scoredBy === "unit" && !required.has(n.node.id)) {
      out.push(diag("CD403", posOf(src, ["answers"], true), { id: n.node.id }));
    }
  };
  scored.items.forEach(visit);
  return out;
}

/**
 * A value the schema rejects usually fails a semantic rule too. Say it once per line: a specific
 * schema error (unknown field, missing field, wrong type…) wins over the semantic one, but the schema's
 * generic "does not match" (CD208) gives way to the semantic message, which says what is wrong.
 */
function oneReportPerLine(schema: Diagnostic[], semantic: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.pos.file}:${d.pos.line}`;
  const semanticLines = new Set(semantic.filter((d) => d.severity === "error").map(key));
  const keptSchema = schema.filter((d) => d.code !== "CD208" || !semanticLines.has(key(d)));
  const schemaLines = new Set(keptSchema.map(key));
  return [...keptSchema, ...semantic.filter((d) => !schemaLines.has(key(d)))];
}
