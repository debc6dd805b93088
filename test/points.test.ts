import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatHundredths, mulDivRound, parseHundredths } from "../src/model/points.js";

describe("exact points", () => {
  it("parses decimals with a point or a comma into hundredths", () => {
    expect(parseHundredths("3")).toBe(300);
    expect(parseHundredths("3,00")).toBe(300);
    expect(parseHundredths("0,5")).toBe(50);
    expect(parseHundredths(0.5)).toBe(50);
    expect(parseHundredths(98.93)).toBe(9893);
    expect(parseHundredths("-0,25")).toBe(-25);
    expect(parseHundredths(-0)).toBe(0);
  });

  it("refuses more than two decimals, exponents and junk", () => {
    for (const bad of ["0,125", "1e2", "abc", "", "1,2,3", 0.125, Number.NaN, Infinity]) {
      expect(parseHundredths(bad as string | number)).toBeNull();
    }
  });

  it("never goes through binary floating point: 0.1 + 0.2 is 0.30", () => {
    expect(parseHundredths(0.1)! + parseHundredths(0.2)!).toBe(30);
  });

  it("rounds formulas once, half away from zero (95,5% × 2/100 = 1,91)", () => {
    expect(mulDivRound(9550, 200, 10000)).toBe(191);
    expect(mulDivRound(9925, 200, 10000)).toBe(199); // 1,985 → 1,99
    expect(mulDivRound(9875, 200, 10000)).toBe(198); // 1,975 → 1,98 (ties away from zero)
    expect(mulDivRound(-9875, 200, 10000)).toBe(-198);
    expect(mulDivRound(700, 200, 1000)).toBe(140); // 7% × 2/10% = 1,40
    expect(mulDivRound(8333, 300, 10000)).toBe(250); // 2,4999 → 2,50
  });

  it("agrees with exact rational rounding for random inputs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 100_000 }), (a, b, c) => {
        const r = mulDivRound(a, b, c);
        // r is the nearest integer to a*b/c: |a*b - r*c| <= c/2, ties resolved upwards.
        const diff = BigInt(a) * BigInt(b) - BigInt(r) * BigInt(c);
        expect(2n * diff).toBeLessThan(BigInt(c) + 1n);
        expect(2n * diff).toBeGreaterThanOrEqual(-BigInt(c));
      }),
      { seed: 100 },
    );
  });

  it("formats in Vietnamese notation by default, and configurably", () => {
    expect(formatHundredths(1000)).toBe("10,00");
    expect(formatHundredths(50)).toBe("0,50");
    expect(formatHundredths(-200)).toBe("-2,00");
    expect(formatHundredths(9893, { decimal: ".", fixed: true })).toBe("98.93");
    expect(formatHundredths(1000, { decimal: ",", fixed: false })).toBe("10");
    expect(formatHundredths(950, { decimal: ",", fixed: false })).toBe("9,5");
  });

  it("groups thousands from 1 000 on: 1.000,00 in Vietnamese notation, 1,000.00 with a decimal point", () => {
    expect(formatHundredths(99999)).toBe("999,99");
    expect(formatHundredths(100000)).toBe("1.000,00");
    expect(formatHundredths(-100000)).toBe("-1.000,00");
    expect(formatHundredths(123456789)).toBe("1.234.567,89");
    expect(formatHundredths(100000000)).toBe("1.000.000,00");
    expect(formatHundredths(100000, { decimal: ".", fixed: true })).toBe("1,000.00");
    expect(formatHundredths(1234550, { decimal: ".", fixed: false })).toBe("12,345.5");
    expect(formatHundredths(150000, { decimal: ",", fixed: false })).toBe("1.500");
    // machine-read output (CSV) opts out
    expect(formatHundredths(123456, { decimal: ".", fixed: true, grouping: false })).toBe("1234.56");
  });
});
