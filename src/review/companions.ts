/**
 * Companion files: an assessment and its appraisal (`x.yaml` ↔ `x.appraisal.yaml`, same folder) are
 * checked, built and diffed together, so naming one on the command line brings in the other.
 */
import { existsSync } from "node:fs";
import { appraisalPathFor, assessmentPathFor, isAppraisalPath } from "./appraisal.js";

/** The files plus the existing companions of each, sorted, without duplicates (absolute paths). */
export function withCompanions(files: readonly string[]): string[] {
  const out = new Set(files);
  for (const f of files) {
    const other = isAppraisalPath(f) ? assessmentPathFor(f) : appraisalPathFor(f);
    if (!out.has(other) && existsSync(other)) out.add(other);
  }
  return [...out].sort();
}

/** The existing appraisal files of the given assessments. */
export function appraisalCompanions(assessmentFiles: readonly string[]): string[] {
  return assessmentFiles.filter((f) => !isAppraisalPath(f)).map(appraisalPathFor).filter((p) => existsSync(p));
}
