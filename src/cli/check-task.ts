/**
 * One unit of check work for large inputs: check a batch of assessments (with the rubrics and their
 * appraisals) and return only what the report needs — diagnostics and the printed summaries — so the
 * heavy scored models never cross threads and are freed batch by batch.
 */
import { runChecks } from "../pipeline/run-checks.js";
import type { Diagnostic, Lang } from "../diagnostics/diagnostic.js";
import { addEvidenceChecks } from "./evidence-inputs.js";
import { cachedEvidenceReader } from "./evidence-cache.js";
import { withCompanions } from "../review/companions.js";
import { diskValidatorCache } from "./cache.js";
import { messages } from "./messages.js";
import { summaryJson, summaryText } from "./check-summary.js";
import { onceListing, pathExists, readInputs } from "./files.js";

export interface CheckTask {
  kind: "check";
  cwd: string;
  lang: Lang;
  rubricFiles: string[];
  files: string[];
  /** What to render per assessment: text summaries, JSON summaries, or none. */
  summaries: "text" | "json" | "none";
  env: { CHAMDIEM_CACHE?: string; CHAMDIEM_CACHE_DIR?: string };
}

export interface CheckTaskResult {
  diagnostics: Diagnostic[];
  summaries: (string | object)[];
  fileCount: number;
}

export async function runCheckTask(task: CheckTask): Promise<CheckTaskResult> {
  // Each batch brings its folders' survey files (their own diagnostics are made unique by the caller).
  const list = onceListing();
  const files = withCompanions(task.files, pathExists, list).filter((f) => !task.rubricFiles.includes(f));
  const result = runChecks(readInputs([...task.rubricFiles, ...files], task.cwd, undefined, list), { validatorCache: diskValidatorCache(task.env) });
  // The evidence of each scored assessment (docs/evidence.md): read only now, when its year names its folder.
  await addEvidenceChecks(result, task.cwd, cachedEvidenceReader(task.env));
  const m = messages(task.lang);
  const summaries: (string | object)[] = [];
  if (task.summaries !== "none") {
    for (const a of result.assessments) {
      if (!a.scored) continue;
      summaries.push(task.summaries === "json" ? summaryJson(a) : summaryText({ m }, a));
    }
  }
  const paired = result.appraisals.filter((r) => r.assessmentFile).length;
  return { diagnostics: result.diagnostics, summaries, fileCount: result.assessments.length + result.others.length + paired };
}
