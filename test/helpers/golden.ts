/**
 * Golden files: a test compares what the code produces with a reviewed file in the repository.
 *
 * A missing golden file is a failure, never recreated silently: a test that writes its own expectation
 * asserts nothing. To create or refresh golden files, run the test locally with UPDATE_GOLDEN=1, e.g.
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/compose-example.test.ts
 *
 * then read `git diff` (or the new file) before committing it. Under CI (process.env.CI set) UPDATE_GOLDEN
 * is refused, so CI can only compare.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

/** CI is set by every CI service; "false" and "0" mean a local run that says so explicitly. */
export const UNDER_CI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";

/** UPDATE_GOLDEN=1, outside CI only. */
export function updatingGolden(): boolean {
  const asked = process.env.UPDATE_GOLDEN === "1";
  if (asked && UNDER_CI) throw new Error("UPDATE_GOLDEN=1 is refused under CI: golden files are created locally and committed.");
  return asked;
}

/**
 * Whether the caller should (re)write the golden file at `path`: with UPDATE_GOLDEN=1 (local runs).
 * Otherwise a missing file throws an error saying how to create it.
 */
export function shouldWriteGolden(path: string, testFile: string): boolean {
  if (updatingGolden()) return true;
  if (!existsSync(path)) {
    throw new Error(
      `golden file ${relative(ROOT, path)} is missing. Create it locally with ` +
        `\`UPDATE_GOLDEN=1 npx vitest run ${relative(ROOT, testFile)}\`, read it, and commit it.`,
    );
  }
  return false;
}

/** Compares `actual` with the text golden file at `path` (see the file comment for UPDATE_GOLDEN=1). */
export function expectGolden(path: string, actual: string, testFile: string): void {
  if (shouldWriteGolden(path, testFile)) {
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}
