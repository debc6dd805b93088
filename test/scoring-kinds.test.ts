/**
 * The scoring kinds beyond choice/checklist/measure (issue 14, point 3), against hand-computed values:
 * ratio, direct score, per-occurrence count with cap and floor, not applicable on a leaf and a group,
 * headings, and base + bonus totals. The rubric is test/fixtures/kinds/rubric.yaml.
 */
import { describe, expect, it } from "vitest";
import { answerFacts } from "../src/compose/answer-facts.js";
import { generateAssessmentSchema } from "../src/check/assessment-schema.js";
import { formatHundredths, VI_NUMBERS } from "../src/model/points.js";
import { scoredById } from "./helpers/scored.js";
import { runChecks } from "../src/pipeline/run-checks.js";
import { scaffoldAssessment } from "../src/review/scaffold.js";
import { plainAssessment, plainRubric } from "../src/review/plain-text.js";
import { diffAssessments } from "../src/review/assessment-diff.js";
import { input, readExampleText } from "./helpers/example.js";

const RUBRIC = "test/fixtures/kinds/rubric.yaml";
const ASSESSMENT = "test/fixtures/kinds/assessment.yaml";
const base = () => readExampleText(ASSESSMENT);

function edit(from: string, to: string, text = base()): string {
  if (!text.includes(from)) throw new Error(`snippet not found: ${from}`);
  return text.replace(from, to);
}

function check(text: string) {
  const r = runChecks([input(RUBRIC), input("test/fixtures/kinds/case.yaml", text)]);
  const s = r.assessments[0]!.scored!;
  const byId = scoredById(s);
  const f = (id: string) => formatHundredths(byId.get(id)!.score);
  const codes = r.diagnostics.map((d) => `${d.code}@${d.pos.line}:${d.pos.column}`);
  return { r, s, f, byId, codes };
}

const ratio = (n: string, d: string) => edit("numerator: 12\n    denominator: 15\n    score: 2.4", `numerator: ${n}\n    denominator: ${d}`);

describe("the kinds fixture, hand-computed", () => {
  it("scores 1.2 = 2,40, 1.3 = 3,75, 1.4 = 3 (n/a), 2 = 10 (n/a), bonus 3 × 2 capped at 5, penalty 4 × −1 floored at −3", () => {
    const { r, s, f } = check(base());
    expect(r.diagnostics).toEqual([]);
    expect(["1.1", "1.2", "1.3", "1.4", "1", "2.1", "2.2", "2", "3.1", "3", "4.1", "4"].map(f)).toEqual([
      "0,00",
      "2,40",
      "3,75",
      "3,00",
      "9,15",
      "0,00",
      "0,00",
      "10,00",
      "5,00",
      "5,00",
      "-3,00",
      "-3,00",
    ]);
    // 9,15 + 10 = 19,15 base; + 5 bonus − 3 penalty = 21,15.
    expect(s.totals).toEqual({ base: 1915, bonus: 500, penalty: -300 });
    expect(s.total).toBe(2115);
    expect(s.max).toBe(2000);
    expect(s.rubric.bonusMax).toBe(500);
  });
});

