/**
 * A rubric that fails its own rules cannot score anything: the assessments that use it get CD321 at
 * their `rubric:` line (the rubric's own errors are reported on it), never an internal error. Its
 * generated schema was not even a valid schema (a duplicate id gave a duplicate `required` entry, a
 * leaf without options an empty `enum`), and ajv threw.
 */
import { describe, expect, it } from "vitest";
import { runChecks } from "../src/pipeline/run-checks.js";
import { input, readExampleText } from "./helpers/example.js";

const ASSESSMENT = "test/fixtures/mini/assessment.yaml";

describe("an assessment beside a rubric with errors", () => {
  for (const [rubric, code] of [
    ["test/fixtures/invalid/rubric-duplicate-id.yaml", "CD301"],
    ["test/fixtures/invalid/rubric-leaf-without-options.yaml", undefined],
  ] as const) {
    it(`${rubric}: the rubric's errors, and CD321 on the assessment's rubric line`, () => {
      const r = runChecks([input(rubric), input(ASSESSMENT)]);
      const onRubric = r.diagnostics.filter((d) => d.pos.file === rubric && d.severity === "error");
      expect(onRubric.length).toBeGreaterThan(0);
      if (code) expect(onRubric.map((d) => d.code)).toContain(code);
      const onAssessment = r.diagnostics.filter((d) => d.pos.file === ASSESSMENT);
      expect(onAssessment.map((d) => [d.code, d.pos.line])).toEqual([["CD321", 1]]);
      expect(r.assessments[0]!.scored).toBeUndefined();
    });
  }
});

describe("a malformed criterion id (CD206)", () => {
  it("says which value is wrong and the form an id takes, not what the whole rubric is", () => {
    const text = readExampleText("test/fixtures/mini/rubric.yaml").replace('      - id: "1.1"\n', '      - id: "1..a"\n');
    const line = text.split("\n").findIndex((l) => l.includes('"1..a"')) + 1;
    const r = runChecks([input("test/fixtures/mini/rubric.yaml", text)]);
    const d = r.diagnostics.filter((x) => x.code === "CD206");
    expect(d.map((x) => [x.pos.line, x.pos.column])).toEqual([[line, 13]]);
    const detail = d[0]!.args.detail as { vi: string; en: string };
    // The id's own description ($defs/id), reached through its $ref, with the value quoted.
    expect(detail.vi.startsWith("“1..a”; Mã mục, khóa ổn định")).toBe(true);
    expect(detail.vi).toContain('"1.1.2", "2.a"');
    expect(detail.en).toContain("“1..a”");
    expect(detail.vi).not.toContain("Bộ tiêu chí");
  });
});
