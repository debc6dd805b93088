/**
 * The score table in a rubric's declared form (`table:`, src/model/table.ts): columns in the declared
 * order with their labels, two-row group headers, printed labels separate from ids, option points in
 * the max column, number columns (final, percent, evidence, count) with hand-computed values, and the
 * rubric checks of the form (CD340–CD345).
 */
import { describe, expect, it } from "vitest";
import { composeScoreTable } from "../src/compose/index.js";
import { printedPoints } from "../src/check/rubric.js";
import type { Row, Table } from "../src/document/model.js";
import { runChecks } from "../src/pipeline/run-checks.js";
import { EXAMPLE_ASSESSMENT, EXAMPLE_RUBRIC, input, readExampleText } from "./helpers/example.js";

const EXAMPLE_APPRAISAL = "content/assessments/2021/van-phong-ubnd-tinh.appraisal.yaml";
import { MINI_ASSESSMENT, MINI_RUBRIC, miniText } from "./helpers/mini.js";
import { paragraphs, tables, text } from "./fixtures/compose/model-query.js";
import { COMPOSE_OPTIONS } from "./fixtures/compose/scored.js";

const TABLE = `table:
  option_points: max
  columns:
    - { kind: label, label: TT }
    - { kind: content, label: Nội dung tiêu chí }
    - { kind: max, label: Điểm chuẩn }
    - { kind: count, label: Số TCTP, of: leaves }
    - { kind: evidence, label: Số liệu thực hiện, group: Căn cứ chấm điểm }
    - { kind: self, label: Tự đánh giá, group: Điểm đánh giá }
    - { kind: appraisal, label: Sở Nội vụ đánh giá, group: Điểm đánh giá }
    - { kind: final, label: Điểm đạt được }
    - { kind: percent, label: Chỉ số (%) }
    - { kind: explanation, label: Giải trình }
    - { kind: notes, label: Ghi chú }
`;

function formRubric(): string {
  const base = readExampleText(MINI_RUBRIC);
  return base
    .replace("items:\n", `${TABLE}items:\n`)
    .replace(`  - id: "1"\n    title: TIÊU CHÍ 1\n`, `  - id: "1"\n    label: Tiêu chí 1\n    title: TIÊU CHÍ 1\n    note: Sở Nội vụ chấm\n`)
    .replace(`{ id: a, text: "Kịp thời: 3,00", points: 3 }`, `{ id: a, label: "a)", text: "Kịp thời: 3,00", points: 3 }`);
}

function composed(rubricText = formRubric(), assessmentText = miniText()) {
  const r = runChecks([input(MINI_RUBRIC, rubricText), input(MINI_ASSESSMENT, assessmentText)]);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors).toEqual([]);
  const scored = r.assessments[0]!.scored!;
  const doc = composeScoreTable(scored, COMPOSE_OPTIONS).doc;
  return { scored, table: tables(doc)[1]! };
}

const cellTexts = (r: Row) => r.cells.map((c) => paragraphs(c.blocks).map(text).join("\n"));
const rowOf = (t: Table, first: string) => t.rows.find((r) => cellTexts(r)[0] === first)!;

describe("a declared table form", () => {
  const { scored, table } = composed();

  it("has a two-row header: grouped columns under one merged cell, the others spanning both rows", () => {
    expect(table.headerRows).toBe(2);
    expect(table.columns).toHaveLength(11);
    const [top, bottom] = [table.rows[0]!, table.rows[1]!];
    expect(cellTexts(top)).toEqual([
      "TT",
      "Nội dung tiêu chí",
      "Điểm chuẩn",
      "Số TCTP",
      "Căn cứ chấm điểm",
      "Điểm đánh giá",
      "Điểm đạt được",
      "Chỉ số (%)",
      "Giải trình",
      "Ghi chú",
    ]);
    expect(top.cells.map((c) => c.rowSpan ?? 1)).toEqual([2, 2, 2, 2, 1, 1, 2, 2, 2, 2]);
    expect(top.cells.map((c) => c.colSpan ?? 1)).toEqual([1, 1, 1, 1, 1, 2, 1, 1, 1, 1]);
    expect(cellTexts(bottom)).toEqual(["Số liệu thực hiện", "Tự đánh giá", "Sở Nội vụ đánh giá"]);
  });

  it("prints the printed label, not the id, and the rubric's note on the row", () => {
    const r = rowOf(table, "Tiêu chí 1");
    const cells = cellTexts(r);
    expect(cells[1]).toBe("TIÊU CHÍ 1");
    expect(cells[10]).toBe("Sở Nội vụ chấm");
    // 5 scored sub-criteria below criterion 1
    expect(cells[3]).toBe("5");
  });

  it("prints an option's label and its points in the max column", () => {
    const opt = table.rows.find((r) => cellTexts(r)[1] === "Kịp thời: 3,00")!;
    expect(cellTexts(opt).slice(0, 3)).toEqual(["a)", "Kịp thời: 3,00", "3,00"]);
  });

  it("evidence, final and percent columns with hand-computed values", () => {
    const r = rowOf(table, "1.3");
    const cells = cellTexts(r);
    expect(cells[4]).toBe("95,5%"); // the measured value, with its unit
    expect(cells[5]).toBe("1,91"); // 95,5 × 2 / 100 = 1,91
    expect(cells[7]).toBe("1,91"); // final = self (no appraisal)
    expect(cells[8]).toBe("95,50"); // 1,91 / 2 × 100
    // The measured value is in its own column, so not repeated in the explanation.
    expect(table.rows.map((x) => cellTexts(x)[9]).join("\n")).not.toContain("Tỷ lệ % hoàn thành: 95,5%");
  });

  it("the total row: label over TT and content, the totals and the index", () => {
    const total = table.rows[table.rows.length - 1]!;
    expect(total.cells[0]!.colSpan).toBe(2);
    const cells = cellTexts(total);
    const t = scored.total;
    expect(cells[0]).toBe("TỔNG ĐIỂM");
    expect(cells[1]).toBe("20,00");
    expect(cells[6]).toBe((t / 100).toFixed(2).replace(".", ","));
    // percent = total / 20 × 100, rounded once to hundredths
    expect(cells[7]).toBe((Math.round((t * 10000) / 2000) / 100).toFixed(2).replace(".", ","));
  });
});