describe("ratio: the percentage from two counts, rounded once, then the measure's options", () => {
  it("12 / 15 = 80,00 %: option a, 80 × 3 / 100 = 2,40", () => {
    const { byId } = check(base());
    const n = byId.get("1.2")!;
    expect(n.measured).toBe(8000);
    expect(n.options!.filter((o) => o.chosen).map((o) => o.option.id)).toEqual(["a"]);
    expect(n.score).toBe(240);
  });

  it("31 / 32 = 96,875 % rounds half away from zero to 96,88 %; × 3 / 100 = 2,9064 → 2,91", () => {
    const { byId, r } = check(ratio("31", "32"));
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(byId.get("1.2")!.measured).toBe(9688);
    expect(byId.get("1.2")!.score).toBe(291);
  });

  it("2 / 3 = 66,666… % → 66,67 %: below 80, option b, 0", () => {
    const { byId } = check(ratio("2", "3"));
    expect(byId.get("1.2")!.measured).toBe(6667);
    expect(byId.get("1.2")!.score).toBe(0);
    expect(byId.get("1.2")!.options!.find((o) => o.chosen)!.option.id).toBe("b");
  });

  it("1 / 32 = 3,125 % → 3,13 % (the half goes up); 15 / 15 = 100 % → 3,00", () => {
    expect(check(ratio("1", "32")).byId.get("1.2")!.measured).toBe(313);
    expect(check(ratio("15", "15")).f("1.2")).toBe("3,00");
  });

  it("decimal counts are exact: 0,5 / 2 = 25 %; a count with three decimals is not read (CD314)", () => {
    expect(check(ratio('"0,5"', "2")).byId.get("1.2")!.measured).toBe(2500);
    const three = check(ratio("0.5", '"0,625"'));
    expect(three.byId.get("1.2")!.measured).toBeUndefined();
    expect(three.codes.some((c) => c.startsWith("CD314@23") || c.startsWith("CD208@23") || c.startsWith("CD206@23"))).toBe(true);
  });

  it("a zero denominator is an error at the denominator; a numerator above it, at the numerator", () => {
    const zero = check(ratio("0", "0"));
    expect(zero.codes).toContain("CD430@23:18");
    expect(zero.f("1.2")).toBe("0,00");
    expect(check(ratio("16", "15")).codes).toContain("CD431@22:16");
  });

  it("a declared score must equal the computed one (CD408)", () => {
    expect(check(edit("score: 2.4", "score: 3")).codes).toContain("CD408@24:12");
  });

  it("prints both counts and the percentage", () => {
    const { byId } = check(base());
    expect(answerFacts(byId.get("1.2")!, VI_NUMBERS)).toEqual(["Số TTV được tập huấn: 12; Tổng số TTV: 15; Tỷ lệ % TTV được tập huấn: 80,00%"]);
    expect(answerFacts(check(ratio("31", "32")).byId.get("1.2")!, VI_NUMBERS)).toEqual([
      "Số TTV được tập huấn: 31; Tổng số TTV: 32; Tỷ lệ % TTV được tập huấn: 96,88%",
    ]);
  });
});

describe("score: a direct entry in [min; max], in steps", () => {
  it("3,75 in steps of 0,25 is the score; 0 and 4 are the bounds", () => {
    expect(check(base()).f("1.3")).toBe("3,75");
    expect(check(edit("score: 3.75", "score: 4")).f("1.3")).toBe("4,00");
    expect(check(edit("score: 3.75", "score: 0")).f("1.3")).toBe("0,00");
  });

  it("3,80 is not a multiple of 0,25 (CD433); 4,25 is above the maximum (CD432); both score 0", () => {
    const off = check(edit("score: 3.75", "score: 3.8"));
    expect(off.codes).toContain("CD433@27:12");
    expect(off.f("1.3")).toBe("0,00");
    const above = check(edit("score: 3.75", "score: 4.25"));
    expect(above.codes).toContain("CD432@27:12");
    expect(above.codes.filter((c) => c.startsWith("CD408"))).toEqual([]);
  });

  it("an option on a score leaf is an unknown field (CD202)", () => {
    expect(check(edit("score: 3.75", "score: 3.75\n    option: a")).codes).toContain("CD202@28:5");
  });

  it("prints no facts", () => {
    expect(answerFacts(check(base()).byId.get("1.3")!, VI_NUMBERS)).toEqual([]);
  });
});

