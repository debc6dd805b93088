/**
 * Companion files: an assessment and its appraisal (`x.yaml` ↔ `x.appraisal.yaml`, same folder) are
 * checked, built and diffed together, so naming one on the command line brings in the other.
 *
 * `exists` says whether anything is at a path, even a broken link or a folder (src/cli/files.ts
 * pathExists): reading it then says what is wrong, rather than the assessment being built as if it
 * had no appraisal.
 */
import { appraisalPathFor, assessmentPathFor, isAppraisalPath } from "../model/appraisal.js";

/** The files plus the existing companions of each, sorted, without duplicates (absolute paths). */
export function withCompanions(files: readonly string[], exists: (path: string) => boolean): string[] {
  const out = new Set(files);
  for (const f of files) {
    const other = isAppraisalPath(f) ? assessmentPathFor(f) : appraisalPathFor(f);
    if (!out.has(other) && exists(other)) out.add(other);
  }
  return [...out].sort();
}

/** The existing appraisal files of the given assessments. */
export function appraisalCompanions(assessmentFiles: readonly string[], exists: (path: string) => boolean): string[] {
  return assessmentFiles
    .filter((f) => !isAppraisalPath(f))
    .map(appraisalPathFor)
    .filter((p) => exists(p));
}
