/**
 * Companion files: an assessment and its appraisal (`x.yaml` ↔ `x.appraisal.yaml`, same folder) are
 * checked, built and diffed together, so naming one on the command line brings in the other.
 *
 * `exists` says whether anything is at a path, even a broken link or a folder (src/cli/files.ts
 * pathExists): reading it then says what is wrong, rather than the assessment being built as if it
 * had no appraisal.
 */
import { appraisalPathFor, assessmentPathFor, isAppraisalPath } from "../model/appraisal.js";
import { isSurveyPath } from "../model/survey.js";
import { folderOf } from "../util/path-text.js";

/** The names of the files in a folder (empty when it cannot be listed). */
export type ListFolder = (folder: string) => readonly string[];

/**
 * The files plus the existing companions of each (an assessment's appraisal and the survey files of its
 * folder; an appraisal's assessment), sorted, without duplicates (absolute paths).
 */
export function withCompanions(files: readonly string[], exists: (path: string) => boolean, list?: ListFolder): string[] {
  const out = new Set(files);
  for (const f of files) {
    if (isSurveyPath(f)) continue;
    const other = isAppraisalPath(f) ? assessmentPathFor(f) : appraisalPathFor(f);
    if (!out.has(other) && exists(other)) out.add(other);
  }
  if (list) for (const s of surveyCompanions(files, list)) out.add(s);
  return [...out].sort();
}

/** The survey files (`*.survey.yaml`) in the folders of the given assessments, sorted (absolute paths). */
export function surveyCompanions(assessmentFiles: readonly string[], list: ListFolder): string[] {
  const out = new Set<string>();
  const folders = new Set(assessmentFiles.filter((f) => !isAppraisalPath(f) && !isSurveyPath(f)).map(folderOf));
  for (const dir of folders) for (const name of list(dir)) if (isSurveyPath(name)) out.add(`${dir}/${name}`);
  return [...out].sort();
}

/** The existing appraisal files of the given assessments. */
export function appraisalCompanions(assessmentFiles: readonly string[], exists: (path: string) => boolean): string[] {
  return assessmentFiles
    .filter((f) => !isAppraisalPath(f))
    .map(appraisalPathFor)
    .filter((p) => exists(p));
}