describe("table form checks", () => {
  const codes = (rubricText: string) => runChecks([input(MINI_RUBRIC, rubricText)]).diagnostics.map((d) => `${d.code}@${d.pos.line}`);
  const withTable = (cols: string) => readExampleText(MINI_RUBRIC).replace("items:\n", `table:\n  columns:\n${cols}items:\n`);

  it("accepts the form above", () => {
    expect(codes(formRubric())).toEqual([]);
  });

  it("CD343: no content column", () => {
    expect(codes(withTable("    - { kind: label }\n    - { kind: self }\n"))).toEqual(["CD343@16"]);
  });

  it("CD341: a field that means nothing for the column kind", () => {
    expect(codes(withTable("    - { kind: content }\n    - { kind: self, of: leaves }\n"))).toEqual(["CD341@17"]);
  });

  it("the example rubric has no table form and no form diagnostics", () => {
    expect(codes(readExampleText(MINI_RUBRIC))).toEqual([]);
  });
});

describe("printed points in option texts (CD315)", () => {
  it.each([
    ["Kịp thời: 3,00", 300],
    ["Không ban hành: 0", 0],
    ["Có tổ chức: 01 điểm", 100],
    ["Mỗi cuộc thi được 0,25 điểm", 25],
    ["Có sáng kiến (0,5 điểm)", 50],
    ["Đạt 100%", undefined],
    ["Không có điểm", undefined],
  ])("%s → %s", (t, expected) => {
    expect(printedPoints(t)).toBe(expected);
  });
});

describe("appraisal columns per round (the example's two rounds)", () => {
  const ROUNDS = `table:
  columns:
    - { kind: label }
    - { kind: content }
    - { kind: max }
    - { kind: self }
    - { kind: appraisal, label: Lần 1, round: 1, group: Điểm thẩm định }
    - { kind: appraisal, label: Lần 2, round: 2, group: Điểm thẩm định }
    - { kind: explanation }
`;
  const rubric = readExampleText(EXAMPLE_RUBRIC).replace("\nitems:\n", `\n${ROUNDS}items:\n`);
  const r = runChecks([input(EXAMPLE_RUBRIC, rubric), input(EXAMPLE_ASSESSMENT), input(EXAMPLE_APPRAISAL)]);
  const scored = r.assessments[0]!.scored!;
  const table = tables(composeScoreTable(scored, COMPOSE_OPTIONS).doc)[1]!;

  it("checks without errors", () => {
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("prints each round's scores: 4.2.3 measured 8 % in round 1 (8 × 2 / 10 = 1,60), 10 % in round 2 (2,00)", () => {
    expect(cellTexts(rowOf(table, "4.2.3")).slice(2, 6)).toEqual(["2,00", "2,00", "1,60", "2,00"]);
    // 4.2.1: option b in round 1, kept in round 2 (only an opinion).
    expect(cellTexts(rowOf(table, "4.2.1")).slice(4, 6)).toEqual(["0,00", "0,00"]);
    const total = cellTexts(table.rows[table.rows.length - 1]!);
    expect(total.slice(1, 5)).toEqual(["100,00", "100,00", "97,60", "98,00"]);
  });

  it("CD341: round on a column that is not an appraisal", () => {
    const bad = rubric.replace("- { kind: self }", "- { kind: self, round: 1 }");
    expect(runChecks([input(EXAMPLE_RUBRIC, bad)]).diagnostics.map((d) => d.code)).toContain("CD341");
  });
});
