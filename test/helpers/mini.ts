import { runChecks, type CheckResult } from "../../src/pipeline/run-checks.js";
import { input, readExampleText } from "./example.js";

export const MINI_RUBRIC = "test/fixtures/mini/rubric.yaml";
export const MINI_ASSESSMENT = "test/fixtures/mini/assessment.yaml";

export function miniText(): string {
  return readExampleText(MINI_ASSESSMENT);
}

/** Check an assessment text against the mini rubric. */
export function checkMini(text: string, path = "test/fixtures/mini/case.yaml"): CheckResult {
  return runChecks([input(MINI_RUBRIC), input(path, text)]);
}

/** Replace one exact snippet of the mini assessment (fails loudly if the snippet is not there). */
export function editMini(from: string, to: string): string {
  const t = miniText();
  if (!t.includes(from)) throw new Error(`snippet not found: ${from}`);
  return t.replace(from, to);
}
