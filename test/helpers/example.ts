/**
 * The real example (content/) loaded through the whole checking pipeline, for tests of later stages.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { runChecks, type CheckResult, type InputFile } from "../../src/pipeline/run-checks.js";
import type { ScoredAssessment } from "../../src/model/scored.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const EXAMPLE_RUBRIC = "content/rubrics/dvcq-qng-2021.yaml";
export const EXAMPLE_ASSESSMENT = "content/assessments/2021/van-phong-ubnd-tinh.yaml";

export function input(path: string, text?: string): InputFile {
  return { path, bytes: text === undefined ? readFileSync(join(ROOT, path)) : new TextEncoder().encode(text) };
}

export function readExampleText(path: string): string {
  return readFileSync(join(ROOT, path), "utf8");
}

export function checkExample(): CheckResult {
  return runChecks([input(EXAMPLE_RUBRIC), input(EXAMPLE_ASSESSMENT)]);
}

let cached: ScoredAssessment | undefined;

/** The example assessment, scored. Throws if the example no longer checks without errors. */
export function loadExampleScored(): ScoredAssessment {
  if (cached) return cached;
  const r = checkExample();
  const a = r.assessments[0];
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (!a?.scored || errors.length > 0) throw new Error(`example does not check: ${JSON.stringify(errors.slice(0, 3))}`);
  cached = a.scored;
  return cached;
}
