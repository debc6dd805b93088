/**
 * The content-stream byte writer: numbers written digit by digit must read exactly as `num` formats
 * them (at most 3 decimals, no trailing zeros, no "-0"), for every value the layout can produce.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteWriter, num } from "../src/write/pdf/bytes.js";

const written = (v: number) => new TextDecoder().decode(new ByteWriter(4).num(v).bytes());

describe("ByteWriter.num", () => {
  it("writes what num() formats, followed by a space", () => {
    for (const v of [0, -0, 0.0004, -0.0004, 0.0005, -0.0005, 1, -1, 10, 100.5, 166.592, 526.463, 0.05, 0.007, 841.89, 1e9 + 0.25, -330.599, 2.5e-3]) {
      expect(written(v), String(v)).toBe(`${num(v)} `);
    }
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -2000, max: 2000, noNaN: true }),
          fc.integer({ min: -2_000_000, max: 2_000_000 }).map((k) => k / 1000),
        ),
        (v) => {
          expect(written(v)).toBe(`${num(v)} `);
        },
      ),
      { numRuns: 20000 },
    );
  });
});
