/**
 * What a YAML input is, from its top-level keys: the one rule `check`, `build`, `show` and `diff` use
 * to tell rubrics, assessments, appraisals and surveys apart (file names do not decide it).
 */
import { isAppraisalData } from "../check/appraisal.js";
import { isSurveyData } from "../check/survey.js";

export type InputKind = "rubric" | "assessment" | "appraisal" | "survey" | "unknown";

export function inputKind(data: unknown): InputKind {
  if (!data || typeof data !== "object" || Array.isArray(data)) return "unknown";
  const o = data as Record<string, unknown>;
  if (isAppraisalData(o)) return "appraisal";
  if (isSurveyData(o)) return "survey";
  if ("rubric" in o) return "assessment";
  if ("items" in o && "id" in o) return "rubric";
  return "unknown";
}
