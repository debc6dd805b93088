/**
 * writeFileAtomic (src/cli/write-atomic.ts) with a list of chunks, as the evidence pack is written: the
 * file is their concatenation, and a write that fails half-way leaves the old file and no temporary one.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../src/cli/write-atomic.js";

describe("writeFileAtomic with chunks", () => {
  it("writes their concatenation, including chunks that are views into larger buffers", () => {
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-atomic-"));
    const big = new Uint8Array(100).map((_, i) => i);
    writeFileAtomic(join(dir, "a.pdf"), [new Uint8Array([1, 2]), big.subarray(10, 13), new Uint8Array(0), Buffer.from("x")]);
    expect([...readFileSync(join(dir, "a.pdf"))]).toEqual([1, 2, 10, 11, 12, 120]);
  });

  it("leaves the old file as it was, and no temporary file, when a chunk cannot be written", () => {
    const dir = mkdtempSync(join(tmpdir(), "chamdiem-atomic-"));
    const file = join(dir, "ho-so-kiem-chung.pdf");
    writeFileSync(file, "old");
    const broken = [new Uint8Array(5000), undefined as unknown as Uint8Array];
    expect(() => writeFileAtomic(file, broken)).toThrow();
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["ho-so-kiem-chung.pdf"]);
  });
});
