import { describe, expect, it } from "vitest";
import { formatHundredths } from "../src/model/points.js";
import { checkMini, editMini, miniText } from "./helpers/mini.js";
import { codesAt } from "./helpers/diagnostics.js";
import { scoredById } from "./helpers/scored.js";

function scores(text: string) {
  const r = checkMini(text);
  const s = r.assessments[0]!.scored!;
  const byId = scoredById(s);
  const f = (id: string) => formatHundredths(byId.get(id)!.score);
  return { r, s, f, byId };
}

describe("scoring kinds against hand-computed values (test/fixtures/mini)", () => {
  it("scores the valid mini assessment: 3 + 1 + 1,91 + 2 + 1,40 + 10 − 2 = 17,31 (Khá)", () => {
    const { r, s, f } = scores(miniText());
    expect(r.diagnostics).toEqual([]);
    expect([f("1.1"), f("1.2"), f("1.3"), f("1.4"), f("1.5"), f("1"), f("2"), f("3")]).toEqual([
      "3,00",
      "1,00",
      "1,91",
      "2,00",
      "1,40",
      "9,31",
      "10,00",
      "-2,00",
    ]);
    expect(formatHundredths(s.total)).toBe("17,31");
    expect(s.classification).toBe("Khá");
  });

  it("choice: the chosen option's fixed points", () => {
    expect(scores(editMini("option: a\n    score: 3", "option: b\n    score: 1")).f("1.1")).toBe("1,00");
  });

  it("checklist: ticked items add up", () => {
    const t = editMini("      b: Báo cáo số 7/BC-VP ngày 10/01/2021.\n    score: 1", "    score: 0.5");
    expect(scores(t).f("1.2")).toBe("0,50");
  });

  it("formula above a threshold, zero below it (1.1.2 kind)", () => {
    expect(scores(editMini("value: 95.5\n    score: 1.91", "value: 80")).f("1.3")).toBe("1,60");
    expect(scores(editMini("value: 95.5\n    score: 1.91", "value: 79.99")).f("1.3")).toBe("0,00");
    expect(scores(editMini("value: 95.5\n    score: 1.91", "value: 100")).f("1.3")).toBe("2,00");
  });

  it("bands with inclusive and exclusive bounds (3.2.1 kind)", () => {
    const at = (v: string) =>
      scores(editMini('value: "98,93"', `value: ${v}`).replace("    score: 2\n    justification: Đúng", "    justification: Đúng")).f("1.4");
    expect([at("95"), at("94.99"), at("85"), at("84.99"), at("0")]).toEqual(["2,00", "1,00", "1,00", "0,00", "0,00"]);
  });

  it("full points above a threshold, proportional below it (4.2.3 kind)", () => {
    const at = (v: string) => scores(editMini("value: 7\n    score: 1.4", `value: ${v}`)).f("1.5");
    expect([at("10"), at("25"), at("9.99"), at("5"), at("0")]).toEqual(["2,00", "2,00", "2,00", "1,00", "0,00"]);
  });

  it("penalty blocks are negative and capped at their floor", () => {
    const { f, s } = scores(editMini("option: b\n    justification: Công văn", "option: c\n    justification: Công văn"));
    expect(f("3")).toBe("-5,00");
    expect(formatHundredths(s.total)).toBe("14,31");
    expect(s.classification).toBe("Trung bình");
  });

  it("a declared score that disagrees with the computed one is an error at the score", () => {
    const { r } = scores(editMini("value: 95.5\n    score: 1.91", "value: 95.5\n    score: 1.9"));
    expect(codesAt(r.diagnostics)).toEqual(["CD408@33:12"]);
  });

  it("a measured value and a named option must agree", () => {
    const { r } = scores(editMini("value: 7\n    score: 1.4", "value: 7\n    option: a"));
    expect(codesAt(r.diagnostics)).toEqual(["CD407@41:13"]);
  });
});
