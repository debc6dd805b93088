/**
 * The survey stage of the checking pipeline (pipeline/run-checks.ts, after the assessments): survey
 * YAML → schema/survey.schema.json → the Survey model → semantic checks (known criteria scored by the
 * survey, scores in range, one row per unit and criterion, units that have an assessment in the folder).
 * Applying the rows to each unit's scored model is src/score/survey.ts.
 */
import surveySchema from "../../schema/survey.schema.json" with { type: "json" };
import { diag, listed, PER_CODE_LIMIT, type Diagnostic } from "../diagnostics/diagnostic.js";
import { formatHundredths } from "../model/points.js";
import { walkRubric, type Rubric, type RubricNode } from "../model/rubric.js";
import type { Survey } from "../model/survey.js";
import { folderOf } from "../util/path-text.js";
import { readSurvey } from "../read/survey.js";
import { posOf, type YamlSource } from "../read/yaml-source.js";
import { compileSchema, validateWithSchema, type ValidatorCache } from "./schema-validate.js";

export interface SurveyResult {
  file: string;
  survey?: Survey;
  diagnostics: Diagnostic[];
}

/** A survey is recognised by content: a `survey` name and its `scores`. */
export function isSurveyData(o: Record<string, unknown>): boolean {
  return "survey" in o && "scores" in o;
}

const fmt = formatHundredths;

/**
 * `units`: the unit keys that have an assessment in the survey's folder (the CLI lists the folder:
 * src/cli/files.ts), or undefined when unknown, which skips that check.
 */
export function checkSurveyFile(
  src: YamlSource,
  initial: Diagnostic[],
  rubrics: ReadonlyMap<string, Rubric>,
  units: ReadonlySet<string> | undefined,
  cache?: ValidatorCache,
): SurveyResult {
  const diagnostics = [...initial];
  const schemaErrors = validateWithSchema(compileSchema(surveySchema, cache), src);
  if (schemaErrors.length > 0) return { file: src.file, diagnostics: [...diagnostics, ...schemaErrors] };
  const { survey, diagnostics: readErrors } = readSurvey(src);
  diagnostics.push(...readErrors);
  const rubric = rubrics.get(survey.rubricId);
  if (!rubric) {
    diagnostics.push(diag("CD311", posOf(src, ["rubric"]), { id: survey.rubricId }));
    return { file: src.file, diagnostics };
  }
  const nodes = new Map<string, RubricNode>();
  const surveyed: string[] = [];
  for (const [n] of walkRubric(rubric.items)) {
    nodes.set(n.id, n);
    if (n.kind === "leaf" && n.scoredBy === "survey" && surveyed.length <= PER_CODE_LIMIT) surveyed.push(n.id);
  }
  const seen = new Map<string, number>();
  for (const r of survey.rows) {
    const at = r.fields.criterion ?? r.source;
    const node = nodes.get(r.criterion);
    if (!node) diagnostics.push(diag("CD730", at, { id: r.criterion, rubric: rubric.id }));
    else if (node.kind !== "leaf" || node.scoredBy !== "survey") diagnostics.push(diag("CD731", at, { id: r.criterion, allowed: listed(surveyed) }));
    else if (r.score < node.min || r.score > node.max) {
      diagnostics.push(diag("CD732", r.fields.score ?? r.source, { score: fmt(r.score), id: r.criterion, min: fmt(node.min), max: fmt(node.max) }));
    }
    const key = `${r.unit}\u0000${r.criterion}`;
    const prior = seen.get(key);
    if (prior !== undefined) diagnostics.push(diag("CD733", r.source, { unit: r.unit, id: r.criterion, line: String(prior) }));
    else seen.set(key, r.source.line);
    if (units && !units.has(r.unit)) diagnostics.push(diag("CD734", r.fields.unit ?? r.source, { unit: r.unit, folder: folderOf(src.file) }));
  }
  return { file: src.file, survey, diagnostics };
}
