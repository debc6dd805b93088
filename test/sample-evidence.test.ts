/**
 * The example's sample evidence in content/evidence/ is exactly what test/helpers/sample-evidence.ts
 * makes (so it is reviewed as code, and nothing in it is a real document): same names, same bytes.
 * CHAMDIEM_WRITE_SAMPLE=1 writes it (after a change to the example's citations or to the writer).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/example.js";
import { SAMPLE_FOLDER, sampleDocuments, sampleEvidence } from "./helpers/sample-evidence.js";

describe("the example's sample evidence", () => {
  it("is one file per cited document, plus the declared photo, each marked as a sample", async () => {
    const made = await sampleEvidence();
    const folder = join(ROOT, SAMPLE_FOLDER);
    if (process.env.CHAMDIEM_WRITE_SAMPLE === "1") {
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      for (const [name, bytes] of made) writeFileSync(join(folder, name), bytes);
    }
    expect(sampleDocuments().length).toBe(64);
    expect(made.size).toBe(65);
    const committed = readdirSync(folder).sort();
    expect(committed).toEqual([...made.keys()]);
    for (const [name, bytes] of made) expect(Buffer.compare(readFileSync(join(folder, name)), Buffer.from(bytes)), name).toBe(0);
  });
});
