/**
 * A survey score file (điều tra xã hội học): the scores a survey gave each unit on the criteria the
 * rubric says are scored by a survey (`scored_by: survey`). One file per year and rubric, in the
 * folder of the assessments it scores, named `<anything>.survey.yaml`; one row per unit and criterion,
 * the unit named by its assessment's file name without `.yaml` (docs/formats.md, "Survey scores").
 */
import type { Hundredths } from "./points.js";
import type { SourcePos } from "./source.js";

export interface SurveyRow {
  /** The unit: its assessment's file name without .yaml ("so-tu-phap"). */
  unit: string;
  criterion: string;
  score: Hundredths;
  source: SourcePos;
  fields: Partial<Record<"unit" | "criterion" | "score", SourcePos>>;
}

export interface Survey {
  file: string;
  /** What the survey was, e.g. "Điều tra xã hội học đo lường sự hài lòng năm 2023". */
  name: string;
  rubricId: string;
  year: number;
  rows: SurveyRow[];
  source: SourcePos;
  fields: Partial<Record<"rubric" | "year", SourcePos>>;
}

export const SURVEY_SUFFIX = ".survey.yaml";

export function isSurveyPath(path: string): boolean {
  return /\.survey\.ya?ml$/i.test(path);
}

/** The unit key of an assessment file: its name without folder and .yaml. */
export function unitKeyOf(assessmentFile: string): string {
  return assessmentFile
    .replace(/\\/g, "/")
    .split("/")
    .pop()!
    .replace(/\.ya?ml$/i, "");
}