describe("count: points per occurrence, capped and floored", () => {
  const bonus = (n: string) => edit("count: 3", `count: ${n}`);
  const penalty = (n: string) => edit("count: 4", `count: ${n}`);

  it("bonus 2 per award, capped at 5: 0 → 0, 2 → 4, 3 → 6 → 5", () => {
    expect([check(bonus("0")).f("3.1"), check(bonus("2")).f("3.1"), check(bonus("3")).f("3.1")]).toEqual(["0,00", "4,00", "5,00"]);
  });

  it("deduction −1 per violation, floored at −3: 2 → −2, 3 → −3, 4 → −4 → −3", () => {
    expect([check(penalty("2")).f("4.1"), check(penalty("3")).f("4.1"), check(penalty("4")).f("4.1")]).toEqual(["-2,00", "-3,00", "-3,00"]);
    expect(check(penalty("2")).s.totals.penalty).toBe(-200);
  });

  it("a count that is not a whole number is an error at the count (CD427)", () => {
    const { codes, f } = check(bonus("2.5"));
    expect(codes).toContain("CD427@38:12");
    expect(f("3.1")).toBe("0,00");
  });

  it("prints the number of occurrences", () => {
    const { byId } = check(base());
    expect(answerFacts(byId.get("4.1")!, VI_NUMBERS)).toEqual(["Số vụ vi phạm bị xử lý: 4"]);
  });
});

describe("not applicable, on a leaf and on a group", () => {
  it("a leaf answered n/a scores the rule's 3,00, with no option chosen, and prints the rule", () => {
    const n = check(base()).byId.get("1.4")!;
    expect(n.notApplicable).toBe(true);
    expect(n.score).toBe(300);
    expect(n.options!.some((o) => o.chosen)).toBe(false);
    expect(answerFacts(n, VI_NUMBERS)).toEqual(["Trong năm không có nhiệm vụ được giao thì được tính 03 điểm"]);
  });

  it("a group answered n/a scores 10,00; its children are skipped, not required, not scored", () => {
    const { byId } = check(base());
    expect(byId.get("2")!.notApplicable).toBe(true);
    expect(byId.get("2")!.answer!.official).toBe("Lê Văn C");
    expect(byId.get("2")!.justification!.text).toContain("không có dự án");
    expect([byId.get("2.1")!.skipped, byId.get("2.2")!.skipped]).toEqual([true, true]);
  });

  it("an answer under a group answered n/a is ignored, with a warning (CD428)", () => {
    const t = edit('  "3.1":', '  "2.1":\n    option: a\n  "3.1":');
    const { codes, f } = check(t);
    expect(codes).toContain("CD428@37:3");
    expect(f("2")).toBe("10,00");
  });

  it("a group not answered n/a needs its children's answers (CD403 at answers)", () => {
    const t = edit('  "2":\n    not_applicable: true\n', '  "2":\n');
    const { codes, f } = check(t);
    expect(codes.filter((c) => c.startsWith("CD403"))).toEqual(["CD403@20:1", "CD403@20:1"]);
    expect(f("2")).toBe("0,00");
  });

  it("with its children answered, the group is their sum: 6 + 4 = 10", () => {
    const t = edit(
      '  "2":\n    not_applicable: true\n',
      '  "2.1":\n    option: a\n    justification: Báo cáo số 1/BC-VP ngày 01/10/2021.\n  "2.2":\n    option: a\n    justification: Báo cáo số 2/BC-VP ngày 02/10/2021.\n  "2":\n',
    );
    const { r, f, byId } = check(t);
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(f("2")).toBe("10,00");
    expect(byId.get("2")!.notApplicable).toBeUndefined();
  });

  it("n/a without a justification is an error (CD426), blank or missing", () => {
    const missing = check(edit("    not_applicable: true\n    justification: Trong năm không có nhiệm vụ được giao.\n", "    not_applicable: true\n"));
    expect(missing.codes).toContain("CD426@31:21");
    const blank = check(edit("justification: Trong năm không có nhiệm vụ được giao.", 'justification: " "'));
    expect(blank.codes).toContain("CD426@32:20");
  });

  it("n/a on a node without the rule is an error (CD425) and the node is scored as usual", () => {
    const { codes, f } = check(edit("score: 3.75\n", "score: 3.75\n    not_applicable: true\n"));
    expect(codes).toEqual(["CD425@28:5"]);
    expect(f("1.3")).toBe("3,75");
    const group = check(edit('  "3.1":', '  "1":\n    not_applicable: true\n    justification: Không áp dụng.\n  "3.1":'));
    expect(group.codes).toEqual(["CD425@38:5"]);
    expect(group.f("1")).toBe("9,15");
  });
});

