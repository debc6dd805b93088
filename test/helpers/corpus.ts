/**
 * Invalid-input corpora: every YAML file in a folder states on its first line the diagnostic it must
 * produce ("# expect: CD408 line 33").
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { message, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { ROOT } from "./example.js";

export interface CorpusCase {
  file: string;
  /** Path relative to the repository, as diagnostics show it. */
  path: string;
  code?: string;
  line?: number;
}

export function corpus(dir: string): CorpusCase[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((file) => {
      const path = `${dir}/${file}`;
      const m = /^# expect: (CD\d{3}) line (\d+)/.exec(readFileSync(join(ROOT, path), "utf8"));
      return m ? { file, path, code: m[1], line: Number(m[2]) } : { file, path };
    });
}

/** The case's expected diagnostic is among `ds` (at its file and line), and every message renders in both languages. */
export function expectCase(c: CorpusCase, ds: readonly Diagnostic[]): void {
  expect(c.code, "first line must be '# expect: CDnnn line N'").toBeDefined();
  const found = ds.filter((d) => d.pos.file === c.path).map((d) => `${d.code} line ${d.pos.line}`);
  expect(found).toContain(`${c.code} line ${c.line}`);
  for (const d of ds) {
    expect(message(d, "vi")).not.toMatch(/\{\w+\}/);
    expect(message(d, "en")).not.toMatch(/\{\w+\}/);
  }
}
