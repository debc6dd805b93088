/**
 * Appraisal (thẩm định) files: the two-round example on the mini rubric scored by hand, the real
 * example's appraisal reaching the score table's columns, the generated schema, and an invalid-input
 * corpus (test/fixtures/review/invalid-appraisal: "# expect: CDnnn line N" on the first line) covering
 * everything a user can get wrong in an appraisal file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runChecks, type CheckResult } from "../src/pipeline/run-checks.js";
import { getAjv } from "../src/check/schema-validate.js";
import { composeScoreTable } from "../src/compose/index.js";
import { inlineText, type Block, type Row } from "../src/document/model.js";
import { message } from "../src/diagnostics/diagnostic.js";
import { VI_NUMBERS } from "../src/model/points.js";
import type { ScoredNode } from "../src/model/scored.js";
import { generateAppraisalSchema } from "../src/check/appraisal-schema.js";
import { EXAMPLE_ASSESSMENT, EXAMPLE_RUBRIC, ROOT, input } from "./helpers/example.js";
import { corpus, expectCase } from "./helpers/corpus.js";
import { MINI_ASSESSMENT, MINI_RUBRIC } from "./helpers/mini.js";

const MINI_APPRAISAL = "test/fixtures/review/mini.appraisal.yaml";
const EXAMPLE_APPRAISAL = "content/assessments/2021/van-phong-ubnd-tinh.appraisal.yaml";

function node(items: readonly ScoredNode[], id: string): ScoredNode {
  for (const n of items) {
    if (n.node.id === id) return n;
    const inner = n.children && findIn(n.children, id);
    if (inner) return inner;
  }
  throw new Error(`no node ${id}`);
}
function findIn(items: readonly ScoredNode[], id: string): ScoredNode | undefined {
  try {
    return node(items, id);
  } catch {
    return undefined;
  }
}

describe("two rounds on the mini rubric", () => {
  const r = runChecks([input(MINI_RUBRIC), input(MINI_ASSESSMENT), input(MINI_APPRAISAL)]);
  const s = r.assessments[0]!.scored!;

  it("checks without errors; the appraisal is paired with its assessment", () => {
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.appraisals.map((a) => [a.file, a.assessmentFile])).toEqual([[MINI_APPRAISAL, MINI_ASSESSMENT]]);
  });

  it("a later round replaces an earlier one; untouched criteria keep the self-assessed score", () => {
    // 1.1: round 1 b (1), round 2 a (3) → 3.  1.2: [a] → 0,5.  1.3: 1,7 in round 1, kept by round 2's opinion-only entry.
    // 1.4: untouched (2).  1.5: value 10 → option a, 2.  2.1 and 3.1 untouched (10, -2).
    expect(["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "3.1"].map((id) => [id, node(s.items, id).appraisal?.score])).toEqual([
      ["1.1", 300],
      ["1.2", 50],
      ["1.3", 170],
      ["1.4", 200],
      ["1.5", 200],
      ["2.1", 1000],
      ["3.1", -200],
    ]);
    expect(node(s.items, "1").appraisal?.score).toBe(300 + 50 + 170 + 200 + 200);
    expect(s.total).toBe(1731);
    expect(s.appraised).toMatchObject({ total: 920 + 1000 - 200, classification: "Khá", rounds: 2, date: "2021-12-15", file: MINI_APPRAISAL });
    expect(s.classification).toBe("Khá");
  });

  it("opinions come from the latest entry; group opinions are kept", () => {
    expect(node(s.items, "1.1").appraisal?.opinion?.text).toBe("Chấp nhận giải trình.");
    expect(node(s.items, "1.3").appraisal?.opinion?.text).toBe("Giữ nguyên kết quả lần 1.");
    expect(node(s.items, "1.3").appraisal?.round).toBe(2);
    expect(node(s.items, "1.2").appraisal?.round).toBe(1);
    expect(node(s.items, "1").appraisal?.opinion?.text).toBe("Đề nghị bổ sung hồ sơ kiểm chứng.");
  });

  it("check lists every difference from the self-assessment (CD714/CD715), at the entry that decided it", () => {
    const notes = r.diagnostics.filter((d) => d.pos.file === MINI_APPRAISAL).map((d) => `${d.code}@${d.pos.line} ${message(d, "vi")}`);
    expect(notes).toEqual([
      // The fixture lives away from its assessment, so the naming convention is not followed.
      "CD713@2 Tệp thẩm định nên đặt tên “assessment.appraisal.yaml” cạnh bản tự chấm, để build, diff và summary tự tìm thấy",
      "CD714@15 Tiêu chí 1.2: điểm thẩm định 0,50 khác điểm tự chấm 1,00 (−0,50)",
      "CD715@29 Tổng điểm thẩm định 17,20 khác tổng điểm tự chấm 17,31 (−0,11); xếp loại theo thẩm định: Khá",
      "CD714@35 Tiêu chí 1.3: điểm thẩm định 1,70 khác điểm tự chấm 1,91 (−0,21)",
      "CD714@37 Tiêu chí 1.5: điểm thẩm định 2,00 khác điểm tự chấm 1,40 (+0,60)",
    ]);
  });
});

describe("the real example's appraisal", () => {
  const r = runChecks([input(EXAMPLE_RUBRIC), input(EXAMPLE_ASSESSMENT), input(EXAMPLE_APPRAISAL)]);
  const s = r.assessments[0]!.scored!;

  it("deducts 4.2.1 (a Thông báo cited as Công văn, from 2020) and accepts 4.2.3 after the response", () => {
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(node(s.items, "4.2.1").appraisal).toMatchObject({ score: 0, round: 2 });
    expect(node(s.items, "4.2.3").appraisal).toMatchObject({ score: 200, round: 2 });
    expect(s.appraised).toMatchObject({ total: 9800, rounds: 2 });
  });

  it("fills the score table's Điểm thẩm định and Ý kiến thẩm định columns", () => {
    const measure = (text: string, style: { size: number }) => text.length * style.size * 0.5;
    const { doc } = composeScoreTable(s, { measure, numbers: VI_NUMBERS, date: "2021-11-19T00:00:00.000Z" });
    const rows = doc.sections[0]!.blocks.filter((b): b is Extract<Block, { kind: "table" }> => b.kind === "table").flatMap((t) => t.rows);
    const text = (row: Row, i: number) => row.cells[i]!.blocks.map((b) => (b.kind === "paragraph" ? inlineText(b.runs) : "")).join(" ");
    const r421 = rows.find((row) => text(row, 0) === "4.2.1")!;
    expect(text(r421, 5)).toBe("0,00");
    expect(text(r421, 6)).toContain("Giữ nguyên kết quả lần 1");
    const total = rows.find((row) => row.role === "total")!;
    expect(total.cells.map((c) => c.blocks.map((b) => (b.kind === "paragraph" ? inlineText(b.runs) : "")).join(""))).toContain("98,00");
  });
});

describe("generated appraisal schema", () => {
  it("is a valid 2020-12 schema for both rubrics, with Vietnamese descriptions", () => {
    for (const [rubricFile, leaf] of [
      [MINI_RUBRIC, "1.1"],
      [EXAMPLE_RUBRIC, "4.2.1"],
    ] as const) {
      const r = runChecks([input(rubricFile)]);
      const schema = generateAppraisalSchema(r.rubrics[0]!.rubric!);
      expect(getAjv().validateSchema(schema), JSON.stringify(getAjv().errors)).toBe(true);
      const criteria = (schema as { $defs: { round: { properties: { criteria: { properties: Record<string, { description: string }> } } } } }).$defs.round
        .properties.criteria.properties;
      expect(criteria[leaf]!.description).toMatch(/tối đa/);
    }
  });

  it("the checked-in schema of the example rubric is current (chamdiem schema)", () => {
    const r = runChecks([input(EXAMPLE_RUBRIC)]);
    const text = JSON.stringify(generateAppraisalSchema(r.rubrics[0]!.rubric!), null, 2) + "\n";
    expect(readFileSync(join(ROOT, "schema/generated/dvcq-qng-2021.appraisal.schema.json"), "utf8")).toBe(text);
  });
});

describe("pairing", () => {
  const text = readFileSync(join(ROOT, MINI_APPRAISAL), "utf8");

  it("a second appraisal of the same assessment is CD712; a differently named one is CD713", () => {
    const other = "test/fixtures/review/copy.appraisal.yaml";
    const r: CheckResult = runChecks([input(MINI_RUBRIC), input(MINI_ASSESSMENT), input(MINI_APPRAISAL), input(other, text)]);
    const codes = r.diagnostics.filter((d) => d.pos.file === other).map((d) => `${d.code}@${d.pos.line}`);
    expect(codes).toContain("CD712@2");
    expect(r.diagnostics.some((d) => d.code === "CD713" && d.pos.file === MINI_APPRAISAL)).toBe(true);
  });

  it("an appraisal beside its assessment, named <unit>.appraisal.yaml, gets no naming warning", () => {
    const r = runChecks([input(EXAMPLE_RUBRIC), input(EXAMPLE_ASSESSMENT), input(EXAMPLE_APPRAISAL)]);
    expect(r.diagnostics.some((d) => d.code === "CD713")).toBe(false);
  });

  it("an appraisal whose assessment is missing is reported, not applied", () => {
    const r = runChecks([input(MINI_RUBRIC), input(MINI_APPRAISAL)]);
    expect(r.others.flatMap((o) => o.diagnostics).map((d) => d.code)).toContain("CD701");
  });
});

describe("invalid appraisal corpus", () => {
  const cases = corpus("test/fixtures/review/invalid-appraisal");

  it("covers at least 25 mistakes", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of cases) {
    it(`${c.file}: ${c.code} at line ${c.line}`, () => {
      const r = runChecks([input(MINI_RUBRIC), input(MINI_ASSESSMENT), input(EXAMPLE_RUBRIC), input(c.path)]);
      expectCase(c, r.diagnostics);
      // The mini assessment itself stays clean.
      expect(r.diagnostics.filter((d) => d.pos.file === MINI_ASSESSMENT && d.severity === "error")).toEqual([]);
    });
  }
});