describe("group answers and headings", () => {
  it("a group answer takes a justification and an official; a score there is CD402 at the field", () => {
    const ok = check(edit('  "3.1":', '  "1":\n    official: Phạm Văn D\n    justification: Công văn số 4/VP ngày 01/10/2021.\n  "3.1":'));
    expect(ok.r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(ok.byId.get("1")!.answer!.official).toBe("Phạm Văn D");
    expect(ok.f("1")).toBe("9,15");
    expect(check(edit('  "3.1":', '  "1":\n    score: 9.15\n  "3.1":')).codes).toContain("CD402@38:5");
  });

  it("a heading (input: none) is not required, scores nothing, and an answer for it is an error (CD429)", () => {
    const { byId } = check(base());
    expect(byId.get("1.1")!.score).toBe(0);
    expect(answerFacts(byId.get("1.1")!, VI_NUMBERS)).toEqual([]);
    expect(check(edit('  "1.2":', '  "1.1":\n    justification: Tiêu đề.\n  "1.2":')).codes).toContain("CD429@21:3");
  });

  it("the generated schema requires neither headings nor the leaves of an n/a group", () => {
    const r = runChecks([input(RUBRIC)]);
    const schema = generateAssessmentSchema(r.rubrics[0]!.rubric!) as { properties: { answers: { required: string[] } } };
    expect(schema.properties.answers.required).toEqual(["1.2", "1.3", "1.4", "3.1", "4.1"]);
  });
});

describe("init's template for the new kinds", () => {
  const rubric = () => runChecks([input(RUBRIC)]).rubrics[0]!.rubric!;

  it("asks for the two counts, the count and the score; lists no heading and says how to answer not applicable", () => {
    const t = scaffoldAssessment({ rubric: rubric(), unit: "X", year: 2022, schemaPath: "s.json" });
    expect(t).toContain("    numerator: <<Số TTV được tập huấn>>\n    denominator: <<Tổng số TTV>>\n");
    expect(t).toContain('    count: "<<Số vụ vi phạm bị xử lý: số nguyên, 0 nếu không có>>"\n');
    expect(t).toContain("    score: <<điểm từ 0,00 đến 4,00, bội số của 0,25>>\n");
    expect(t).toContain("  # ── 1.1 Công tác tập huấn\n");
    expect(t).not.toContain('"1.1":');
    expect(t).toContain("  # không áp dụng (Trong năm không có dự án đầu tư công thì được tính 10 điểm, 10,00 điểm)");
  });

  it("every scoring blank it leaves is reported until filled (CD718, at its line)", () => {
    const t = scaffoldAssessment({ rubric: rubric(), unit: "Văn phòng thử nghiệm", year: 2021, schemaPath: "s.json" });
    const r = runChecks([input(RUBRIC), input("x.yaml", t)]);
    const lineOf = (s: string) => t.split("\n").findIndex((l) => l.startsWith(s)) + 1;
    const codes = r.diagnostics.map((d) => `${d.code}@${d.pos.line}`);
    for (const l of ["    numerator:", "    denominator:", "    count:", "    score:"]) expect(codes).toContain(`CD718@${lineOf(l)}`);
  });
});

describe("show --plain", () => {
  it("prints the counts, the ratio, the count, the direct score, n/a and the official", () => {
    const { s } = check(base());
    const lines = plainAssessment(s).split("\n");
    for (const l of [
      "1.2 numerator: 12,00",
      "1.2 denominator: 15,00",
      "1.2 ratio: 80,00",
      "1.3 score: 3,75",
      "1.3 official: Trần Thị B",
      "1.4 not_applicable: Trong năm không có nhiệm vụ được giao thì được tính 03 điểm",
      "2 official: Lê Văn C",
      "2.1 skipped (group not applicable)",
      "4.1 count: 4",
    ]) {
      expect(lines).toContain(l);
    }
  });

  it("prints the rubric's new fields", () => {
    const lines = plainRubric(runChecks([input(RUBRIC)]).rubrics[0]!.rubric!).split("\n");
    for (const l of [
      "bonus_max: 5,00",
      "1.1 Công tác tập huấn (max 0,00, none)",
      "1.2 Tập huấn cho thành viên tổ (max 3,00, ratio, Tỷ lệ % TTV được tập huấn = Số TTV được tập huấn / Tổng số TTV × 100)",
      "1.3 Chất lượng báo cáo (max 4,00, score, step 0,25)",
      "2 not_applicable = 10,00: Trong năm không có dự án đầu tư công thì được tính 10 điểm",
      "4.1 Vi phạm bị xử lý (max -3,00..0,00, count, Số vụ vi phạm bị xử lý × -1,00)",
    ]) {
      expect(lines).toContain(l);
    }
  });
});

describe("appraisal of the new kinds (the same fields, scored by the same rules)", () => {
  const appraise = (criteria: string, text = base()) => {
    const appraisal = [
      "assessment: case.yaml",
      "rubric: kinds",
      "rounds:",
      "  - round: 1",
      "    date: 2021-12-06",
      "    criteria:",
      ...criteria.split("\n").map((l) => `      ${l}`),
      "",
    ].join("\n");
    const r = runChecks([input(RUBRIC), input("test/fixtures/kinds/case.yaml", text), input("test/fixtures/kinds/case.appraisal.yaml", appraisal)]);
    const s = r.assessments[0]!.scored!;
    const byId = scoredById(s);
    const at = (id: string) => formatHundredths(byId.get(id)!.appraisal!.score!);
    return { r, s, at, codes: r.diagnostics.map((d) => `${d.code}@${d.pos.file.endsWith("appraisal.yaml") ? "A" : ""}${d.pos.line}`) };
  };

  it("counts, a count and a direct score are rescored: 9 / 15 = 60 % → 0; 1 award → 2; 2 violations → −2; score 3,5", () => {
    const { at, s, r } = appraise(
      ['"1.2":', "  numerator: 9", "  denominator: 15", '"3.1":', "  count: 1", '"4.1":', "  count: 2", '"1.3":', "  score: 3.5"].join("\n"),
    );
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect([at("1.2"), at("1.3"), at("3.1"), at("4.1")]).toEqual(["0,00", "3,50", "2,00", "-2,00"]);
    // 0 + 3,5 + 3 (n/a kept) = 6,5 + 10 (group 2 n/a kept) = 16,5 base; + 2 − 2.
    expect(s.appraised!.totals).toEqual({ base: 1650, bonus: 200, penalty: -200 });
    expect(s.appraised!.total).toBe(1650);
  });

  it("a direct score off the step is not reachable (CD705); a count with no rule for n/a is CD425", () => {
    expect(appraise('"1.3":\n  score: 3.6').codes).toContain("CD705@A8");
    expect(appraise('"3.1":\n  not_applicable: true').codes).toContain("CD425@A8");
  });

  it("rejecting a group's not-applicable answer scores its children: 6 + 0 = 6", () => {
    const { at } = appraise(['"2":', "  not_applicable: false", '"2.1":', "  option: a", '"2.2":', "  option: b"].join("\n"));
    expect(at("2")).toBe("6,00");
  });

  it("accepting not applicable on a leaf gives the rule's score", () => {
    const t = edit(
      "    not_applicable: true\n    justification: Trong năm không có nhiệm vụ được giao.\n",
      "    option: b\n    justification: Công văn số 5/VP ngày 01/10/2021.\n",
    );
    const { at, s } = appraise('"1.4":\n  not_applicable: true\n  opinion: Trong năm không có nhiệm vụ được giao.', t);
    expect(s.items[0]!.children![3]!.score).toBe(0);
    expect(at("1.4")).toBe("3,00");
  });
});

describe("diff", () => {
  it("a ratio's changed counts show as its percentage: 80 % → 60 %", () => {
    const d = diffAssessments(check(base()).s, check(ratio("9", "15")).s);
    const c = d.criteria.find((x) => x.id === "1.2")!;
    expect(c.value).toEqual({ old: 8000, new: 6000 });
    expect(c.score).toEqual({ old: 240, new: 0 });
  });
});
