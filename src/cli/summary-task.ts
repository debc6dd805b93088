/**
 * One unit of `summary` work: check a batch of assessments (with their appraisals) exactly as `check`
 * does, and return plain rows (src/review/consolidate.ts UnitScore) and the errors.
 * Runs in this thread for small inputs and on worker threads (build-worker.ts) for large ones; rows
 * whose inputs did not change since the last run come from summary-cache.ts.
 */
import { runChecks } from "../check/run-checks.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { existsSync, readFileSync } from "node:fs";
import { appraisalPathFor, isAppraisalPath } from "../review/appraisal.js";
import { withCompanions } from "../review/companions.js";
import { unitScore, type UnitScore } from "../review/consolidate.js";
import { diskValidatorCache } from "./cache.js";
import { displayPath, readInputs } from "./files.js";
import { summaryCache } from "./summary-cache.js";

export interface SummaryTask {
  kind: "summary";
  cwd: string;
  rubricFiles: string[];
  files: string[];
  env: { CHAMDIEM_CACHE?: string; CHAMDIEM_CACHE_DIR?: string };
}

export interface SummaryTaskResult {
  units: UnitScore[];
  /** Errors only (rubric errors come back from every batch: the caller reports each once). */
  diagnostics: Diagnostic[];
}

export function runSummaryTask(task: SummaryTask): SummaryTaskResult {
  const cache = summaryCache(task.env);
  const assessments = task.files.filter((f) => !task.rubricFiles.includes(f) && !isAppraisalPath(f));
  const units: UnitScore[] = [];
  const diagnostics: Diagnostic[] = [];
  // Rows whose inputs are unchanged since the last summary come from the cache (summary-cache.ts).
  const keys = new Map<string, string>();
  let todo = assessments;
  if (cache) {
    // The rubrics enter every key through one digest, not their bytes again for every file.
    const rubricBytes = [cache.key(task.rubricFiles.flatMap((f) => [f, readBytes(f)]))];
    todo = [];
    for (const f of assessments) {
      const companion = appraisalPathFor(f);
      const key = cache.key([...rubricBytes, task.cwd, f, readBytes(f), existsSync(companion) ? readBytes(companion) : ""]);
      const hit = cache.get(key);
      if (hit) {
        units.push(hit.unit);
        diagnostics.push(...hit.errors);
      } else {
        keys.set(displayPath(f, task.cwd), key);
        todo.push(f);
      }
    }
  }
  if (todo.length === 0) return { units, diagnostics };
  const files = withCompanions(todo).filter((f) => !task.rubricFiles.includes(f));
  // The same checks as `check`: a unit that `check` rejects (a citation dated after the report, a
  // forbidden HTML tag…) must not be ranked. Only errors are kept: warnings are `check`'s business,
  // so the wording checks, which only warn, are not run.
  const result = runChecks(readInputs([...task.rubricFiles, ...files], task.cwd), { validatorCache: diskValidatorCache(task.env), proseStyle: false });
  const appraisers = new Map(result.appraisals.flatMap((r) => (r.assessmentFile && r.appraisal?.appraiser ? [[r.assessmentFile, r.appraisal.appraiser] as const] : [])));
  const rubricErrors = result.rubrics.some((r) => r.diagnostics.some((d) => d.severity === "error"));
  for (const a of result.assessments) {
    if (!a.scored) continue;
    const u = unitScore(a.file, a.scored, a.diagnostics);
    const ap = appraisers.get(a.file);
    if (ap) u.appraiser = ap;
    units.push(u);
    const key = keys.get(a.file);
    if (cache && key && !rubricErrors) cache.set(key, { unit: u, errors: a.diagnostics.filter((d) => d.severity === "error") });
  }
  diagnostics.push(...result.diagnostics.filter((d) => d.severity === "error"));
  return { units, diagnostics };
}

function readBytes(f: string): Uint8Array {
  try {
    return readFileSync(f);
  } catch {
    return new Uint8Array();
  }
}
