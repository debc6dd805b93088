/**
 * Survey reader: schema-checked YAML data → the Survey model, numbers read exactly, every row's fields
 * with their positions.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Survey, SurveyRow } from "../model/survey.js";
import { fieldReaders } from "./fields.js";
import { posOf, type YamlSource } from "./yaml-source.js";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

export function readSurvey(src: YamlSource): { survey: Survey; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const data = obj(src.data);
  const { num } = fieldReaders(src, diagnostics);
  const rows: SurveyRow[] = [];
  (Array.isArray(data.scores) ? data.scores : []).forEach((raw, i) => {
    const r = obj(raw);
    const at = ["scores", i];
    const score = num(r.score, [...at, "score"]);
    if (score === undefined) return;
    const fields: SurveyRow["fields"] = {};
    for (const f of ["unit", "criterion", "score"] as const) if (r[f] !== undefined) fields[f] = posOf(src, [...at, f]);
    rows.push({ unit: String(r.unit), criterion: String(r.criterion), score, source: posOf(src, at), fields });
  });
  const fields: Survey["fields"] = {};
  for (const f of ["rubric", "year"] as const) if (data[f] !== undefined) fields[f] = posOf(src, [f]);
  return {
    survey: {
      file: src.file,
      name: String(data.survey ?? ""),
      rubricId: String(data.rubric ?? ""),
      year: typeof data.year === "number" ? data.year : Number.NaN,
      rows,
      source: posOf(src, []),
      fields,
    },
    diagnostics,
  };
}
