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
    expect(found).toEqual(
      expect.arrayContaining(["CD505", "CD506", "CD507", "CD508", "CD509", "CD511", "CD512", "CD513"]),
    );
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
