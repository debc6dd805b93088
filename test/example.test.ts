import { describe, expect, it } from "vitest";
import { formatHundredths } from "../src/model/points.js";
import { checkExample, loadExampleScored } from "./helpers/example.js";
import { codes } from "./helpers/diagnostics.js";

describe("the seed example (content/)", () => {
  it("checks without errors and totals 100/100 as the seed reports", () => {
    const s = loadExampleScored();
    expect(formatHundredths(s.total)).toBe("100,00");
    expect(formatHundredths(s.max)).toBe("100,00");
    expect(s.items.map((n) => formatHundredths(n.score))).toEqual(Array(10).fill("10,00"));
  });

  it("computes the group the seed misprints (9.1 printed 0.00) from its children", () => {
    const s = loadExampleScored();
    const nine = s.items.find((n) => n.node.id === "9")!;
    const g = nine.children!.find((n) => n.node.id === "9.1")!;
    expect(formatHundredths(g.score)).toBe("5,00");
  });

  it("finds the seed's own slips as warnings", () => {
    const r = checkExample();
    const found = codes(r.diagnostics).sort();
    expect(found).toEqual(expect.arrayContaining(["CD505", "CD506", "CD507", "CD508", "CD509", "CD511", "CD512", "CD513"]));
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("without the wording checks (summary), loses exactly the warnings CD509, CD512, CD513", async () => {
    const { runChecks } = await import("../src/pipeline/run-checks.js");
    const { readFileSync } = await import("node:fs");
    const { EXAMPLE_ASSESSMENT, EXAMPLE_RUBRIC } = await import("./helpers/example.js");
    const inputs = [EXAMPLE_RUBRIC, EXAMPLE_ASSESSMENT].map((path) => ({ path, bytes: readFileSync(path) }));
    const full = runChecks(inputs).diagnostics;
    const lean = runChecks(inputs, { proseStyle: false }).diagnostics;
    const style = new Set(["CD509", "CD512", "CD513"]);
    expect(full.some((d) => style.has(d.code))).toBe(true);
    expect(lean).toEqual(full.filter((d) => !style.has(d.code)));
  });
});
