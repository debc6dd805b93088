/**
 * One unit of `summary` work: check a batch of assessments (with their appraisals) exactly as `check`
 * does, and return plain rows (src/score/consolidate.ts UnitScore) and the errors.
 * Runs in this thread for small inputs and on worker threads (build-worker.ts) for large ones; rows
 * whose inputs did not change since the last run come from the cached rows the task is given
 * (summary-cache.ts), and the task returns the rows it computed for the caller to keep.
 */
import { runChecks } from "../pipeline/run-checks.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { existsSync } from "node:fs";
import { appraisalPathFor, isAppraisalPath } from "../model/appraisal.js";
import { surveyCompanions, withCompanions } from "../review/companions.js";
import { unitScore, type UnitScore } from "../score/consolidate.js";
import { diskValidatorCache } from "./cache.js";
import type { WorldFs } from "../io/world.js";
import { bytesForHash, displayPath, onceListing, pathExists, readInputs } from "./files.js";
import { rowKey, type CachedRows } from "./summary-cache.js";

export interface SummaryTask {
  kind: "summary";
  cwd: string;
  rubricFiles: string[];
  files: string[];
  env: { CHAMDIEM_CACHE?: string; CHAMDIEM_CACHE_DIR?: string };
  /** The cached rows of this task's files; absent when the row cache is off. */
  cached?: CachedRows;
}

export interface SummaryTaskResult {
  units: UnitScore[];
  /** Errors only (rubric errors come back from every batch: the caller reports each once). */
  diagnostics: Diagnostic[];
  /** With a row cache: the rows still valid (given ones whose inputs did not change) and new ones. */
  rows?: CachedRows;
}

/** `fs`: how inputs are read (src/cli/files.ts), on this thread only; workers read the real files. */
export function runSummaryTask(task: SummaryTask, fs?: WorldFs): SummaryTaskResult {
  const assessments = task.files.filter((f) => !task.rubricFiles.includes(f) && !isAppraisalPath(f));
  const units: UnitScore[] = [];
  const diagnostics: Diagnostic[] = [];
  const cached = task.cached;
  const list = onceListing(fs);
  const rows: CachedRows = {};
  const keys = new Map<string, { file: string; key: string }>();
  let todo = assessments;
  if (cached) {
    // The rubrics enter every key through one digest, not their bytes again for every file.
    const rubricBytes = [rowKey(task.rubricFiles.flatMap((f) => [f, bytesForHash(f, fs)]))];
    todo = [];
    for (const f of assessments) {
      const companion = appraisalPathFor(f);
      const surveys = surveyCompanions([f], list).flatMap((s) => [s, bytesForHash(s, fs)]);
      const key = rowKey([...rubricBytes, task.cwd, f, bytesForHash(f, fs), existsSync(companion) ? bytesForHash(companion, fs) : "", ...surveys]);
      const hit = cached[f];
      if (hit?.key === key && hit.unit && Array.isArray(hit.errors)) {
        units.push(hit.unit);
        diagnostics.push(...hit.errors);
        rows[f] = hit;
      } else {
        keys.set(displayPath(f, task.cwd), { file: f, key });
        todo.push(f);
      }
    }
  }
  // The same checks as `check`: a unit that `check` rejects (a citation dated after the report, a
  // forbidden HTML tag…) must not be ranked. Only errors are kept: warnings are `check`'s business,
  // so the wording checks, which only warn, are not run. One assessment (with its appraisal) at a
  // time: only its row outlives its check, so the young generation's collections find little alive.
  const validatorCache = diskValidatorCache(task.env);
  for (const file of todo) {
    const files = withCompanions([file], (p) => pathExists(p, fs), list).filter((f) => !task.rubricFiles.includes(f));
    const result = runChecks(readInputs([...task.rubricFiles, ...files], task.cwd, fs, list), { validatorCache, proseStyle: false });
    const appraisers = new Map(
      result.appraisals.flatMap((r) => (r.assessmentFile && r.appraisal?.appraiser ? [[r.assessmentFile, r.appraisal.appraiser] as const] : [])),
    );
    const rubricErrors = result.rubrics.some((r) => r.diagnostics.some((d) => d.severity === "error"));
    for (const a of result.assessments) {
      if (!a.scored) continue;
      const u = unitScore(a.file, a.scored, a.diagnostics);
      const ap = appraisers.get(a.file);
      if (ap) u.appraiser = ap;
      units.push(u);
      const k = keys.get(a.file);
      if (k && !rubricErrors) rows[k.file] = { key: k.key, unit: u, errors: a.diagnostics.filter((d) => d.severity === "error") };
    }
    diagnostics.push(...result.diagnostics.filter((d) => d.severity === "error"));
  }
  return { units, diagnostics, ...(cached ? { rows } : {}) };
}
