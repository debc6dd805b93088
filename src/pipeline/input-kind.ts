/**
 * What a YAML input is, from its top-level keys: the one rule `check`, `build`, `show` and `diff` use
 * to tell rubrics, assessments and appraisals apart (file names do not decide it).
 */
import { isAppraisalData } from "../check/appraisal.js";

export type InputKind = "rubric" | "assessment" | "appraisal" | "unknown";

export function inputKind(data: unknown): InputKind {
  if (!data || typeof data !== "object" || Array.isArray(data)) return "unknown";
  const o = data as Record<string, unknown>;
  if (isAppraisalData(o)) return "appraisal";
  if ("rubric" in o) return "assessment";
  if ("items" in o && "id" in o) return "rubric";
  return "unknown";
}
